package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

  @TempDir Path dir;

  List<Fingerprint> prints(String name, DemoWeights.Model model) {
    model.write(dir.resolve(name), DType.F32, 1);
    return Fingerprint.of(WeightModel.open(name, dir.resolve(name)));
  }

  @Test
  void screeningSeparatesDescendantsFromIndependentModels() {
    var config = DemoWeights.Config.tiny();
    DemoWeights.Model base = DemoWeights.independent(config, 1);
    List<Fingerprint> reference = prints("base", base);
    var tuned =
        Fingerprint.screen(
            "base", prints("tuned", DemoWeights.fineTuned(base, 5, 0.05)), reference);
    assertThat(tuned.meanPearson()).isGreaterThan(0.9);
    assertThat(tuned.needsFullCheck()).isTrue();
    for (long seed = 2; seed < 5; seed++) {
      var other =
          Fingerprint.screen(
              "base", prints("o" + seed, DemoWeights.independent(config, seed)), reference);
      assertThat(Math.abs(other.meanPearson())).as("seed %d", seed).isLessThan(0.1);
      assertThat(other.needsFullCheck()).isFalse();
    }
    var frozen =
        Fingerprint.screen(
            "base",
            prints(
                "frozen",
                DemoWeights.withFrozenComponent(
                    DemoWeights.independent(config, 9), base, DemoWeights.VISION_PREFIX)),
            reference);
    assertThat(frozen.topComponent()).isEqualTo("vision_encoder");
    assertThat(frozen.topComponentPearson()).isGreaterThan(0.9);
    assertThat(frozen.needsFullCheck()).isTrue();
  }

  @Test
  void sketchBytesRoundTrip() {
    float[] s = new float[Fingerprint.BUCKETS];
    s[3] = 1.5f;
    var f = new Fingerprint("a", "a", "[2]", false, 2, 1, 1, s);
    assertThat(Fingerprint.sketchFromBytes(f.sketchBytes())).isEqualTo(s);
  }

  @Test
  void anEditedStoredSketchIsRefusedWithTheFix() {
    // the store decodes sketch_b64 from a row; an edited row has the wrong length
    var e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            kr.gukdae.UserError.class, () -> Fingerprint.sketchFromBytes(new byte[7]));
    assertThat(e.message(true)).contains("sketch_b64: 7바이트").contains("다시 만드세요");
    assertThat(e.message(false)).contains("sketch_b64: 7 bytes, must be").contains("again");
  }
}
