package kr.gukdae.designation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.gukdae.text.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A K-AI designation: a team's model or a lead company, the organisations allowed to use the
 * emblem, and when it holds (to is null while it holds; a lapse records the date and reason, in
 * Korean and English; lapses recorded before that read back as {@link Reason#recorded(String)}).
 */
public record Designation(
    String id,
    Kind kind,
    String team,
    String holder,
    List<String> emblemUsers,
    int stage,
    LocalDate from,
    @Nullable LocalDate to,
    @Nullable Reason lapseReason) {

  public enum Kind {
    K_AI_MODEL,
    K_AI_COMPANY
  }

  public Designation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    emblemUsers = List.copyOf(emblemUsers);
    Objects.requireNonNull(from, "from");
  }

  /** True when the designation holds on the given date. */
  public boolean holdsOn(LocalDate date) {
    return !date.isBefore(from) && (to == null || date.isBefore(to));
  }

  Designation lapse(LocalDate on, Reason reason) {
    return new Designation(id, kind, team, holder, emblemUsers, stage, from, on, reason);
  }
}
