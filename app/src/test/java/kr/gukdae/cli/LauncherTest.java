package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class LauncherTest {

  @Test
  void onlyServeAndDemoStartTheWebServer() {
    assertThat(Launcher.needsWebServer("serve")).isTrue();
    assertThat(Launcher.needsWebServer("demo")).isTrue();
    assertThat(Launcher.needsWebServer("demo", "--no-serve")).isFalse();
    assertThat(Launcher.needsWebServer("eval", "--model", "demo/lexical")).isFalse();
    assertThat(Launcher.needsWebServer()).isFalse();
  }

  @Test
  void helpVersionAndTheBareCommandAreAnsweredWithoutSpring() {
    assertThat(QuickAnswers.applies()).isTrue();
    assertThat(QuickAnswers.applies("--version")).isTrue();
    assertThat(QuickAnswers.applies("demo", "--help")).isTrue();
    assertThat(QuickAnswers.applies("stage", "run", "-h")).isTrue();
    assertThat(QuickAnswers.applies("eval", "--model", "demo/lexical")).isFalse();
    assertThat(QuickAnswers.applies("eval", "--", "--help")).isFalse();
  }

  @Test
  void theFastListingFindsExactlyWhatSpringsScanFinds() {
    // A command class not named *Command would be missed by the launcher's fast listing.
    assertThat(CommandClasses.candidateNames()).isNotNull();
    assertThat(CommandClasses.all().stream().map(Class::getName).toList())
        .hasSizeGreaterThan(10)
        .containsExactlyElementsOf(CommandClasses.scanned());
    assertThat(CommandClasses.named("ratings")).isPresent();
    assertThat(CommandClasses.named("no-such")).isEmpty();
  }

  @Test
  void bareCommandListsEveryCommandWithWholeSentences() {
    Answer answer = capture();
    assertThat(answer.code()).contains(0);
    assertThat(answer.out())
        .contains("Commands:")
        .contains("eval", "demo", "stage", "audit", "originality", "lineage", "ratings", "serve");
    // ratings' description spans two lines; the list shows its whole first sentence.
    assertThat(answer.out().replaceAll("\\s+", " "))
        .contains("online Elo or style-controlled Bradley-Terry.");
    // Every command's entry is a whole sentence.
    for (Class<?> type : CommandClasses.all()) {
      String summary = QuickAnswers.summary(type.getAnnotation(Command.class).description());
      assertThat(summary).as(type.getSimpleName()).endsWith(".");
    }
  }

  @Test
  void firstSentenceOfADescription() {
    assertThat(QuickAnswers.summary("Rate models from battles: A or", "B. Reads files.", "More."))
        .isEqualTo("Rate models from battles: A or B.");
    assertThat(QuickAnswers.summary("No full stop")).isEqualTo("No full stop");
  }

  @Test
  void helpNeverRunsTheCommand() {
    // demo would start a web server; here it has no Spring beans at all, so running it would fail.
    Answer demo = capture("demo", "--help");
    assertThat(demo.code()).contains(0);
    assertThat(demo.out()).contains("Usage: gukdae demo");
    Answer version = capture("--version");
    assertThat(version.out()).contains("gukdae 0.1.0");
    Answer ratings = capture("ratings", "--help");
    assertThat(ratings.out()).contains("95% intervals");
    Answer audit = capture("audit", "verify", "--help");
    assertThat(audit.out()).contains("Usage: gukdae audit verify", "--file");
  }

  /**
   * {@code --version} is also the option of a dataset's version: a line that gives it a value runs
   * the command (in Spring), where it used to be answered without Spring and run with no database.
   */
  @Test
  void aCommandsOwnVersionOptionIsNoQuestion() {
    assertThat(
            capture(
                    "registry",
                    "version",
                    "--dataset",
                    "d",
                    "--version",
                    "1",
                    "--bytes",
                    "1",
                    "--records",
                    "1")
                .code())
        .isEmpty();
    assertThat(
            capture(
                    "data",
                    "claim",
                    "--team",
                    "t",
                    "--root",
                    "r",
                    "--dataset",
                    "d",
                    "--version",
                    "v")
                .code())
        .isEmpty();
    Answer help = capture("registry", "version", "--help");
    assertThat(help.code()).contains(0);
    assertThat(help.out()).contains("Usage: gukdae registry version", "--version=<version>");
  }

  @Test
  void globalOptionsAreTakenOutWhereverTheyStand() {
    GlobalOptions options = GlobalOptions.parse("ratings", "--verbose", "--lang", "ko", "--x");
    assertThat(options.verbose()).isTrue();
    assertThat(options.language()).isEqualTo("ko");
    assertThat(options.rest()).containsExactly("ratings", "--x");
    assertThat(GlobalOptions.parse("a", "--lang=EN").language()).isEqualTo("en");
    // After "--" everything belongs to the command.
    assertThat(GlobalOptions.parse("a", "--", "--verbose").rest())
        .containsExactly("a", "--", "--verbose");
    assertThatThrownBy(() -> GlobalOptions.parse("a", "--lang", "fr"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("expected ko (한국어) or en (English)");
    assertThatThrownBy(() -> GlobalOptions.parse("a", "--lang"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--lang needs a value");
  }

  private record Answer(Optional<Integer> code, String out) {}

  private static Answer capture(String... args) {
    PrintStream original = System.out;
    var buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      Optional<Integer> code = QuickAnswers.answer(args);
      return new Answer(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  /** The address printed by serve and demo falls back to application.properties, not a copy. */
  @Test
  void theWebAddressDefaultsComeFromApplicationProperties() throws Exception {
    var environment = new org.springframework.core.env.StandardEnvironment();
    environment
        .getPropertySources()
        .addLast(
            new org.springframework.core.io.support.ResourcePropertySource(
                new org.springframework.core.io.ClassPathResource("application.properties")));
    String port = System.getenv().getOrDefault("GUKDAE_PORT", "8080");
    String host = System.getenv().getOrDefault("GUKDAE_ADDRESS", "127.0.0.1");
    assertThat(Launcher.webAddress(environment)).isEqualTo("http://" + host + ":" + port + "/");
    var started = new org.springframework.mock.env.MockEnvironment();
    started.setProperty("server.address", "127.0.0.1");
    started.setProperty("server.port", "0");
    started.setProperty("local.server.port", "43117");
    assertThat(Launcher.webAddress(started)).isEqualTo("http://127.0.0.1:43117/");
  }
}
