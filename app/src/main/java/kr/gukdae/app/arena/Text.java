package kr.gukdae.app.arena;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/** Bounds and cleans text that arrives from browsers before it is stored or sent to a model. */
final class Text {

  private Text() {}

  /**
   * Trimmed, NFC, control characters (except newline and tab) removed, at most {@code max} long.
   */
  static String required(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      throw ArenaException.badRequest(field, field + ": 필수입니다 / required");
    }
    String clean =
        Normalizer.normalize(value, Normalizer.Form.NFC)
            .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
            .strip();
    if (clean.isEmpty()) {
      throw ArenaException.badRequest(field, field + ": 필수입니다 / required");
    }
    if (clean.length() > max) {
      throw ArenaException.badRequest(
          field,
          field
              + ": 최대 "
              + max
              + "자입니다 (받은 길이 "
              + clean.length()
              + ") / at most "
              + max
              + " characters, got "
              + clean.length());
    }
    return clean;
  }
}
