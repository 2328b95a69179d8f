package kr.gukdae.office;

import java.time.LocalDate;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;

/** Where a programme figure comes from: a public report and its date (figures differ by source). */
public record Source(String id, String title, LocalDate date, String note) {

  public Source {
    Ids.check(id, "id");
    if (title == null || title.isBlank()) {
      throw UserError.of(
          "source " + id + ": title이 비어 있습니다. 보고서 제목을 적으세요",
          "source " + id + ": title is required; give the report's title");
    }
    Objects.requireNonNull(date, "date is required (when the source was published)");
    note = note == null ? "" : note;
  }
}
