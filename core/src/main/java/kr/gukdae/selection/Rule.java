package kr.gukdae.selection;

import kr.gukdae.UserError;
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

  String describe() {
    if (majority) {
      return "majority of assigned reviewers approve" + (quota == null ? "" : ", at most " + quota);
    }
    return "best " + quota + " by total among those meeting every threshold";
  }
}
