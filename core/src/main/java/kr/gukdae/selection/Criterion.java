package kr.gukdae.selection;

import kr.gukdae.UserError;
import kr.gukdae.call.Ids;

/**
 * One scored criterion: its weight (a round's weights sum to 100), the top of its scale, and the
 * least mean score an application needs on it (0 = no per-criterion threshold).
 */
public record Criterion(String id, String label, double weight, double maxScore, double threshold) {

  public Criterion {
    Ids.check(id, "id");
    label = label == null || label.isBlank() ? id : label;
    if (!(weight > 0) || weight > 100) {
      throw UserError.of(
          "weight는 0보다 크고 100 이하여야 합니다 (받은 값 " + weight + ")",
          "weight must be above 0 and at most 100, got " + weight);
    }
    if (!(maxScore > 0)) {
      throw UserError.of(
          "maxScore는 0보다 커야 합니다 (받은 값 " + maxScore + ")",
          "maxScore must be above 0, got " + maxScore);
    }
    if (threshold < 0 || threshold > maxScore) {
      throw UserError.of(
          "threshold는 0부터 기준의 만점 " + maxScore + "까지여야 합니다 (받은 값 " + threshold + ")",
          "threshold must be 0-" + maxScore + " (the criterion's scale), got " + threshold);
    }
  }
}
