package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.gukdae.call.Ids;
import org.jspecify.annotations.Nullable;

/**
 * The talent ledger: overseas researchers hired with an employment contract after the call date,
 * matched up to a cap per team and year; support continues after elimination until the programme's
 * date.
 */
public final class Talent {

  private Talent() {}

  /** A hire and the matching asked for in one year. */
  public record Hire(
      String team,
      String person,
      LocalDate hired,
      @Nullable String contractSha256,
      int year,
      long matching) {
    public Hire {
      Ids.check(team, "team");
      Ids.check(person, "person");
      Objects.requireNonNull(hired, "hired is required");
      if (matching < 0) {
        throw new IllegalArgumentException("matching must be 0 or more (KRW)");
      }
    }
  }

  /** What is granted per hire and why anything is refused. */
  public record Line(
      String team, String person, int year, long asked, long granted, String reason) {}

  /**
   * @param eliminatedOn when each eliminated team left the programme (absent = still in)
   */
  public static List<Line> grant(
      ResourceRules.TalentRules rules,
      LocalDate callDate,
      List<Hire> hires,
      Map<String, LocalDate> eliminatedOn) {
    return grant(rules, callDate, hires, eliminatedOn, Map.of());
  }

  /**
   * As above, on top of matching already granted (key {@code team/year}), so hires recorded one at
   * a time share one cap.
   */
  public static List<Line> grant(
      ResourceRules.TalentRules rules,
      LocalDate callDate,
      List<Hire> hires,
      Map<String, LocalDate> eliminatedOn,
      Map<String, Long> alreadyGranted) {
    return grant(
        rules, callDate, hires, eliminatedOn, alreadyGranted, (t, y) -> rules.capPerTeamYear());
  }

  /** The matching cap of a team in a year (KRW): a later stage's terms may set their own. */
  @FunctionalInterface
  interface Cap {
    long of(String team, int year);
  }

  static List<Line> grant(
      ResourceRules.TalentRules rules,
      LocalDate callDate,
      List<Hire> hires,
      Map<String, LocalDate> eliminatedOn,
      Map<String, Long> alreadyGranted,
      Cap cap) {
    Map<String, Long> used = new TreeMap<>(alreadyGranted);
    List<Line> out = new ArrayList<>();
    for (Hire h : hires) {
      String reason = "granted";
      long granted = h.matching();
      if (!h.hired().isAfter(callDate)) {
        granted = 0;
        reason = "hired " + h.hired() + ", not after the call date " + callDate;
      } else if (h.contractSha256() == null || !h.contractSha256().matches("[0-9a-f]{64}")) {
        granted = 0;
        reason = "no employment contract (contractSha256) on file";
      } else if (eliminatedOn.containsKey(h.team()) && h.year() > rules.continueUntil().getYear()) {
        granted = 0;
        reason =
            "team eliminated on "
                + eliminatedOn.get(h.team())
                + "; support ran to "
                + rules.continueUntil();
      } else {
        String key = h.team() + "/" + h.year();
        long capped = cap.of(h.team(), h.year());
        long left = capped - used.getOrDefault(key, 0L);
        if (granted > left) {
          granted = Math.max(0, left);
          reason = "capped: " + capped + " KRW per team per year";
        }
        used.merge(key, granted, Long::sum);
        if (eliminatedOn.containsKey(h.team()) && granted > 0) {
          reason += " (continues after elimination until " + rules.continueUntil() + ")";
        }
      }
      out.add(new Line(h.team(), h.person(), h.year(), h.matching(), granted, reason));
    }
    return out;
  }
}
