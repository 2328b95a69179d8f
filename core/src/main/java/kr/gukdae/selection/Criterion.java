package kr.gukdae.selection;

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
      throw new IllegalArgumentException("weight must be above 0 and at most 100, got " + weight);
    }
    if (!(maxScore > 0)) {
      throw new IllegalArgumentException("maxScore must be above 0, got " + maxScore);
    }
    if (threshold < 0 || threshold > maxScore) {
      throw new IllegalArgumentException(
          "threshold must be 0-" + maxScore + " (the criterion's scale), got " + threshold);
    }
  }
}
