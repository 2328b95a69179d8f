package kr.gukdae.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error message a person reads (CLI, REST, web) is Korean and English ({@code UserError.of}
 * or the joined {@code "한국어 / English"} shape). No English-only site is left in either module; a
 * new one fails the build with the file and the call, to be written as {@code UserError.of(korean,
 * english)}.
 */
class EnglishOnlyErrorsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyErrorMessageIsInBothLanguages() throws IOException {
    List<String> found = new ArrayList<>();
    int sites = 0;
    for (String dir : List.of("core/src/main/java", "app/src/main/java")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String source = Files.readString(file);
          sites += (int) ErrorMessages.SITE.matcher(source).results().count();
          for (String site : ErrorMessages.englishOnlySites(source)) {
            found.add(ROOT.relativize(file) + ": " + site.replaceAll("\\s+", " "));
          }
        }
      }
    }
    assertThat(found)
        .as("English-only error messages; write them with UserError.of(korean, english)")
        .isEmpty();
    // the walk did read the sources: both modules build errors for people in hundreds of places
    assertThat(sites).isGreaterThan(600);
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
          void h(String f) {
            throw new UserError(f + " is required / " + f + " 값이 필요합니다");
          }
          void i(String m, String b) {
            throw UserError.of("results: " + m + "/" + b + " 결과가 두 번 있습니다", "results: twice");
          }
        }
        """;
    List<String> found = ErrorMessages.englishOnlySites(planted);
    assertThat(found).hasSize(5);
    assertThat(found.get(4)).contains("is required / ");
    assertThat(found.get(0)).contains("--limit must be at least 1");
    assertThat(found.get(1)).contains("not yours");
    assertThat(found.get(2)).contains("language: a code");
    assertThat(found.get(3)).contains("no such run");
  }
}
