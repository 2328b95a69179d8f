package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kr.gukdae.GukdaeApplication;
import kr.gukdae.testing.ChildJvm;
import kr.gukdae.testing.LineRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher, in a child JVM, on a fresh home as a new installation starts it: what it
 * prints on standard output and error is the user's own lines in the user's language, no framework
 * log line (Spring, Hibernate, Flyway, Tomcat, HikariCP, with their time stamps and levels) unless
 * {@code --verbose}. The first start creates the office ledger key, and says so in a line of its
 * own in the user's language. Two child JVMs: a database command and the web server until it is up.
 */
class FirstStartOutputTest {

  /** A logging framework's line: a time of day, then somewhere a level. */
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d{2}:\\d{2}:\\d{2}.*\\b(TRACE|DEBUG|INFO|WARN|ERROR)\\b");

  @TempDir Path dir;

  /** The first command on a fresh installation asks for the ledger first: it still reads. */
  @Test
  void aDatabaseCommandOnAFreshHome() throws Exception {
    Path home = dir.resolve("home-ko");
    Path output = dir.resolve("audit.txt");
    try (ChildJvm child =
        ChildJvm.main(GukdaeApplication.class)
            .withoutEnv("GUKDAE_")
            .env("GUKDAE_HOME", home.toString())
            .outputTo(output)
            .args("--lang", "ko", "audit", "verify")
            .start()) {
      assertThat(child.process().waitFor(3, TimeUnit.MINUTES)).as("gukdae audit verify").isTrue();
      String printed = Files.readString(output);
      // It reads the ledger (it used to fail with a stack trace: the ledger asked for its table
      // before the migrations ran), and an empty ledger whose key was just created is fresh, not
      // broken (it used to read as "no entry signed by the trusted office key", exit 1).
      assertThat(child.process().exitValue()).as(printed).isZero();
      assertThat(printed).contains("원장이 비어 있음");
      assertThat(printed).doesNotContain("Exception", "\tat ");
      assertThat(printed).contains("원장").contains("사무국 원장 키를 만들었습니다");
      ours(printed, "ko", home);
    }
  }

  @Test
  void theWebServerOnAFreshHome() throws Exception {
    Path home = dir.resolve("home-en");
    try (ChildJvm child =
        ChildJvm.main(GukdaeApplication.class)
            .withoutEnv("GUKDAE_")
            .env("GUKDAE_HOME", home.toString())
            .env("GUKDAE_PORT", "0")
            .args("--lang", "en", "serve")
            .start()) {
      child.awaitLine("gukdae is serving at ", Duration.ofMinutes(3));
      String printed = child.printed();
      assertThat(printed).contains("created the office ledger key");
      ours(printed, "en", home);
    }
  }

  /** Every line is gukdae's, none a framework's log line, each in the language asked for. */
  private static void ours(String printed, String language, Path home) {
    for (String line : printed.lines().toList()) {
      assertThat(LOG_LINE.matcher(line).find()).as("a framework log line:%n%s", line).isFalse();
    }
    // the paths under the fresh home and the key's fingerprint are data
    LineRule.checkOne("first start", language, printed, List.of(home.toString()));
  }
}
