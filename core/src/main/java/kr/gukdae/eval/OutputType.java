package kr.gukdae.eval;

import java.util.Arrays;
import kr.gukdae.UserError;

/** How a task asks the model, with lm-evaluation-harness's names. */
public enum OutputType {
  /** Choices scored by log-likelihood of each continuation (acc, acc_norm). */
  MULTIPLE_CHOICE("multiple_choice"),
  /** Free generation until a stop sequence, then answer extraction and scoring. */
  GENERATE_UNTIL("generate_until");

  private final String wireName;

  OutputType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static OutputType fromWire(String value, String where) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(value))
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                where
                    + ": output_type '"
                    + value
                    + "'은(는) 지원하지 않습니다. multiple_choice 또는 generate_until을 쓰세요",
                where
                    + ": output_type '"
                    + value
                    + "' is not supported; use multiple_choice or generate_until"));
  }
}
