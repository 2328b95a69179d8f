package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import kr.gukdae.Bilingual;
import kr.gukdae.originality.DemoWeights.Config;
import kr.gukdae.originality.DemoWeights.Model;
import kr.gukdae.originality.Findings.BlockMatch;
import kr.gukdae.originality.Findings.Report;
import kr.gukdae.originality.Findings.TensorEvidence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attempts to hide a copy of a reference, each written as the attack, each must be caught. */
class OriginalityAttackTest {

  static final Config CONFIG = new Config(512, 64, 8, 160, 4, 48, 2);
  static Model base;
  static WeightModel reference;
  static Calibration calibration;

  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    base = DemoWeights.independent(CONFIG, 101);
    reference = write("foreign", base);
    calibration = Originality.calibrate(List.of(), Originality.Options.defaults());
  }

  static WeightModel write(String name, Model model) {
    Path target = dir.resolve(name);
    model.write(target, DType.F32, 1);
    return WeightModel.open(name, target);
  }

  static Report compare(WeightModel candidate) {
    return Originality.compare(
        candidate, List.of(reference), calibration, Originality.Options.defaults(), null);
  }

  static Findings.ReferenceFinding finding(Report r) {
    return r.findings().get(0);
  }

  @Test
  void copyPoisonedWithOneNanPerTensorIsStillIdenticalAndTheNansAreReported() {
    Report report = compare(write("nan", Attacks.poison(base, Float.NaN)));
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    int tensors = base.shapes().size();
    assertThat(finding(report).tamper().nonFiniteCandidate()).isEqualTo(tensors);
    assertThat(finding(report).tamper().nonFiniteReference()).isZero();
    assertThat(report.explanation().en()).contains(tensors + " non-finite value(s)", "tampering");
    assertThat(report.explanation().ko()).contains("조작의 증거");
  }

  @Test
  void copyPoisonedWithInfinitiesIsStillIdentical() {
    for (float v : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      Report report = compare(write("inf" + v, Attacks.poison(base, v)));
      assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
      assertThat(finding(report).tamper().nonFiniteCandidate()).isEqualTo(base.shapes().size());
    }
  }

  @Test
  void copyPoisonedWithOneHugeValuePerTensorIsStillACopy() {
    Report report = compare(write("huge", Attacks.poison(base, 1000f)));
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    // the plain Pearson is destroyed by one value; the robust one is not
    List<TensorEvidence> matrices =
        finding(report).tensors().stream().filter(t -> !t.norm()).toList();
    assertThat(matrices).allSatisfy(t -> assertThat(t.stats().pearson()).isGreaterThan(0.99));
    assertThat(matrices).anySatisfy(t -> assertThat(t.stats().plainPearson()).isLessThan(0.5));
    assertThat(finding(report).tamper().extremeCandidate()).isEqualTo(base.shapes().size());
    assertThat(report.explanation().en()).contains("planted values");
  }

  @Test
  void copyWithOnePercentOfItsValuesPlantedIsStillIdenticalNotAQuantisedCopy() {
    Model planted =
        base.map(values -> {
          values.replaceAll((name, w) -> {
            float[] out = w.clone();
            for (int i = 0; i < out.length; i += 100) {
              out[i] = i % 200 == 0 ? 1e4f : -1e4f;
            }
            return out;
          });
          return values;
        });
    Report report = compare(write("planted", planted));
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    long expected = base.values().values().stream().mapToLong(w -> (w.length + 99) / 100).sum();
    assertThat(finding(report).tamper().extremeCandidate()).isEqualTo(expected);
  }

  @Test
  void fineTunedCopyPoisonedWithOutliersIsStillFineTuned() {
    Model tuned = Attacks.poison(DemoWeights.fineTuned(base, 5, 0.05), 1000f);
    Report report = compare(write("tuned-huge", tuned));
    assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
    assertThat(report.verdict().share()).isGreaterThan(0.99);
  }

  @Test
  void copyWithOnePercentNoiseAddedIsNotPassedOffAsAQuantisedCopy() {
    // f32 against f32: no storage rounding explains a 1% difference
    Report report = compare(write("noisy", DemoWeights.fineTuned(base, 8, 0.01)));
    assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
    assertThat(report.explanation().en()).contains("0.0% bit-identical", "added noise");
  }

  @Test
  void emptyTensorsAreComparedWithoutFailing() {
    java.util.Map<String, long[]> shapes = new java.util.LinkedHashMap<>(base.shapes());
    java.util.Map<String, float[]> values = new java.util.LinkedHashMap<>(base.values());
    shapes.put("model.extra.empty", new long[] {4, 0});
    values.put("model.extra.empty", new float[0]);
    shapes.put("model.extra.none", new long[] {0});
    values.put("model.extra.none", new float[0]);
    Report report = compare(write("empty", new Model(shapes, values)));
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
  }

  @Test
  void reversedLayersAreAlignedByContent() {
    int[] reversed = IntStream.range(0, 8).map(i -> 7 - i).toArray();
    Report report = compare(write("reversed", Attacks.relayer(base, reversed)));
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    assertThat(mapping(report)).containsExactly(7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(report.explanation().en()).contains("aligned by content", "0 = 7", "7 = 0");
    assertThat(finding(report).tensors())
        .filteredOn(t -> t.candidateTensor().startsWith("model.layers.0."))
        .allSatisfy(t -> assertThat(t.referenceTensor()).startsWith("model.layers.7."));
  }

  @Test
  void everySecondLayerRenumberedIsFoundBlockByBlock() {
    // how public distilled models are made: keep layers 0, 2, 4, 6 and renumber them 0..3
    Report report = compare(write("distilled", Attacks.relayer(base, new int[] {0, 2, 4, 6})));
    assertThat(mapping(report)).containsExactly(0, 2, 4, 6);
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    assertThat(report.explanation().en()).contains("1, 3, 5 have no counterpart");
  }

  @Test
  void depthUpScaledModelIsFoundWithItsDuplicatedLayers() {
    // two overlapping copies of the reference's layers stacked: 0..5 then 2..7 (12 layers)
    int[] stacked = {0, 1, 2, 3, 4, 5, 2, 3, 4, 5, 6, 7};
    Model scaled = DemoWeights.fineTuned(Attacks.relayer(base, stacked), 3, 0.05);
    Report report = compare(write("upscaled", scaled));
    assertThat(mapping(report))
        .containsExactly(IntStream.of(stacked).boxed().toArray(Integer[]::new));
    assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
    assertThat(report.explanation().en()).contains("2, 3, 4, 5 appear more than once");
    assertThat(report.explanation().ko()).contains("깊이 확장");
  }

  @Test
  void vocabularyExtendedCopyIsFoundOnTheKeptRows() {
    List<String> vocab = List.of("model.embed_tokens.weight", "lm_head.weight");
    Model extended = Attacks.reshape(base, vocab, (s, w) -> Attacks.appendRows(s, w, 256, 9));
    Model tuned = DemoWeights.fineTuned(extended, 4, 0.05);
    Report report = compare(write("korean-vocab", tuned));
    assertThat(report.verdict()).isInstanceOf(Verdict.FineTunedFrom.class);
    TensorEvidence embed =
        finding(report).tensors().stream()
            .filter(t -> t.candidateTensor().equals("model.embed_tokens.weight"))
            .findFirst()
            .orElseThrow();
    assertThat(embed.stats().alignment()).isEqualTo(TensorStats.Alignment.OVERLAP);
    assertThat(embed.stats().elements()).isEqualTo(512L * 64);
    assertThat(embed.level()).isEqualTo(Findings.Level.DERIVED);
    // the new rows were not compared, and the report says so
    assertThat(report.explanation().en()).contains("had no counterpart in the reference");
  }

  @Test
  void widthPrunedCopyIsFoundOnTheKeptUnits() {
    int[] kept = Attacks.subset(CONFIG.intermediate(), 120, 77);
    Model pruned = base;
    for (int l = 0; l < CONFIG.layers(); l++) {
      String p = "model.layers." + l + ".mlp.";
      pruned =
          Attacks.reshape(
              pruned,
              List.of(p + "gate_proj.weight", p + "up_proj.weight"),
              (s, w) -> Attacks.keepRows(s, w, kept));
      pruned =
          Attacks.reshape(
              pruned, List.of(p + "down_proj.weight"), (s, w) -> Attacks.keepCols(s, w, kept));
    }
    Report report = compare(write("pruned", pruned));
    assertThat(finding(report).tensors())
        .filteredOn(t -> t.candidateTensor().contains("mlp."))
        .allSatisfy(t -> assertThat(t.level()).isEqualTo(Findings.Level.COPIED));
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
  }

  @Test
  void widthGrownCopyIsFoundOnTheOriginalUnits() {
    Model grown = base;
    for (int l = 0; l < CONFIG.layers(); l++) {
      String p = "model.layers." + l + ".mlp.";
      grown =
          Attacks.reshape(
              grown,
              List.of(p + "gate_proj.weight", p + "up_proj.weight"),
              (s, w) -> Attacks.appendRows(s, w, 40, 3));
      grown =
          Attacks.reshape(
              grown, List.of(p + "down_proj.weight"), (s, w) -> Attacks.appendCols(s, w, 40, 4));
    }
    Report report = compare(write("grown", grown));
    assertThat(finding(report).tensors())
        .filteredOn(t -> t.candidateTensor().matches("model\\.layers\\..*mlp\\..*"))
        .allSatisfy(t -> {
          assertThat(t.stats().alignment()).isEqualTo(TensorStats.Alignment.OVERLAP);
          assertThat(t.level()).isEqualTo(Findings.Level.COPIED);
        });
    // the added units (about 13% of the parameters) were not compared, and the report says so
    assertThat(report.verdict()).isInstanceOf(Verdict.Identical.class);
    assertThat(finding(report).coverage()).isBetween(0.8, 0.95);
    assertThat(report.explanation().en()).contains("had no counterpart in the reference");
  }

  @Test
  void frozenEmbeddingsHoldingMostParametersAreAComponentNotFineTuning() {
    Config wide = new Config(4096, 64, 4, 160, 4, 48, 1);
    Model ref = DemoWeights.independent(wide, 201);
    Model own = DemoWeights.independent(wide, 202);
    Model taken =
        DemoWeights.withFrozenComponent(
            DemoWeights.withFrozenComponent(own, ref, "model.embed_tokens."), ref, "lm_head.");
    WeightModel refWeights = write("wide-ref", ref);
    WeightModel cand = write("wide-own", taken);
    Report report =
        Originality.compare(
            cand, List.of(refWeights), calibration, Originality.Options.defaults(), null);
    assertThat(report.verdict().share()).isGreaterThan(0.5);
    assertThat(report.verdict().label())
        .isEqualTo("CONTAINS COMPONENT embeddings, head (frozen) FROM wide-ref");
    assertThat(report.explanation().en()).contains("was compared and shows no resemblance");
  }

  @Test
  void frozenBlocksOfEverySizeAreComponentsWithTheirShare() {
    Model own = DemoWeights.independent(CONFIG, 601);
    double previous = 0;
    for (int k : new int[] {1, 4, 7, 8}) {
      Model mixed = own;
      for (int l = 0; l < k; l++) {
        mixed = DemoWeights.withFrozenComponent(mixed, base, "model.layers." + l + ".");
      }
      Report report = compare(write("frozen-" + k, mixed));
      String blocks = k == 1 ? "block.0" : "block.0–" + (k - 1);
      assertThat(report.verdict().label())
          .as("%d frozen blocks", k)
          .isEqualTo("CONTAINS COMPONENT " + blocks + " (frozen) FROM foreign");
      assertThat(report.verdict().share()).isGreaterThan(previous);
      previous = report.verdict().share();
    }
    // all eight blocks: most of the model, yet its embeddings, head and vision encoder are its own
    assertThat(previous).isBetween(0.5, 0.9);
  }

  @Test
  void independentModelsWithNormsOffOneStayOriginalAndTheirNormCosineIsCentred() {
    Model a = Attacks.shiftNorms(DemoWeights.independent(CONFIG, 301), -0.1f);
    Model b = Attacks.shiftNorms(DemoWeights.independent(CONFIG, 302), -0.1f);
    WeightModel ref = write("norm-ref", a);
    Report report =
        Originality.compare(
            write("norm-own", b), List.of(ref), calibration, Originality.Options.defaults(), null);
    assertThat(report.verdict()).isInstanceOf(Verdict.Original.class);
    List<Findings.ComponentSummary> norms =
        finding(report).components().stream().filter(c -> c.component().endsWith("norm")).toList();
    assertThat(norms).isNotEmpty();
    // uncentred, these read ~0.8 (both sit 0.1 below 1); centred they are near 0
    assertThat(norms).allSatisfy(c -> assertThat(Math.abs(c.cosine())).isLessThan(0.4));
    assertThat(finding(report).mapping())
        .allSatisfy(m -> assertThat(m.referenceBlock()).isEqualTo(-1));
  }

  @Test
  void aComparisonCoveringTooLittleIsInconclusiveWithTheCoverageStated() {
    Model other = Attacks.scramble(DemoWeights.independent(CONFIG, 401));
    Report report = compare(write("scrambled", other));
    assertThat(report.verdict()).isInstanceOf(Verdict.Inconclusive.class);
    assertThat(finding(report).coverage()).isLessThan(0.5);
    assertThat(report.explanation().en()).contains("could be compared", "too little");
    assertThat(report.explanation().ko()).contains("비교할 수 있었습니다");
  }

  @Test
  void relatedModelsPassedAsTheNullAreLeftOutWithAWarning() {
    WeightModel own = write("null-own", DemoWeights.independent(CONFIG, 501));
    WeightModel ownTuned =
        write(
            "null-own-tuned", DemoWeights.fineTuned(DemoWeights.independent(CONFIG, 501), 2, 0.1));
    WeightModel refTuned = write("null-ref-tuned", DemoWeights.fineTuned(base, 3, 0.1));
    Calibration c =
        Originality.calibrate(List.of(own, ownTuned, refTuned), Originality.Options.defaults());
    assertThat(c.composition().pairsUsed()).isEqualTo(2);
    Report report =
        Originality.compare(
            write("indep", DemoWeights.independent(CONFIG, 502)),
            List.of(reference),
            c,
            Originality.Options.defaults(),
            null);
    assertThat(report.verdict()).isInstanceOf(Verdict.Original.class);
    List<String> warnings = report.nullModels().warnings().stream().map(Bilingual::en).toList();
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("null-own and null-own-tuned"));
    assertThat(warnings)
        .anySatisfy(
            w -> assertThat(w).contains("null-ref-tuned is related to the reference foreign"));
    assertThat(report.nullModels().describe().en()).contains("6 pairs", "2 pair(s)");
  }

  static List<Integer> mapping(Report r) {
    return finding(r).mapping().stream()
        .filter(b -> b.stack().equals("layers"))
        .map(BlockMatch::referenceBlock)
        .toList();
  }
}
