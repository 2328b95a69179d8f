package kr.gukdae.resources;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import org.jspecify.annotations.Nullable;

/**
 * A programme's pass/fail continuation condition, checked per team ahead of a stage date so that a
 * team about to fail it is flagged while there is time to act: the released model's checked
 * open-source level (never a declaration) and the GPU utilisation the operator reported.
 */
public final class Continuation {

  private Continuation() {}

  /**
   * @param minOpenLevel the least open level that passes (null: no openness condition)
   * @param minUtilisation mean reported utilisation a team must reach (0: no condition)
   */
  public record Rules(@Nullable OpenLevel minOpenLevel, double minUtilisation, String source) {
    public Rules {
      if (minUtilisation < 0 || minUtilisation > 1) {
        throw new IllegalArgumentException("continuation.minUtilisation must be 0-1");
      }
      Objects.requireNonNull(source, "continuation.source is required");
    }
  }

  /** One condition a team does not meet (yet), with what was found. */
  public record Flag(String team, String condition, String detail) {}

  public record Report(
      int stage,
      LocalDate stageDate,
      LocalDate checkedOn,
      long daysLeft,
      List<Flag> flags,
      List<String> passing) {}

  /**
   * Checks every team against the rules from what the ledger holds on {@code today}; refused on or
   * after the stage date (the stage decision decides then, not a warning).
   */
  public static Report check(
      Rules rules,
      Ledger ledger,
      List<String> teams,
      int stage,
      LocalDate stageDate,
      LocalDate today) {
    if (!today.isBefore(stageDate)) {
      throw new UserError(
          "stage "
              + stage
              + " is dated "
              + stageDate
              + "; the continuation check warns before it (today is "
              + today
              + ")");
    }
    List<UsageReport> usage = ResourceLedger.usage(ledger);
    List<Flag> flags = new ArrayList<>();
    List<String> passing = new ArrayList<>();
    for (String team : teams) {
      int before = flags.size();
      if (rules.minOpenLevel() != null) {
        OpenLevel level = OpenLevelHistory.current(ledger, team);
        if (level == null) {
          flags.add(
              new Flag(
                  team,
                  "minOpenLevel",
                  "no open-source level checked yet; needs "
                      + rules.minOpenLevel()
                      + " or more open"));
        } else if (level.ordinal() > rules.minOpenLevel().ordinal()) {
          flags.add(
              new Flag(
                  team,
                  "minOpenLevel",
                  "checked level " + level + " is below " + rules.minOpenLevel()));
        }
      }
      if (rules.minUtilisation() > 0) {
        double days = 0;
        double used = 0;
        for (UsageReport r : usage) {
          if (r.team().equals(team) && r.from().isBefore(today)) {
            long d = ChronoUnit.DAYS.between(r.from(), r.to());
            days += d;
            used += d * r.utilisation();
          }
        }
        if (days == 0) {
          flags.add(new Flag(team, "minUtilisation", "no usage reported by the operator yet"));
        } else if (used / days < rules.minUtilisation()) {
          flags.add(
              new Flag(
                  team,
                  "minUtilisation",
                  String.format(
                      Locale.ROOT,
                      "mean utilisation %.0f%% over %.0f reported day(s) is below %.0f%%",
                      100 * used / days,
                      days,
                      100 * rules.minUtilisation())));
        }
      }
      if (flags.size() == before) {
        passing.add(team);
      }
    }
    return new Report(
        stage, stageDate, today, ChronoUnit.DAYS.between(today, stageDate), flags, passing);
  }
}
