package kr.gukdae.packs.ifeval;

import java.util.Locale;
import kr.gukdae.UserError;

/** The language a pack's checkers assume: English IFEval or Korean Ko-IFEval rules. */
enum Language {
  ENGLISH,
  KOREAN;

  static Language fromOption(String value, String where) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "en" -> ENGLISH;
      case "ko" -> KOREAN;
      default ->
          throw UserError.of(
              where + ": scorer_options.language는 en 또는 ko여야 합니다 (받은 값: " + value + ")",
              where + ": scorer_options.language must be en or ko, got " + value);
    };
  }
}
