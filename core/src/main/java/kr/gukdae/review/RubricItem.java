package kr.gukdae.review;

import kr.gukdae.UserError;

/** One criterion of the rubric, scored 0..maxScore by each reviewer and weighted in the total. */
public record RubricItem(String id, String label, double weight, double maxScore) {

  public RubricItem {
    if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw UserError.of(
          "rubric item id는 [A-Za-z0-9_.-] 문자 1~64자여야 합니다 (받은 값 " + id + ")",
          "rubric item id must be 1-64 of [A-Za-z0-9_.-]: " + id);
    }
    label = label == null || label.isBlank() ? id : label.strip();
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw UserError.of(
          "rubric item " + id + ": weight는 0보다 커야 합니다",
          "rubric item " + id + ": weight must be > 0");
    }
    if (!(maxScore > 0) || !Double.isFinite(maxScore)) {
      throw UserError.of(
          "rubric item " + id + ": maxScore는 0보다 커야 합니다",
          "rubric item " + id + ": maxScore must be > 0");
    }
  }
}
