package kr.gukdae.app.lineage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** Window bounds as users type them: a date (UTC midnight) or a full ISO-8601 instant. */
final class Dates {

  private Dates() {}

  static @Nullable Instant parse(@Nullable String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      String shown = value.length() > 40 ? value.substring(0, 40) : value;
      throw UserError.of(
          field + ": '" + shown + "'은(는) 날짜가 아닙니다. 2025-08-01 또는 2025-08-01T00:00:00Z 형식으로 쓰세요",
          field + ": '" + shown + "' is not a date; write 2025-08-01 or 2025-08-01T00:00:00Z");
    }
  }
}
