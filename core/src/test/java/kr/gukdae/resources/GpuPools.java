package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.gukdae.selection.Criterion;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Rule;

/**
 * The GPU pool fixture the pool tests share (core's {@code GpuPoolTest}, app's {@code
 * GrantRaceTest}): an H100 pool by period, a written-review round whose selected teams each get
 * {@code gpus} H100 for {@code days}, and a decided round selecting given teams.
 */
public final class GpuPools {

  /** The day the pools start. */
  public static final LocalDate MAR = LocalDate.of(2025, 3, 1);

  private GpuPools() {}

  /** An H100 pool of these periods (one GPU type, weight 1, no other rules). */
  public static GpuRules pool(GpuRules.PoolPeriod... periods) {
    return new GpuRules("H100", Map.of("H100", 1.0), Map.of(), List.of(), 0, "s", List.of(periods));
  }

  /** {@code count} H100 held in {@code mode} for a year from {@code from}. */
  public static GpuRules.PoolPeriod year(LocalDate from, int count, GpuRules.Mode mode) {
    return new GpuRules.PoolPeriod("H100", from, from.plusYears(1), count, mode);
  }

  public static Round round(String id, int gpus, int days) {
    return new Round(
        id,
        Round.Kind.WRITTEN_REVIEW,
        List.of("r1"),
        1,
        0,
        List.of(new Criterion("q", "q", 100, 10, 0)),
        0,
        new Rule(5, false),
        new Round.Grant("H100", gpus, days, 0, "s"));
  }

  public static RoundResult selected(String round, String... teams) {
    return new RoundResult(
        round,
        Round.Kind.WRITTEN_REVIEW,
        kr.gukdae.text.Reason.recorded("quota"),
        teams.length,
        List.of(),
        List.of(teams),
        false,
        List.of());
  }
}
