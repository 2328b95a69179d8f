package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kr.gukdae.originality.DemoWeights.Config;
import kr.gukdae.originality.DemoWeights.Model;
import kr.gukdae.originality.Findings.Level;
import kr.gukdae.originality.Findings.Report;
import kr.gukdae.originality.Findings.TensorEvidence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each verdict on models the project generates itself. */
class OriginalityVerdictTest {

  static final Config CONFIG = Config.tiny();
  static Model base;
  static WeightModel baseWeights;
  static Calibration calibration;

  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    base = DemoWeights.independent(CONFIG, 1);
    baseWeights = write("foreign", base, DType.F32, 1);
    calibration = Originality.calibrate(List.of(), Originality.Options.defaults());
  }

  static WeightModel write(String name, Model model, DType dtype, int shards) {
    Path target = dir.resolve(name + "-" + dtype + "-" + shards);
    model.write(target, dtype, shards);
    return WeightModel.open(name, target);
  }

  static Report compare(WeightModel candidate) {
    return Originality.compare(
        candidate, List.of(baseWeights), calibration, Originality.Options.defaults(), null);
  }

  @Test
  void independentModelsAreOriginalAndTheirNormsRaiseNoAlarm() {
    WeightModel other = write("own", DemoWeights.independent(CONFIG, 2), DType.F32, 1);
    Report report = compare(other);
    assertThat(report.verdict()).isInstanceOf(Verdict.Original.class);
    List<TensorEvidence> norms =
        report.findings().get(0).tensors().stream().filter(TensorEvidence::norm).toList();
    assertThat(norms).isNotEmpty();
    // the raw cosine that caused the public false alarm is high for every pair of models...
    assertThat(norms).allSatisfy(t -> assertThat(t.stats().rawCosine()).isGreaterThan(0.99));
    // ...but the deviation from 1 is unrelated, so no norm is flagged
    assertThat(norms).allSatisfy(t -> assertThat(t.level()).isEqualTo(Level.UNRELATED));
    assertThat(report.explanation().en()).contains("deviation from 1");
    assertThat(report.explanation().ko()).contains("1로부터의 편차");
  }

  @Test
  void fineTunedCopyIsFineTunedFromTheReference() {
    WeightModel tuned = write("tuned", DemoWeights.fineTuned(base, 7, 0.05), DType.F32, 1);
    Report report = compare(tuned);
    assertThat(report.verdict()).isEqualTo(new Verdict.FineTunedFrom("foreign", 1.0));
    assertThat(report.verdict().label()).isEqualTo("FINE-TUNED FROM foreign");
    assertThat(report.findings().get(0).tensors())
        .filteredOn(t -> !t.norm())
        .allSatisfy(t -> {
          assertThat(t.level()).isEqualTo(Level.DERIVED);
          assertThat(t.stats().relL2()).isBetween(0.03, 0.08);
        });
  }

  @Test
  void frozenVisionEncoderIsNamed() {
    Model own = DemoWeights.independent(CONFIG, 3);
    Model mixed = DemoWeights.withFrozenComponent(own, base, DemoWeights.VISION_PREFIX);
    Report report = compare(write("mixed", mixed, DType.F32, 1));
    assertThat(report.verdict().label())
        .isEqualTo("CONTAINS COMPONENT vision_encoder (frozen) FROM foreign");
    assertThat(report.verdict().labelKo()).isEqualTo("foreign의 구성요소 포함: vision_encoder (동결)");
    // the share of parameters the verdict rests on: the vision encoder's, and no more
    assertThat(report.verdict().share()).isBetween(0.05, 0.2);
    var vision =
        report.findings().get(0).components().stream()
            .filter(c -> c.component().startsWith("vision_encoder"))
            .toList();
    assertThat(vision)
        .extracting(Findings.ComponentSummary::component)
        .contains(
            "vision_encoder.embeddings", "vision_encoder.block.0", "vision_encoder.post_norm");
    assertThat(vision).allSatisfy(c -> assertThat(c.identical()).isEqualTo(1.0));
    // the rest of the model was compared and is not called unrelated without saying how much
    assertThat(report.explanation().en()).contains("was compared and shows no resemblance");
  }

  @Test
  void oneFineTunedBlockInAnOwnModelIsAReTrainedComponent() {
    Model own = DemoWeights.independent(CONFIG, 4);
    Model tunedBase = DemoWeights.fineTuned(base, 8, 0.05);
    Model mixed = DemoWeights.withFrozenComponent(own, tunedBase, "model.layers.1.");
    Report report = compare(write("oneblock", mixed, DType.F32, 1));
    // a block correlating at Pearson ~0.999 with the reference's was taken and trained further:
    // the old INCONCLUSIVE undersold it
    assertThat(report.verdict().label())
        .isEqualTo("CONTAINS COMPONENT block.1 (re-trained) FROM foreign");
    assertThat(report.explanation().en()).contains("block.1 (re-trained");
  }

  @Test
  void permutedCopyIsFoundByRealigningRowsAndColumns() {
    Model permuted = DemoWeights.permuted(base, CONFIG, 11);
    Report half = compare(write("permuted", permuted, DType.F16, 1));
    assertThat(half.findings().get(0).tensors())
        .filteredOn(t -> !t.norm())
        .allSatisfy(t -> assertThat(t.level()).isEqualTo(Level.COPIED));
    Report report = compare(write("permuted", permuted, DType.F32, 1));
    // reordering heads and units keeps every value: once undone, the copy is bit-identical
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    List<TensorEvidence> tensors = report.findings().get(0).tensors();
    assertThat(tensors)
        .filteredOn(t -> t.candidateTensor().endsWith("gate_proj.weight"))
        .allSatisfy(t -> {
          assertThat(t.stats().alignment()).isEqualTo(TensorStats.Alignment.ROWS_PERMUTED);
          assertThat(t.level()).isEqualTo(Level.COPIED);
        });
    assertThat(tensors)
        .filteredOn(t -> t.candidateTensor().endsWith("down_proj.weight"))
        .allSatisfy(t ->
            assertThat(t.stats().alignment()).isEqualTo(TensorStats.Alignment.COLUMNS_PERMUTED));
  }

  @Test
  void bf16AndF16CopiesAreQuantisedCopiesNotFineTuning() {
    for (DType dtype : List.of(DType.BF16, DType.F16)) {
      Report report = compare(write("half", base, dtype, 1));
      assertThat(report.verdict()).isEqualTo(new Verdict.QuantisedCopy("foreign", 1.0));
      assertThat(report.explanation().en()).doesNotContain("fine-tuning");
      // norm deviations from 1 are only ~0.05, so bf16's 1/128 step near 1.0 blurs them: such a
      // copy reads as DERIVED, never as unrelated; the matrices stay COPIED
      assertThat(report.findings().get(0).tensors())
          .allSatisfy(t ->
              assertThat(t.level())
                  .isIn(t.norm() ? List.of(Level.COPIED, Level.DERIVED) : List.of(Level.COPIED)));
      assertThat(report.explanation().en()).contains(dtype + " vs F32");
    }
  }

  @Test
  void shardedModelReadsLikeTheSingleFile() {
    WeightModel sharded = write("sharded", base, DType.F32, 3);
    assertThat(sharded.tensors()).hasSameSizeAs(baseWeights.tensors());
    assertThat(sharded.parameters()).isEqualTo(baseWeights.parameters());
    assertThat(sharded.tensors().stream().map(t -> t.file().getFileName()).distinct()).hasSize(3);
    Report report = compare(sharded);
    assertThat(report.verdict()).isEqualTo(new Verdict.Identical("foreign", 1.0));
    assertThat(report.findings().get(0).tensors())
        .allSatisfy(t -> assertThat(t.stats().identical()).isEqualTo(1.0));
  }

  @Test
  void independentModelsWithReorderingTriedStayOriginalAcrossSeeds() {
    for (long seed = 20; seed < 23; seed++) {
      Report report =
          compare(write("seed" + seed, DemoWeights.independent(CONFIG, seed), DType.BF16, 1));
      assertThat(report.verdict()).as("seed %d", seed).isInstanceOf(Verdict.Original.class);
    }
  }

  @Test
  void explanationsReadTheSameWhateverTheMachinesLocale() {
    java.util.Locale old = java.util.Locale.getDefault();
    try {
      // a decimal comma and other grouping would change every figure a committee reads
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      Report report = compare(write("locale", base, DType.BF16, 1));
      assertThat(report.explanation().en()).contains("100.0% of the candidate's parameters");
      assertThat(report.explanation().ko()).contains("파라미터의 100.0%가");
      assertThat(report.explanation().en() + report.explanation().ko()).doesNotContain("100,0");
    } finally {
      java.util.Locale.setDefault(old);
    }
  }
}
