package kr.gukdae.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import org.junit.jupiter.api.Test;

/** The pool by type and period bounds stage allocations and round grants alike. */
class GpuPoolTest {

  static final LocalDate MAR = GpuPools.MAR;

  /** 10 H100 leased for a year, then 6 bought for the next. */
  static final GpuRules RULES =
      GpuPools.pool(
          GpuPools.year(MAR, 10, GpuRules.Mode.LEASE),
          GpuPools.year(MAR.plusYears(1), 6, GpuRules.Mode.PURCHASE));

  static Round round(String id, int gpus, int days) {
    return GpuPools.round(id, gpus, days);
  }

  static RoundResult selected(String round, String... teams) {
    return GpuPools.selected(round, teams);
  }

  @Test
  void grantsOfEveryRoundTogetherStayWithinThePoolOfTheirPeriod() {
    Ledger ledger = Ledger.inMemory();
    RoundGrants.grant(ledger, "f", round("a", 4, 60), selected("a", "t1", "t2"), MAR, RULES);
    int before = ledger.entries().size();
    // 8 held until 30 April; t3 and t4 fit (10), t5 is the one that does not.
    assertThatThrownBy(() ->
            RoundGrants.grant(
                ledger, "f", round("b", 1, 30), selected("b", "t3", "t4", "t5"), MAR, RULES))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("라운드 b, 팀 t5: H100 1장을 더하면 2025-03-01에 GPU 풀이 1장 부족합니다")
        .hasMessageContaining(
            "round b, team t5: granting 1 H100 would exceed the pool by 1 on 2025-03-01"
                + " (resources.gpu.periods[0] (2025-03-01 to 2026-03-01, LEASE) holds 10,"
                + " 10 already granted); nothing was recorded");
    assertThat(ledger.entries()).hasSize(before);
    // After the first grants end, the same round fits.
    RoundGrants.grant(
        ledger, "f", round("b", 1, 30), selected("b", "t3", "t4", "t5"), MAR.plusDays(60), RULES);
    // Another funnel (another call) draws on its own programme's pool.
    RoundGrants.grant(ledger, "g", round("a", 10, 30), selected("a", "x"), MAR, RULES);
  }

  @Test
  void thePurchasedPeriodHoldsItsOwnCountAndNothingOutsideThePeriods() {
    Ledger ledger = Ledger.inMemory();
    LocalDate year2 = MAR.plusYears(1).minusDays(10);
    // Straddles the change from 10 leased to 6 bought: fits in year 1, not after.
    assertThatThrownBy(() ->
            RoundGrants.grant(ledger, "f", round("a", 8, 30), selected("a", "t1"), year2, RULES))
        .hasMessageContaining("by 2 on 2026-03-01")
        .hasMessageContaining("PURCHASE) holds 6");
    assertThatThrownBy(() ->
            RoundGrants.grant(
                ledger, "f", round("a", 1, 30), selected("a", "t1"), MAR.minusDays(1), RULES))
        .hasMessageContaining("by 1 on 2025-02-28")
        .hasMessageContaining("no H100 period covers 2025-02-28");
    assertThat(ledger.entries()).isEmpty();
    // Without any pool the GPUs have nothing to come from.
    assertThatThrownBy(
            () -> RoundGrants.grant(ledger, "f", round("a", 1, 30), selected("a", "t1"), MAR, null))
        .hasMessageContaining("no resources.gpu pool");
    // Stage allocations obey the same periods.
    assertThatThrownBy(() ->
            Compute.checkPool(
                RULES,
                List.of(
                    new Allocation(
                        "t1", "H100", 7, year2, year2.plusDays(30), GpuRules.Mode.LEASE))))
        .hasMessageContaining("7 H100 at once (from 2026-03-01)");
  }

  @Test
  void periodsThatOverlapOrRepeatAFlatPoolAreRefused() {
    var a = GpuPools.year(MAR, 10, GpuRules.Mode.LEASE);
    var b =
        new GpuRules.PoolPeriod(
            "H100", MAR.plusDays(100), MAR.plusYears(2), 6, GpuRules.Mode.LEASE);
    assertThatThrownBy(() -> GpuPools.pool(a, b))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.message(false)).isEqualTo("periods[1] overlaps periods[0] (H100)"));
    assertThatThrownBy(() ->
            new GpuRules(
                "H100", Map.of("H100", 1.0), Map.of("H100", 3), List.of(), 0, "s", List.of(a)))
        .hasMessageContaining("also in pool");
  }
}
