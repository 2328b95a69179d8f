package kr.gukdae.data.quality;

import java.nio.file.Path;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;

/**
 * The programme's limits per criterion, as shares of rows (0.01 = 1%). A dataset version passes a
 * criterion when its rate is at or below the limit. Read from a JSON file; unknown keys are errors.
 */
public record Thresholds(
    double exactDuplicates,
    double nearDuplicates,
    double nearDuplicateJaccard,
    double personalData,
    double hate,
    double emptyOrBroken,
    double ocrNoise) {

  public static final Thresholds DEFAULT = new Thresholds(0.01, 0.05, 0.8, 0.0, 0.001, 0.01, 0.05);

  public Thresholds {
    check("exactDuplicates", exactDuplicates);
    check("nearDuplicates", nearDuplicates);
    check("nearDuplicateJaccard", nearDuplicateJaccard);
    check("personalData", personalData);
    check("hate", hate);
    check("emptyOrBroken", emptyOrBroken);
    check("ocrNoise", ocrNoise);
    if (nearDuplicateJaccard < 0.5) {
      throw UserError.of(
          "nearDuplicateJaccard가 0.5보다 작으면 관계없는 글도 유사 중복으로 판정됩니다. 0.5 이상으로 적으세요",
          "nearDuplicateJaccard below 0.5 would call unrelated text near-duplicate");
    }
  }

  public static Thresholds read(Path file) {
    return DataJson.read(file, Thresholds.class);
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw UserError.of(
          name + "은(는) 0~1 사이의 비율이어야 합니다 (받은 값 " + v + ")",
          name + " must be a share between 0 and 1, got " + v);
    }
  }
}
