package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kr.gukdae.GukdaeApplication;
import kr.gukdae.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines a user gets wrong, through the real launcher in a child JVM: an option value of the
 * wrong type, a missing required option, a number past what the computation accepts, a date that
 * does not exist. Each is one line in the language {@code --lang} chose and exit code 2; none
 * prints a stack trace.
 */
class HostileOptionsLaunchTest {

  @TempDir Path dir;

  record Run(int exit, String output) {}

  @Test
  void aMistypedOptionValueIsOneLineInEachLanguage() throws Exception {
    Path battles = battles();
    Run ko = gukdae("ratings", "--lang", "ko", "--battles", battles.toString(), "--bootstrap", "x");
    assertUserError(ko);
    assertThat(ko.output())
        .contains("gukdae ratings: '--bootstrap'의 값 'x'이(가) 올바르지 않습니다. 정수를 적으세요")
        .contains("'gukdae ratings --help'로 옵션을 확인하세요")
        .doesNotContain("Invalid value");
    Run en = gukdae("ratings", "--lang", "en", "--battles", battles.toString(), "--bootstrap", "x");
    assertUserError(en);
    assertThat(en.output())
        .contains("gukdae ratings: Invalid value for option '--bootstrap'")
        .contains("(see 'gukdae ratings --help')")
        .doesNotContain("명령줄");
  }

  @Test
  void aMissingRequiredOptionIsNamed() throws Exception {
    Run ko = gukdae("ratings", "--lang", "ko");
    assertUserError(ko);
    assertThat(ko.output())
        .contains("gukdae ratings: 필수 옵션이 없습니다: '--battles'")
        .doesNotContain("Missing required");
    Run en = gukdae("ratings", "--lang", "en");
    assertUserError(en);
    assertThat(en.output()).contains("gukdae ratings: Missing required option", "--battles");
  }

  /** picocli's own English reasons, said again in Korean with the option or argument named. */
  @Test
  void picocliReasonsAreKoreanWithTheOptionNamed() throws Exception {
    Path battles = battles();
    Run unknown = gukdae("ratings", "--lang", "ko", "--battles", battles.toString(), "--foo");
    assertUserError(unknown);
    assertThat(unknown.output())
        .contains("gukdae ratings: 알 수 없는 옵션입니다: '--foo'")
        .doesNotContain("Unknown option");
    Run unmatched = gukdae("ratings", "--lang", "ko", "--battles", battles.toString(), "extra");
    assertUserError(unmatched);
    assertThat(unmatched.output())
        .contains("gukdae ratings: 알 수 없는 인수입니다: 'extra'")
        .doesNotContain("Unmatched argument");
    Run noValue = gukdae("ratings", "--lang", "ko", "--battles");
    assertUserError(noValue);
    assertThat(noValue.output())
        .contains("gukdae ratings: 옵션 '--battles'에 값이 없습니다. 옵션 뒤에 값을 적으세요")
        .doesNotContain("Missing required parameter");
    Run english = gukdae("ratings", "--lang", "en", "--battles");
    assertUserError(english);
    assertThat(english.output())
        .contains("gukdae ratings: Missing required parameter for option '--battles'")
        .doesNotContain("값이 없습니다");
  }

  @Test
  void valuesPastWhatTheComputationAcceptsAreRefusedNotThrown() throws Exception {
    Path battles = battles();
    // the rating options reject more than a million rounds; the command says so first
    Run ko =
        gukdae(
            "ratings", "--lang", "ko", "--battles", battles.toString(), "--bootstrap", "2000000");
    assertUserError(ko);
    assertThat(ko.output()).contains("gukdae ratings: --bootstrap 2000000: 최대 1000000회까지");
    Run en =
        gukdae(
            "ratings", "--lang", "en", "--battles", battles.toString(), "--bootstrap", "2000000");
    assertUserError(en);
    assertThat(en.output()).contains("gukdae ratings: --bootstrap 2000000: at most 1000000 rounds");

    Run date =
        gukdae("lineage", "--lang", "en", "--demo", "--root", "a/b", "--since", "2026-13-45");
    assertUserError(date);
    assertThat(date.output()).contains("since: '2026-13-45' is not a date");
    Run window =
        gukdae(
            "lineage",
            "--lang",
            "ko",
            "--demo",
            "--root",
            "a/b",
            "--since",
            "2026-02-01",
            "--until",
            "2026-01-01",
            "--min-downloads",
            "-3");
    assertUserError(window);
    assertThat(window.output())
        .contains("gukdae lineage: lineage rules: since 2026-02-01")
        .contains("보다 앞이어야 합니다. 두 날짜를 바꾸어 주세요");
  }

  private Path battles() throws Exception {
    Path battles = dir.resolve("battles.csv");
    Files.writeString(battles, "model_a,model_b,winner\nalpha,beta,model_a\nbeta,alpha,tie\n");
    return battles;
  }

  private static void assertUserError(Run run) {
    assertThat(run.exit()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).as("no stack trace").doesNotContain("\tat ", "Exception");
  }

  private Run gukdae(String... args) throws Exception {
    Path output = Files.createTempFile(dir, "out", ".txt");
    try (ChildJvm child =
        ChildJvm.main(GukdaeApplication.class)
            .env("GUKDAE_HOME", dir.resolve("home").toString())
            .withoutEnv("GUKDAE_DB_")
            .outputTo(output)
            .args(args)
            .start()) {
      Process process = child.process();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        throw new AssertionError("gukdae " + String.join(" ", args) + " did not exit");
      }
      return new Run(process.exitValue(), Files.readString(output));
    }
  }
}
