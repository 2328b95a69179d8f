package kr.gukdae.app.originality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;

/**
 * Writes a demo set (labelled DEMO in every file's metadata: random weights, nothing trained): a
 * "foreign" public model and four teams, one per verdict, plus two training logs.
 */
final class DemoTeams {
  private DemoTeams() {}

  static void write(Path dir) {
    var config = DemoWeights.Config.tiny();
    var foreign = DemoWeights.independent(config, 1);
    foreign.write(dir.resolve("foreign"), DType.BF16, 1);
    DemoWeights.independent(config, 2).write(dir.resolve("team-original"), DType.BF16, 2);
    DemoWeights.fineTuned(foreign, 3, 0.05).write(dir.resolve("team-finetuned"), DType.BF16, 1);
    DemoWeights.withFrozenComponent(
            DemoWeights.independent(config, 4), foreign, DemoWeights.VISION_PREFIX)
        .write(dir.resolve("team-frozen-vision"), DType.BF16, 1);
    DemoWeights.permuted(foreign, config, 5).write(dir.resolve("team-permuted"), DType.F16, 1);
    StringBuilder scratch = new StringBuilder("step,loss,tokens\n");
    StringBuilder tuned = new StringBuilder("step,loss,tokens\n");
    for (int step = 0; step <= 2000; step += 20) {
      double progress = Math.exp(-step / 300.0);
      scratch
          .append(step)
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", 2.2 + 4.1 * progress))
          .append(',')
          .append(step * 2_000_000L)
          .append('\n');
      tuned
          .append(step)
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", 2.0 + 0.3 * progress))
          .append(',')
          .append(step * 2_000_000L)
          .append('\n');
    }
    try {
      Files.writeString(dir.resolve("team-original-loss.csv"), scratch);
      Files.writeString(dir.resolve("team-finetuned-loss.csv"), tuned);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
