package kr.gukdae.selection;

import kr.gukdae.UserError;
import kr.gukdae.text.Reason;
import org.jspecify.annotations.Nullable;

/**
 * How a round selects among the applications that meet its thresholds: the best {@code quota} by
 * total, or those a majority of their reviewers approve (optionally at most {@code quota}). Either
 * way, selecting nobody ("no award") is a valid outcome.
 */
public record Rule(@Nullable Integer quota, boolean majority) {

  public Rule {
    if (quota == null && !majority) {
      throw UserError.of(
          "quota, majority: true 중 하나 이상을 적으세요", "give a quota, majority: true, or both");
    }
    if (quota != null && quota < 0) {
      throw UserError.of(
          "quota는 0 이상이어야 합니다 (받은 값 " + quota + ")", "quota must be 0 or more, got " + quota);
    }
  }

  /** The rule as a round's result states it, in Korean and English. */
  Reason describe() {
    if (majority) {
      return new Reason(
          "MAJORITY",
          "배정된 평가위원 과반 찬성" + (quota == null ? "" : ", 최대 " + quota + "개"),
          "majority of assigned reviewers approve" + (quota == null ? "" : ", at most " + quota));
    }
    return new Reason(
        "BEST_BY_TOTAL",
        "모든 기준을 충족한 신청 중 총점 상위 " + quota + "개",
        "best " + quota + " by total among those meeting every threshold");
  }
}
