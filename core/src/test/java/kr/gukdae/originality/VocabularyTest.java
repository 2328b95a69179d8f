package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import kr.gukdae.UserError;
import kr.gukdae.originality.DemoWeights.Model;
import kr.gukdae.originality.Findings.Report;
import kr.gukdae.originality.Findings.TensorEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vocabulary extended with new (Korean) tokens and renumbered: rows pair by token string. */
class VocabularyTest {

  @TempDir Path dir;

  static final int NEW = 128;

  /** Reference tokens t0..t511; the candidate puts k0..k127 first, then t511..t0 (renumbered). */
  static String token(int candidateId, int vocab) {
    return candidateId < NEW ? "k" + candidateId : "t" + (vocab - 1 - (candidateId - NEW));
  }

  static void tokenizer(Path modelDir, int size, java.util.function.IntFunction<String> tokenOf)
      throws IOException {
    StringBuilder json = new StringBuilder("{\"model\":{\"type\":\"BPE\",\"vocab\":{");
    for (int i = 0; i < size; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(tokenOf.apply(i)).append("\":").append(i);
    }
    Files.writeString(modelDir.resolve("tokenizer.json"), json.append("}}}"));
  }

  /** The candidate's rows: new random rows for new tokens, the reference's row for kept ones. */
  static Model extend(Model base, int vocab, int hidden) {
    SplittableRandom random = new SplittableRandom(5);
    return Attacks.reshape(
        base,
        List.of("model.embed_tokens.weight", "lm_head.weight"),
        (shape, w) -> {
          float[] out = new float[(vocab + NEW) * hidden];
          for (int r = 0; r < vocab + NEW; r++) {
            if (r < NEW) {
              for (int c = 0; c < hidden; c++) {
                out[r * hidden + c] = (float) random.nextGaussian() * 0.02f;
              }
            } else {
              int from = vocab - 1 - (r - NEW);
              System.arraycopy(w, from * hidden, out, r * hidden, hidden);
            }
          }
          return java.util.Map.entry(new long[] {vocab + NEW, hidden}, out);
        });
  }

  @Test
  void extendedAndRenumberedVocabularyPairsRowsByTokenString() throws IOException {
    DemoWeights.Config config = DemoWeights.Config.tiny();
    int vocab = config.vocab();
    Model base = DemoWeights.independent(config, 61);
    base.write(dir.resolve("ref"), DType.F32, 1);
    tokenizer(dir.resolve("ref"), vocab, i -> "t" + i);
    Model cand = DemoWeights.fineTuned(extend(base, vocab, config.hidden()), 6, 0.05);
    cand.write(dir.resolve("cand"), DType.F32, 1);
    tokenizer(dir.resolve("cand"), vocab + NEW, i -> token(i, vocab));

    Report report =
        Originality.compare(
            WeightModel.open("korean", dir.resolve("cand")),
            List.of(WeightModel.open("foreign", dir.resolve("ref"))),
            Originality.calibrate(List.of(), Originality.Options.defaults()),
            Originality.Options.defaults(),
            null);

    assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
    List<TensorEvidence> vocabRows =
        report.findings().get(0).tensors().stream()
            .filter(t -> t.component().equals("embeddings") || t.component().equals("head"))
            .toList();
    assertThat(vocabRows).hasSize(2);
    assertThat(vocabRows)
        .allSatisfy(t -> {
          assertThat(t.stats().alignment()).isEqualTo(TensorStats.Alignment.TOKENS);
          // every kept token compared, the new ones not
          assertThat(t.stats().elements()).isEqualTo((long) vocab * config.hidden());
          assertThat(t.level()).isEqualTo(Findings.Level.DERIVED);
        });
  }

  @Test
  void aTokenizerWithoutAVocabularyIsOneClearError() throws IOException {
    DemoWeights.Config config = DemoWeights.Config.tiny();
    Model base = DemoWeights.independent(config, 62);
    base.write(dir.resolve("ref"), DType.F32, 1);
    base.write(dir.resolve("cand"), DType.F32, 1);
    tokenizer(dir.resolve("ref"), config.vocab(), i -> "t" + i);
    Files.writeString(dir.resolve("cand/tokenizer.json"), "{\"model\":{\"type\":\"BPE\"}}");
    assertThatThrownBy(() ->
            Originality.compare(
                WeightModel.open("cand", dir.resolve("cand")),
                List.of(WeightModel.open("ref", dir.resolve("ref"))),
                Calibration.analytic(),
                Originality.Options.defaults(),
                null))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("cand/tokenizer.json: lacks model.vocab"));
  }
}
