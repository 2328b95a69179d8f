package kr.gukdae.arena;

import java.util.Arrays;
import kr.gukdae.UserError;

/** The result of one battle, with FastChat's {@code clean_battle} spelling for import/export. */
public enum Outcome {
  MODEL_A("model_a"),
  MODEL_B("model_b"),
  TIE("tie"),
  /** Both answers bad; counts as a tie in the ratings. */
  TIE_BOTHBAD("tie (bothbad)");

  private final String wireName;

  Outcome(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isTie() {
    return this == TIE || this == TIE_BOTHBAD;
  }

  /** Parses FastChat's spelling; the error lists the accepted values. */
  public static Outcome fromWire(String value) {
    return Arrays.stream(values())
        .filter(o -> o.wireName.equals(value))
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                "알 수 없는 winner '" + value + "'입니다. model_a, model_b, tie, tie (bothbad) 중 하나를 쓰세요",
                "unknown winner '"
                    + value
                    + "'; expected one of model_a, model_b, tie, tie (bothbad)"));
  }
}
