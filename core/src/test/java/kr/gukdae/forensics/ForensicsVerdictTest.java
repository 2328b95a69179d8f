package kr.gukdae.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kr.gukdae.forensics.DemoWeights.Config;
import kr.gukdae.forensics.DemoWeights.Model;
import kr.gukdae.forensics.Evidence.Level;
import kr.gukdae.forensics.Evidence.Report;
import kr.gukdae.forensics.Evidence.TensorEvidence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each verdict on models the project generates itself. */
class ForensicsVerdictTest {

  static final Config CONFIG = Config.tiny();
  static Model base;
  static WeightModel baseWeights;
  static Calibration calibration;

  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    base = DemoWeights.independent(CONFIG, 1);
    baseWeights = write("foreign", base, DType.F32, 1);
    calibration = Forensics.calibrate(List.of(), Forensics.Options.defaults());
  }

  static WeightModel write(String name, Model model, DType dtype, int shards) {
    Path target = dir.resolve(name + "-" + dtype + "-" + shards);
    model.write(target, dtype, shards);
    return WeightModel.open(name, target);
  }

  static Report compare(WeightModel candidate) {
    return Forensics.compare(
        candidate, List.of(baseWeights), calibration, Forensics.Options.defaults(), null);
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
    assertThat(report.explanation()).contains("deviation from 1");
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
    assertThat(report.verdict())
        .isEqualTo(new Verdict.ContainsFrozenComponent("vision_encoder", "foreign"));
    var vision =
        report.findings().get(0).components().stream()
            .filter(c -> c.component().equals("vision_encoder"))
            .findFirst()
            .orElseThrow();
    assertThat(vision.pearson()).isGreaterThan(0.999);
    assertThat(vision.identical()).isEqualTo(1.0);
  }

  @Test
  void oneFineTunedBlockInAnOwnModelIsInconclusive() {
    Model own = DemoWeights.independent(CONFIG, 4);
    Model tunedBase = DemoWeights.fineTuned(base, 8, 0.05);
    Model mixed = DemoWeights.withFrozenComponent(own, tunedBase, "model.layers.1.");
    Report report = compare(write("oneblock", mixed, DType.F32, 1));
    assertThat(report.verdict()).isInstanceOf(Verdict.Inconclusive.class);
    assertThat(report.explanation()).contains("block.1 (derived");
  }

  @Test
  void permutedCopyIsFoundByRealigningRowsAndColumns() {
    Model permuted = DemoWeights.permuted(base, CONFIG, 11);
    Report half = compare(write("permuted", permuted, DType.F16, 1));
    assertThat(half.findings().get(0).tensors())
        .filteredOn(t -> !t.norm())
        .allSatisfy(t -> assertThat(t.level()).isEqualTo(Level.COPIED));
    Report report = compare(write("permuted", permuted, DType.F32, 1));
    assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
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
  void bf16AndF16CopiesAreStillCopies() {
    for (DType dtype : List.of(DType.BF16, DType.F16)) {
      Report report = compare(write("half", base, dtype, 1));
      assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
      // norm deviations from 1 are only ~0.05, so bf16's 1/128 step near 1.0 blurs them: such a
      // copy reads as DERIVED, never as unrelated; the matrices stay COPIED
      assertThat(report.findings().get(0).tensors())
          .allSatisfy(t ->
              assertThat(t.level())
                  .isIn(t.norm() ? List.of(Level.COPIED, Level.DERIVED) : List.of(Level.COPIED)));
      assertThat(report.explanation()).contains("storage rounding");
    }
  }

  @Test
  void shardedModelReadsLikeTheSingleFile() {
    WeightModel sharded = write("sharded", base, DType.F32, 3);
    assertThat(sharded.tensors()).hasSameSizeAs(baseWeights.tensors());
    assertThat(sharded.parameters()).isEqualTo(baseWeights.parameters());
    assertThat(sharded.tensors().stream().map(t -> t.file().getFileName()).distinct()).hasSize(3);
    Report report = compare(sharded);
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
}
