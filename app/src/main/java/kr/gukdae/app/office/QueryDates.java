package kr.gukdae.app.office;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** The office endpoints' one reading of a {@code ?name=YYYY-MM-DD} query parameter. */
final class QueryDates {

  private QueryDates() {}

  /** The date in {@code value}; a missing or malformed one is one error naming the parameter. */
  static LocalDate required(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw UserError.of("?" + name + "=YYYY-MM-DD가 필요합니다", "?" + name + "=YYYY-MM-DD is required");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw UserError.of(
          name + ": '" + value + "'은(는) 날짜가 아닙니다. 2026-07-15처럼 쓰세요",
          name + ": '" + value + "' is not a date like 2026-07-15");
    }
  }
}
