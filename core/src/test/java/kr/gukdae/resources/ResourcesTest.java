package kr.gukdae.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.call.Support;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.stage.Team;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  private final ResourceRules rules = OfficeFiles.programme("seed-2025").resources();
  private final LocalDate jan = LocalDate.of(2026, 1, 1);

  @Test
  void gpuHoursInTheReferenceUnitWithSlowPeriodsCreditedAndIdleOnesReclaimed() {
    List<Allocation> allocations =
        List.of(
            new Allocation("hanbit", "B200", 512, jan, jan.plusDays(30), GpuRules.Mode.LEASE),
            new Allocation("dokdo", "H100", 100, jan, jan.plusDays(10), GpuRules.Mode.LEASE));
    List<UsageReport> reports =
        List.of(
            new UsageReport("hanbit", "B200", jan, jan.plusDays(10), 0.5, 0.9),
            new UsageReport("dokdo", "H100", jan, jan.plusDays(10), 1.0, 0.2));
    var rules2 =
        new GpuRules(
            "H100",
            rules.gpu().rates(),
            Map.of("B200", 600, "H100", 100),
            List.of(),
            0.3,
            "gpu-2025");
    var accounts = Compute.account(rules2, allocations, reports);
    var hanbit = accounts.get(0);
    // 512 B200 × 720 h × 2.0 = 737,280 H100-hours promised; 10 days at half speed credits 122,880.
    assertThat(hanbit.promised()).isEqualTo(737_280.0);
    assertThat(hanbit.credit()).isEqualTo(122_880.0);
    assertThat(hanbit.delivered()).isEqualTo(614_400.0);
    assertThat(hanbit.notes().getFirst()).contains("delivered 50%");
    var dokdo = accounts.get(1);
    assertThat(dokdo.reclaimed()).isEqualTo(100 * 240 * 0.8);
    assertThat(dokdo.notes().getFirst()).contains("reclaimed");
  }

  @Test
  void allocationsBeyondThePoolAndUnknownTypesAreRefused() {
    var tooMany =
        List.of(
            new Allocation("a", "B200", 2000, jan, jan.plusDays(30), GpuRules.Mode.LEASE),
            new Allocation(
                "b", "B200", 600, jan.plusDays(10), jan.plusDays(40), GpuRules.Mode.LEASE));
    assertThatThrownBy(() -> Compute.checkPool(rules.gpu(), tooMany))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .isEqualTo(
                    "allocations beyond the pool: 2600 B200 at once (from "
                        + jan.plusDays(10)
                        + ") but resources.gpu.periods[0] (2025-08-01 to 2027-08-01, LEASE) is 2560"));
    // Back to back (no overlap) fits.
    Compute.checkPool(
        rules.gpu(),
        List.of(
            new Allocation("a", "B200", 2000, jan, jan.plusDays(10), GpuRules.Mode.LEASE),
            new Allocation(
                "b", "B200", 2000, jan.plusDays(10), jan.plusDays(20), GpuRules.Mode.LEASE)));
    assertThatThrownBy(() ->
            Compute.checkPool(
                rules.gpu(),
                List.of(new Allocation("a", "A100", 1, jan, jan.plusDays(1), GpuRules.Mode.LEASE))))
        .hasMessageContaining("gpuType 'A100' has no exchange rate");
  }

  @Test
  void selfPaymentByLevelSizeAndSupportRecomputedWhenTheLevelChanges() {
    var plan =
        new SelfPayment.Plan(
            "hanbit",
            List.of(
                new SelfPayment.Member("Hanbit AI", Team.Size.LARGE, 0.8, 0.5),
                new SelfPayment.Member("Hanbit University", Team.Size.UNIVERSITY, 0.2, 1.0)),
            Map.of(Support.GPU, 10_000_000_000L));
    var open = SelfPayment.compute(rules.selfPayment(), OpenLevel.OPEN_WEIGHTS_COMMERCIAL, plan);
    assertThat(open.total())
        .isEqualTo(800_000_000L); // 8bn × 10% for the large company, 0 for the university
    assertThat(open.cash()).isEqualTo(400_000_000L);
    var closed = SelfPayment.compute(rules.selfPayment(), OpenLevel.RESEARCH_ONLY, plan);
    assertThat(closed.total()).isEqualTo(4_000_000_000L);
    assertThatThrownBy(() ->
            SelfPayment.compute(
                rules.selfPayment(),
                OpenLevel.FULL_OPEN,
                new SelfPayment.Plan(
                    "x",
                    List.of(new SelfPayment.Member("X", Team.Size.MEDIUM, 1, 1)),
                    Map.of(Support.TALENT, 1L))))
        .hasMessageContaining("selfPayment.rows has no rate for FULL_OPEN × MEDIUM × TALENT");
    assertThatThrownBy(() ->
            SelfPayment.compute(
                rules.selfPayment(),
                OpenLevel.FULL_OPEN,
                new SelfPayment.Plan(
                    "x",
                    List.of(new SelfPayment.Member("X", Team.Size.LARGE, 1, 0.05)),
                    Map.of(Support.GPU, 1L))))
        .hasMessageContaining(
            "members.X.cashShare 0.05 is below the programme's minimum cash share 0.1");
  }

  @Test
  void jointDataPurchaseBuysTheMostWantedSetWithinBudget() {
    var offers =
        List.of(
            new DataPurchase.Offer("news", "Press Co", 4_000_000_000L),
            new DataPurchase.Offer("law", "Law Co", 3_000_000_000L),
            new DataPurchase.Offer("books", "Book Co", 5_000_000_000L),
            new DataPurchase.Offer("speech", "Voice Co", 2_000_000_000L));
    var wishes =
        List.of(
            new DataPurchase.Wish("a", List.of("books", "news", "law")),
            new DataPurchase.Wish("b", List.of("books", "law")),
            new DataPurchase.Wish("c", List.of("news", "speech")));
    var plan = DataPurchase.plan(rules.data().jointBudget(), offers, wishes);
    // points: books 3+2=5, news 2+2=4, law 1+1=2, speech 1; budget 10bn.
    assertThat(plan.bought()).containsExactly("books", "news");
    assertThat(plan.spent()).isEqualTo(9_000_000_000L);
    assertThat(plan.unmet()).containsExactly("law", "speech");
    assertThatThrownBy(() ->
            DataPurchase.plan(1, offers, List.of(new DataPurchase.Wish("a", List.of("maps")))))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .isEqualTo("wishes.a[0]: 'maps' is not an offer"));
  }

  @Test
  void talentMatchingOnlyAfterTheCallWithAContractUpToTheCapAndAfterElimination() {
    String contract = "c".repeat(64);
    var hires =
        List.of(
            new Talent.Hire(
                "hanbit", "p1", LocalDate.of(2025, 9, 1), contract, 2026, 1_500_000_000L),
            new Talent.Hire(
                "hanbit", "p2", LocalDate.of(2025, 10, 1), contract, 2026, 1_000_000_000L),
            new Talent.Hire("hanbit", "p3", LocalDate.of(2025, 5, 1), contract, 2026, 100L),
            new Talent.Hire("dokdo", "p4", LocalDate.of(2025, 9, 1), null, 2026, 100L),
            new Talent.Hire("dokdo", "p5", LocalDate.of(2025, 9, 1), contract, 2027, 100L),
            new Talent.Hire("dokdo", "p6", LocalDate.of(2025, 9, 1), contract, 2028, 100L));
    var lines =
        Talent.grant(
            rules.talent(),
            LocalDate.of(2025, 6, 20),
            hires,
            Map.of("dokdo", LocalDate.of(2026, 1, 15)));
    assertThat(lines.get(0).granted()).isEqualTo(1_500_000_000L);
    assertThat(lines.get(1).granted()).isEqualTo(500_000_000L);
    assertThat(lines.get(1).reason()).startsWith("capped");
    assertThat(lines.get(2).reason()).contains("not after the call date 2025-06-20");
    assertThat(lines.get(3).reason()).contains("no employment contract");
    assertThat(lines.get(4).reason()).contains("continues after elimination until 2027-12-31");
    assertThat(lines.get(5).granted()).isZero();
  }
}
