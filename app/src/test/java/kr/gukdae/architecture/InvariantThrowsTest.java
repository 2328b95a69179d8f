package kr.gukdae.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In core, {@code throw new IllegalArgumentException/IllegalStateException} is kept for true
 * invariants (a programming error: a caller broke a contract no user input can reach). A throw that
 * a user's file, option or request body can reach must be {@code UserError.of(korean, english)}
 * naming the field and the fix: otherwise the person reads "값이 올바르지 않습니다 (English reason)". The
 * invariant throws left are counted per file in {@code architecture/invariant-throws.txt}; the list
 * may only shrink. A new throw fails here: make it a {@code UserError} if input can reach it, or
 * list it (with a reviewer's eye on why it is an invariant). A file with fewer throws than listed
 * fails too, so the list stays exact.
 */
class InvariantThrowsTest {

  static final Pattern THROW =
      Pattern.compile("throw\\s+new\\s+(IllegalArgumentException|IllegalStateException)\\s*\\(");

  @Test
  void invariantThrowsInCoreOnlyShrink() throws IOException {
    Map<String, Integer> now = counts();
    Map<String, Integer> listed = listed();
    List<String> wrong = new ArrayList<>();
    now.forEach((file, n) -> {
      int allowed = listed.getOrDefault(file, 0);
      if (n > allowed) {
        wrong.add(
            file
                + ": "
                + n
                + " throws, "
                + allowed
                + " listed: a new one; if input can reach it, UserError.of(korean, english)");
      }
    });
    listed.forEach((file, n) -> {
      if (now.getOrDefault(file, 0) < n) {
        wrong.add(
            file
                + ": "
                + now.getOrDefault(file, 0)
                + " throws, "
                + n
                + " listed: lower the count in invariant-throws.txt");
      }
    });
    assertThat(wrong).isEmpty();
    // the walk did read the sources
    assertThat(now.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(50);
  }

  @Test
  void thePatternFindsBothKindsAndNotUserErrors() {
    String planted =
        """
        throw new IllegalArgumentException("x");
        throw new IllegalStateException(
            "y");
        throw UserError.of("가", "a");
        """;
    assertThat(THROW.matcher(planted).results().count()).isEqualTo(2);
  }

  private static Map<String, Integer> counts() throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    Path root = EnglishOnlyErrorsTest.ROOT;
    try (Stream<Path> files = Files.walk(root.resolve("core/src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        int n = (int) THROW.matcher(Files.readString(file)).results().count();
        if (n > 0) {
          out.put(root.relativize(file).toString().replace('\\', '/'), n);
        }
      }
    }
    return out;
  }

  private static Map<String, Integer> listed() throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    try (InputStream in =
        Objects.requireNonNull(
            InvariantThrowsTest.class.getResourceAsStream("/architecture/invariant-throws.txt"))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+");
        out.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    return out;
  }
}
