package kr.gukdae.resources;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.data.registry.Openness;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import org.jspecify.annotations.Nullable;

/**
 * A programme's pass/fail continuation condition, checked per team ahead of a stage date so that a
 * team about to fail it is flagged while there is time to act: the released model's checked
 * open-source level (never a declaration), the GPU utilisation the operator reported, and the share
 * of the data the team built that it has opened, from the data registry's recorded volumes.
 */
public final class Continuation {

  private Continuation() {}

  /**
   * @param minOpenLevel the least open level that passes (null: no openness condition)
   * @param minUtilisation mean reported utilisation a team must reach (0: no condition)
   * @param minOpenedDataShare share of the data a team built that it must have opened (the openness
   *     obligation, 0.5 in the programme; 0: no condition)
   * @param dataUnit the unit the agreements measure data in (BYTES when not given)
   */
  public record Rules(
      @Nullable OpenLevel minOpenLevel,
      double minUtilisation,
      double minOpenedDataShare,
      Openness.@Nullable Unit dataUnit,
      String source) {
    public Rules {
      if (minUtilisation < 0 || minUtilisation > 1) {
        throw UserError.of(
            "continuation.minUtilisation은 0~1이어야 합니다", "continuation.minUtilisation must be 0-1");
      }
      if (!(minOpenedDataShare >= 0 && minOpenedDataShare <= 1)) {
        throw UserError.of(
            "continuation.minOpenedDataShare는 0~1이어야 합니다",
            "continuation.minOpenedDataShare must be 0-1");
      }
      dataUnit = dataUnit == null ? Openness.Unit.BYTES : dataUnit;
      Objects.requireNonNull(source, "continuation.source is required");
    }

    /** The unit data volumes are compared in (BYTES when the file names none). */
    public Openness.Unit unit() {
      return dataUnit == null ? Openness.Unit.BYTES : dataUnit;
    }
  }

  /** One condition a team does not meet (yet), with what was found, in English and Korean. */
  public record Flag(String team, String condition, String detail, String detailKo) {}

  /**
   * A team's built and opened data volume in the registry (null: the team is not in the data
   * registry, so nothing it built can be checked).
   */
  @FunctionalInterface
  public interface DataVolumes {
    Openness.@Nullable Status of(String team, Openness.Unit unit, double requiredShare);
  }

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
      LocalDate today,
      @Nullable DataVolumes data) {
    if (!today.isBefore(stageDate)) {
      throw UserError.of(
          "단계 " + stage + "의 날짜는 " + stageDate + "입니다. 계속 지원 점검은 그 전에 경고합니다 (오늘은 " + today + ")",
          "stage "
              + stage
              + " is dated "
              + stageDate
              + "; the continuation check warns before it (today is "
              + today
              + ")");
    }
    if (rules.minOpenedDataShare() > 0 && data == null) {
      throw new IllegalStateException(
          "bug: the openness condition needs the data registry's volumes");
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
                      + " or more open",
                  "공개 수준이 아직 검사되지 않았습니다; " + rules.minOpenLevel() + " 이상이어야 합니다"));
        } else if (level.ordinal() > rules.minOpenLevel().ordinal()) {
          flags.add(
              new Flag(
                  team,
                  "minOpenLevel",
                  "checked level " + level + " is below " + rules.minOpenLevel(),
                  "검사된 공개 수준 " + level + "이(가) " + rules.minOpenLevel() + "보다 낮습니다"));
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
          flags.add(
              new Flag(
                  team,
                  "minUtilisation",
                  "no usage reported by the operator yet",
                  "운영기관의 GPU 사용 보고가 아직 없습니다"));
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
                      100 * rules.minUtilisation()),
                  String.format(
                      Locale.ROOT,
                      "보고된 %.0f일의 평균 사용률 %.0f%%가 기준 %.0f%%보다 낮습니다",
                      days,
                      100 * used / days,
                      100 * rules.minUtilisation())));
        }
      }
      if (rules.minOpenedDataShare() > 0 && data != null) {
        Flag f = dataFlag(team, data.of(team, rules.unit(), rules.minOpenedDataShare()), rules);
        if (f != null) {
          flags.add(f);
        }
      }
      if (flags.size() == before) {
        passing.add(team);
      }
    }
    return new Report(
        stage, stageDate, today, ChronoUnit.DAYS.between(today, stageDate), flags, passing);
  }

  /** The openness obligation: opened ≥ share × built, in the agreements' unit. */
  private static @Nullable Flag dataFlag(String team, Openness.@Nullable Status s, Rules rules) {
    String condition = "minOpenedDataShare";
    String unit = rules.unit().name().toLowerCase(Locale.ROOT);
    if (s == null) {
      return new Flag(
          team,
          condition,
          "not in the data registry: no built or opened data is recorded to check",
          "데이터 레지스트리에 없는 팀입니다: 확인할 구축·개방 데이터 기록이 없습니다");
    }
    if (s.met()) {
      return null;
    }
    double share = s.built() == 0 ? 0 : (double) s.opened() / s.built();
    return new Flag(
        team,
        condition,
        String.format(
            Locale.ROOT,
            "opened %d of %d %s of the data it built (%.0f%%); at least %.0f%% must be opened:"
                + " open %d more %s",
            s.opened(),
            s.built(),
            unit,
            100 * share,
            100 * rules.minOpenedDataShare(),
            s.shortfall(),
            unit),
        String.format(
            Locale.ROOT,
            "구축한 데이터 %d %s 중 %d %s(%.0f%%)만 개방했습니다; %.0f%% 이상 개방해야 하므로" + " %d %s를 더 개방해야 합니다",
            s.built(),
            unit,
            s.opened(),
            unit,
            100 * share,
            100 * rules.minOpenedDataShare(),
            s.shortfall(),
            unit));
  }
}
