package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kr.gukdae.originality.DemoWeights.Config;
import kr.gukdae.originality.DemoWeights.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A check cut into pieces computed apart (out of order, through JSON, as the workers store them)
 * joins into the report a single process gives, nulls included.
 */
class ComparisonPlanTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Statistics through JSON and back, as a piece's stored result carries them. */
  private static TensorStats viaJson(TensorStats s) {
    return JSON.readValue(JSON.writeValueAsString(s), TensorStats.class);
  }

  @TempDir Path dir;

  private WeightModel write(String name, Model model) {
    Path target = dir.resolve(name);
    model.write(target, DType.BF16, 2);
    return WeightModel.open(name, target);
  }

  @Test
  void piecesJoinedInAnyOrderGiveTheSingleProcessReport() {
    Config c = Config.tiny();
    Model base = DemoWeights.independent(c, 1);
    WeightModel foreign = write("foreign", base);
    WeightModel other = write("other", DemoWeights.independent(c, 5));
    Model own = DemoWeights.independent(c, 3);
    WeightModel candidate =
        write("team", DemoWeights.withFrozenComponent(own, base, DemoWeights.VISION_PREFIX));
    List<WeightModel> nulls =
        List.of(
            write("indep-a", DemoWeights.independent(c, 11)),
            write("indep-b", DemoWeights.independent(c, 12)),
            write("indep-c", DemoWeights.independent(c, 13)));
    var options = new Originality.Options(true, true, 1);
    Findings.Report single =
        Originality.compare(
            candidate,
            List.of(foreign, other),
            Originality.calibrate(nulls, options),
            options,
            null);

    ComparisonPlan plan = ComparisonPlan.of(candidate, List.of(foreign, other), nulls, options);
    assertThat(plan.comparisons()).isEqualTo(2 + 3);
    assertThat(plan.label(0)).isEqualTo("vs foreign");
    assertThat(plan.label(4)).isEqualTo("null indep-b / indep-c");
    // pieces of 5 pairs, computed last first by another plan object (another process)
    ComparisonPlan elsewhere =
        ComparisonPlan.of(candidate, List.of(foreign, other), nulls, options);
    List<int[]> pieces = new ArrayList<>();
    for (int comp = 0; comp < plan.comparisons(); comp++) {
      for (int from = 0; from < plan.pairs(comp); from += 5) {
        pieces.add(new int[] {comp, from, Math.min(plan.pairs(comp), from + 5)});
      }
    }
    Collections.reverse(pieces);
    List<List<TensorStats>> stats = new ArrayList<>();
    for (int comp = 0; comp < plan.comparisons(); comp++) {
      stats.add(new ArrayList<>(Collections.nCopies(plan.pairs(comp), (TensorStats) null)));
    }
    for (int[] p : pieces) {
      assertThat(elsewhere.names(p[0], p[1], p[2])).isEqualTo(plan.names(p[0], p[1], p[2]));
      List<TensorStats> got = elsewhere.stats(p[0], p[1], p[2]);
      for (int i = 0; i < got.size(); i++) {
        stats.get(p[0]).set(p[1] + i, viaJson(got.get(i)));
      }
    }
    Findings.Report joined = plan.report(stats, null);

    assertThat(joined).isEqualTo(single);
    assertThat(joined.verdict().label())
        .isEqualTo("CONTAINS COMPONENT vision_encoder (frozen) FROM foreign");
    assertThat(joined.nullModels().pairsUsed()).isEqualTo(3);
  }

  @Test
  void statisticsReadBackBitForBitThroughJsonAndAMissingPieceIsRefused() {
    var s =
        new TensorStats(
            12,
            Double.NaN,
            -0.0,
            1e-300,
            Double.POSITIVE_INFINITY,
            0.1 + 0.2,
            Math.PI,
            TensorStats.Alignment.ROWS_PERMUTED,
            new TensorStats.Tamper(1, 2, 3, Long.MAX_VALUE));
    TensorStats back = viaJson(s);
    assertThat(back).isEqualTo(s);
    assertThat(Double.doubleToRawLongBits(back.plainPearson()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    // any double but a NaN's payload: the shortest decimal that reads back to it
    var random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d)) {
        continue;
      }
      var t =
          new TensorStats(
              i, d, d, d, d, d, d, TensorStats.Alignment.IDENTITY, TensorStats.Tamper.NONE);
      assertThat(Double.doubleToRawLongBits(viaJson(t).pearson()))
          .as("%s", d)
          .isEqualTo(Double.doubleToRawLongBits(d));
    }

    Config c = Config.tiny();
    WeightModel a = write("a", DemoWeights.independent(c, 1));
    WeightModel b = write("b", DemoWeights.independent(c, 2));
    var options = new Originality.Options(true, true, 1);
    ComparisonPlan plan = ComparisonPlan.of(a, List.of(b), List.of(), options);
    List<TensorStats> all = plan.stats(0, 0, plan.pairs(0));
    assertThatThrownBy(() -> plan.report(List.of(all.subList(1, all.size())), null))
        .hasMessageContaining("planned " + plan.pairs(0));
  }
}
