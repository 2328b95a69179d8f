package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
  void bareCommandListsEveryCommand() {
    Answer answer = capture();
    assertThat(answer.code()).contains(0);
    assertThat(QuickAnswers.commandClasses()).hasSizeGreaterThan(10);
    assertThat(answer.out())
        .contains("Commands:")
        .contains("eval", "demo", "stage", "audit", "originality", "lineage", "ratings", "serve");
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
}
