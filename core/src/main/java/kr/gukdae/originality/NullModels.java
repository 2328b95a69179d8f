package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Null samples from demo models the project generates with different seeds, kept in memory. */
final class NullModels {

  private static final long[] SEEDS = {9001, 9002, 9003, 9004};
  private static volatile @Nullable List<Calibration.Sample> cached;

  private NullModels() {}

  /** Pairs of demo models the null always holds. */
  static int demoPairs() {
    return SEEDS.length * (SEEDS.length - 1) / 2;
  }

  static List<Calibration.Sample> demoSamples() {
    List<Calibration.Sample> s = cached;
    if (s == null) {
      s = compute();
      cached = s;
    }
    return s;
  }

  private static List<Calibration.Sample> compute() {
    List<DemoWeights.Model> models = new ArrayList<>();
    for (long seed : SEEDS) {
      models.add(DemoWeights.independent(DemoWeights.Config.tiny(), seed));
    }
    List<Calibration.Sample> samples = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      for (int j = i + 1; j < models.size(); j++) {
        DemoWeights.Model a = models.get(i);
        DemoWeights.Model b = models.get(j);
        for (Map.Entry<String, long[]> e : a.shapes().entrySet()) {
          String name = TensorNames.normalize(e.getKey());
          boolean norm = TensorNames.isNorm(name, e.getValue());
          float[] x = DemoWeights.tensor(a.values(), e.getKey());
          float[] y = DemoWeights.tensor(b.values(), e.getKey());
          PairAccumulator acc = new PairAccumulator(norm ? 1 : 0, 1, 0);
          acc.add(x, y, x.length);
          samples.add(
              new Calibration.Sample(
                  Calibration.kind(norm, e.getValue().length),
                  acc.finish(TensorStats.Alignment.IDENTITY).pearson(),
                  x.length));
        }
      }
    }
    return List.copyOf(samples);
  }
}
