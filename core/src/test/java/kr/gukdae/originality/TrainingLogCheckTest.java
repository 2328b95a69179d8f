package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.UserError;
import kr.gukdae.originality.TrainingLogCheck.Kind;
import kr.gukdae.originality.TrainingLogCheck.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogCheckTest {

  @TempDir Path dir;
  static final long VOCAB = 32000; // ln = 10.37

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A from-scratch curve: starts at ln V, decays; tokens 1M per step. */
  static String scratchCsv(int from, int to) {
    StringBuilder b = new StringBuilder("step,loss,tokens\n");
    for (int s = from; s <= to; s += 10) {
      b.append(s)
          .append(',')
          .append(2.0 + 8.4 * Math.exp(-s / 200.0))
          .append(',')
          .append((long) s * 1_000_000)
          .append('\n');
    }
    return b.toString();
  }

  @Test
  void fromScratchLogIsConsistent() throws IOException {
    var r = TrainingLogCheck.check(write("scratch.csv", scratchCsv(0, 1000)), VOCAB, 1e9);
    assertThat(TrainingLogCheck.first(r, Kind.FROM_SCRATCH).severity()).isEqualTo(Severity.INFO);
    assertThat(r.hasWarnings()).isFalse();
    assertThat(r.tokensSeen()).isEqualTo(1e9);
  }

  @Test
  void lowFirstLossPointsAtTrainedStartingWeights() throws IOException {
    String tuned = "step,loss\n0,2.1\n10,2.0\n20,1.95\n";
    var r = TrainingLogCheck.check(write("tuned.csv", tuned), VOCAB, 0);
    var flag = TrainingLogCheck.first(r, Kind.FROM_SCRATCH);
    assertThat(flag.severity()).isEqualTo(Severity.WARN);
    assertThat(flag.line()).isEqualTo(2);
    assertThat(flag.explanation().en()).contains("ln(vocabulary) = 10.373");
    assertThat(flag.explanation().ko()).contains("ln(어휘 크기) = 10.373");
  }

  @Test
  void lateStartResumptionGapAndTokenShortfall() throws IOException {
    String log =
        scratchCsv(100, 500)
            + scratchCsv(400, 600).replace("step,loss,tokens\n", "")
            + scratchCsv(5000, 5100).replace("step,loss,tokens\n", "");
    var r = TrainingLogCheck.check(write("messy.csv", log), VOCAB, 2e10);
    assertThat(r.flags())
        .extracting(TrainingLogCheck.Flag::kind)
        .contains(Kind.LATE_START, Kind.RESUMPTION, Kind.GAP, Kind.TOKENS);
    assertThat(TrainingLogCheck.first(r, Kind.RESUMPTION).explanation().en())
        .contains("from 500 to 400");
    assertThat(TrainingLogCheck.first(r, Kind.GAP).explanation().en())
        .contains("Steps 600 to 5000");
    assertThat(TrainingLogCheck.first(r, Kind.GAP).explanation().ko()).contains("600~5000단계");
    assertThat(TrainingLogCheck.first(r, Kind.TOKENS).severity()).isEqualTo(Severity.WARN);
  }

  @Test
  void wandbJsonlExportIsRead() throws IOException {
    String jsonl =
        """
        {"_step": 0, "train/loss": 10.4, "_timestamp": 1700000000}
        {"_step": 1, "eval/acc": 0.1}
        {"_step": 2, "train/loss": 9.8, "_timestamp": 1700000100}
        """;
    var r = TrainingLogCheck.check(write("history.jsonl", jsonl), VOCAB, 0);
    assertThat(r.rows()).isEqualTo(2);
    assertThat(r.firstLoss()).isEqualTo(10.4);
  }

  @Test
  void badInputNamesFileLineAndField() throws IOException {
    assertThatThrownBy(() -> TrainingLogCheck.check(write("a.csv", "step,loss\n1,abc\n"), 0, 0))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("a.csv:2: loss 'abc' is not a number"));
    assertThatThrownBy(() -> TrainingLogCheck.check(write("b.csv", "when,what\n1,2\n"), 0, 0))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("b.csv:1: header needs a step column"));
    assertThatThrownBy(
            () -> TrainingLogCheck.check(write("c.jsonl", "{\"step\":1,\"loss\":2}\n[1]\n"), 0, 0))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false)).contains("c.jsonl:2: not a JSON object"));
  }
}
