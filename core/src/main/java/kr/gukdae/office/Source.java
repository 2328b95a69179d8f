package kr.gukdae.office;

import java.time.LocalDate;
import java.util.Objects;
import kr.gukdae.call.Ids;

/** Where a programme figure comes from: a public report and its date (figures differ by source). */
public record Source(String id, String title, LocalDate date, String note) {

  public Source {
    Ids.check(id, "id");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is required");
    }
    Objects.requireNonNull(date, "date is required (when the source was published)");
    note = note == null ? "" : note;
  }
}
