package kr.gukdae.stage;

import kr.gukdae.Bilingual;
import kr.gukdae.UserError;

/**
 * Maps an achievement ratio (team score / reference score) to the fraction of a benchmark's points
 * earned. Closed set so the programme file can name it and the ledger can record it.
 */
public sealed interface PointsFunction {

  double fraction(double ratio);

  String describe();

  /** {@link #describe()} (what a decision records) in Korean and English, for display. */
  default Bilingual text() {
    return StageTexts.read(describe());
  }

  /** Linear from 0 at ratio 0 to full points at the bar (e.g. 0.95), capped at full. */
  record LinearToBar(double bar) implements PointsFunction {
    public LinearToBar {
      if (!(bar > 0 && bar <= 2)) {
        throw UserError.of(
            "bar는 (0, 2] 범위여야 합니다 (받은 값 " + bar + ")", "bar must be in (0, 2], got " + bar);
      }
    }

    @Override
    public double fraction(double ratio) {
      return Math.max(0, Math.min(1, ratio / bar));
    }

    @Override
    public String describe() {
      return StageTexts.LINEAR_TO_BAR.english(bar);
    }
  }

  /** Nothing below {@code floor}, then linear to full points at the bar, capped. */
  record FloorToBar(double floor, double bar) implements PointsFunction {
    public FloorToBar {
      if (!(floor >= 0 && floor < bar && bar <= 2)) {
        throw UserError.of(
            "0 <= floor < bar <= 2여야 합니다 (받은 값 " + floor + ", " + bar + ")",
            "need 0 <= floor < bar <= 2, got " + floor + ", " + bar);
      }
    }

    @Override
    public double fraction(double ratio) {
      return Math.max(0, Math.min(1, (ratio - floor) / (bar - floor)));
    }

    @Override
    public String describe() {
      return StageTexts.FLOOR_TO_BAR.english(floor, bar);
    }
  }
}
