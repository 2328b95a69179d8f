package kr.gukdae.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every error message a person reads (CLI, REST, web) is Korean and English ({@code UserError.of}
 * or the joined {@code "한국어 / English"} shape). Sites still English only are listed, per file, in
 * {@code architecture/english-only-errors.txt}; that list may only shrink: a new English-only site,
 * or a file's count going up, fails the build, and a count going down asks for the list to be
 * lowered with it. Run with {@code -Dgukdae.englishOnly.write=true} to rewrite the list.
 */
class EnglishOnlyErrorsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path LIST = Path.of("src/test/resources/architecture/english-only-errors.txt");

  @Test
  void noNewEnglishOnlyErrorMessages() throws IOException {
    Map<String, Integer> actual =
        ErrorMessages.englishOnly(
            ROOT, List.of(ROOT.resolve("core/src/main/java"), ROOT.resolve("app/src/main/java")));
    if (Boolean.getBoolean("gukdae.englishOnly.write")) {
      write(actual);
    }
    Map<String, Integer> known = read();
    List<String> problems = new ArrayList<>();
    actual.forEach((file, n) -> {
      int allowed = known.getOrDefault(file, 0);
      if (n > allowed) {
        problems.add(
            file
                + ": "
                + n
                + " English-only error messages (allowed "
                + allowed
                + "); write them with UserError.of(korean, english)");
      }
    });
    known.forEach((file, allowed) -> {
      int n = actual.getOrDefault(file, 0);
      if (n < allowed) {
        problems.add(
            file + ": now " + n + ", lower its line in " + LIST + " (was " + allowed + ")");
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void plantedEnglishOnlyMessagesAreCaught() {
    String planted =
        """
        class Planted {
          void a(int limit) {
            throw new UserError("--limit must be at least 1, got " + limit);
          }
          void b(Exception e) {
            throw new UserError(e.getMessage(), e);
          }
          void c(int limit) {
            throw UserError.of("--limit " + limit + ": 1 이상이어야 합니다", "--limit " + limit
                + ": must be at least 1");
          }
          void d() {
            throw new AccessDenied(HttpStatus.FORBIDDEN, "forbidden", "not yours (team " + t + ")");
          }
          void e() {
            throw ArenaException.badRequest("language", "language: a code such as ko or en");
          }
          void f() {
            throw AccessDenied.badInput("role", "역할을 하나 이상 지정하세요 / roles: name one");
          }
          void g() {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such run");
          }
        }
        """;
    List<String> found = ErrorMessages.englishOnlySites(planted);
    assertThat(found).hasSize(4);
    assertThat(found.get(0)).contains("--limit must be at least 1");
    assertThat(found.get(1)).contains("not yours");
    assertThat(found.get(2)).contains("language: a code");
    assertThat(found.get(3)).contains("no such run");
  }

  private static Map<String, Integer> read() throws IOException {
    Map<String, Integer> known = new TreeMap<>();
    for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      known.put(line.substring(0, space), Integer.parseInt(line.substring(space + 1)));
    }
    return known;
  }

  private static void write(Map<String, Integer> actual) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "# English-only error messages still to translate, per source file (may only shrink;"
                + " see EnglishOnlyErrorsTest)\n");
    actual.forEach((file, n) -> out.append(file).append(' ').append(n).append('\n'));
    Files.writeString(LIST, out, StandardCharsets.UTF_8);
  }
}
