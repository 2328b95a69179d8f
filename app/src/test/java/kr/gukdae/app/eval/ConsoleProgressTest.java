package kr.gukdae.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import kr.gukdae.cli.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleProgressTest {

  @Test
  void withoutATerminalEachTenthIsOnePlainLineEvenFromManyThreads() throws Exception {
    var bytes = new ByteArrayOutputStream();
    var err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (var progress = new ConsoleProgress(true, false, err);
        var pool = Executors.newFixedThreadPool(8)) {
      progress.started(200, 0);
      IntStream.range(0, 200).forEach(i -> pool.submit(() -> progress.sampleFinished(i != 7)));
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    var lines = text.lines().toList();
    assertThat(lines.getFirst()).isEqualTo("eval: 200 samples");
    // at most one line per tenth, in order, ending at 100% with the error counted
    assertThat(lines).doesNotHaveDuplicates().hasSizeBetween(2, 11);
    assertThat(lines.getLast()).isEqualTo("eval: 200/200 samples (100%), 1 errors");
    assertThat(text).doesNotContain("\r", "[", "WARNING");
  }

  @Test
  void aResumedRunStartsFromWhereItWas() {
    var bytes = new ByteArrayOutputStream();
    var err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (var progress = new ConsoleProgress(true, false, err)) {
      progress.started(10, 5);
      for (int i = 0; i < 5; i++) {
        progress.sampleFinished(true);
      }
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "eval: 10 samples, resumed at 5",
            "eval: 6/10 samples (60%), 0 errors",
            "eval: 7/10 samples (70%), 0 errors",
            "eval: 8/10 samples (80%), 0 errors",
            "eval: 9/10 samples (90%), 0 errors",
            "eval: 10/10 samples (100%), 0 errors");
  }

  @Test
  void noProgressPrintsNothing() {
    var bytes = new ByteArrayOutputStream();
    try (var progress =
        new ConsoleProgress(false, false, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      progress.started(3, 0);
      progress.sampleFinished(true);
    }
    assertThat(bytes.size()).isZero();
  }

  @Test
  void sampleRowsAreReadFromTheRunsOwnResults(@TempDir Path dir) throws Exception {
    Path samples = dir.resolve("samples.json");
    Files.writeString(
        samples,
        "{\"configs\":{\"a\":{\"metadata\":{\"demo\":false}},\"b\":{\"metadata\":{\"demo\":true}}}}");
    Path real = dir.resolve("real.json");
    Files.writeString(real, "{\"configs\":{\"a\":{\"metadata\":{\"demo\":false}}}}");
    assertThat(SampleRows.usedIn(samples)).isTrue();
    assertThat(SampleRows.usedIn(real)).isFalse();
    assertThat(SampleRows.usedIn(dir.resolve("missing.json"))).isFalse();
    assertThat(Terminal.sampleRowsBanner())
        .containsAnyOf("project-written sample rows, not the benchmark", "프로젝트가 직접 쓴 샘플 행");
  }
}
