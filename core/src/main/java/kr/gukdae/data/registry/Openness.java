package kr.gukdae.data.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;

/**
 * The openness obligation: at least {@code requiredShare} (50% in the programme) of the data a team
 * built must be opened, measured in the unit its agreement uses. A shortfall is flagged before
 * every stage date still ahead, so it can be fixed in time rather than found at the evaluation.
 */
public final class Openness {

  private Openness() {}

  public enum Unit {
    BYTES,
    RECORDS;

    public static Unit parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw UserError.of(
            "unit '" + text + "': bytes 또는 records를 쓰세요",
            "unit '" + text + "': use bytes or records");
      }
    }
  }

  public record Status(
      String team,
      Unit unit,
      long built,
      long opened,
      double requiredShare,
      long shortfall,
      List<Bilingual> warnings) {
    public boolean met() {
      return shortfall == 0;
    }

    /** The warnings in English, as clients before both languages read them. */
    @JsonProperty("flags")
    public List<String> flags() {
      return warnings.stream().map(Bilingual::en).toList();
    }
  }

  /** {@code built} and {@code opened} as (amount, opened?) pairs of one team's versions. */
  public static Status of(
      String team,
      Unit unit,
      List<long[]> versions,
      double requiredShare,
      List<LocalDate> stageDates,
      LocalDate today) {
    if (!(requiredShare >= 0 && requiredShare <= 1)) {
      throw UserError.of(
          "요구 비율은 0과 1 사이여야 합니다. 받은 값: " + requiredShare,
          "required share must be between 0 and 1, got " + requiredShare);
    }
    long built = 0;
    long opened = 0;
    for (long[] v : versions) {
      built += v[0];
      opened += v[1] != 0 ? v[0] : 0;
    }
    long needed = (long) Math.ceil(requiredShare * built);
    long shortfall = Math.max(0, needed - opened);
    List<Bilingual> flags = new ArrayList<>();
    if (shortfall > 0) {
      for (LocalDate stage : stageDates.stream().sorted().toList()) {
        if (!stage.isBefore(today)) {
          Object[] args = {
            stage,
            ChronoUnit.DAYS.between(today, stage),
            shortfall,
            unit.name().toLowerCase(Locale.ROOT),
            opened,
            built,
            requiredShare * 100
          };
          flags.add(
              new Bilingual(
                  String.format(
                      Locale.ROOT,
                      "%s 단계 평가 (%d일 후): %d %s 더 공개해야 합니다 (구축 %6$d 중 %5$d 공개, %7$.0f%% 필요)",
                      args),
                  String.format(
                      Locale.ROOT,
                      "stage %s (in %d days): open %d more %s (opened %d of %d built, %.0f%% required)",
                      args)));
        }
      }
    }
    return new Status(team, unit, built, opened, requiredShare, shortfall, flags);
  }
}
