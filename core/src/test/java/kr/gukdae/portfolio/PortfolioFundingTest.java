package kr.gukdae.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.resources.Allocation;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.GpuRules;
import kr.gukdae.resources.ResourceLedger;
import kr.gukdae.resources.ResourceRules;
import org.junit.jupiter.api.Test;

/** Institutes' GPUs follow the recorded portfolio decision by the stage quota rule. */
class PortfolioFundingTest {

  static final LocalDate FROM = LocalDate.parse("2026-07-01");
  static final LocalDate TO = LocalDate.parse("2027-01-01");

  final OfficeProgramme p = OfficeFiles.programme("institutes");
  final List<PortfolioDecision.Result> results = OfficeFiles.examplePortfolioResults("institutes");

  private static List<PortfolioDecision.Result> withOcean(
      List<PortfolioDecision.Result> results, double ocean) {
    return results.stream()
        .map(r ->
            r.model().equals("kiost-ocean-7b")
                ? new PortfolioDecision.Result(r.model(), r.benchmark(), ocean)
                : r)
        .toList();
  }

  private ResourceRules with(GpuRules gpu) {
    return new ResourceRules(gpu, null, p.resources().data(), p.resources().talent(), null);
  }

  @Test
  void everyInstituteKeepingAPassingModelGetsTheNextStagesQuotaOnceInTheLedger() {
    Ledger ledger = Ledger.inMemory();
    var d = PortfolioDecision.decide(ledger, "institutes-2026", p.portfolio(), results);
    assertThat(d.continues()).isTrue();
    var f = PortfolioFunding.fund(ledger, "institutes-2026", p.resources(), FROM, TO);

    assertThat(f.portfolioContinues()).isTrue();
    assertThat(f.stage()).isEqualTo(PortfolioFunding.STAGE);
    assertThat(f.lines())
        .extracting(PortfolioFunding.Line::institute, PortfolioFunding.Line::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kilaw", PortfolioFunding.Why.FUNDED),
            org.assertj.core.groups.Tuple.tuple("kimed", PortfolioFunding.Why.FUNDED),
            org.assertj.core.groups.Tuple.tuple("kiost", PortfolioFunding.Why.FUNDED));
    var kimed = f.lines().get(1);
    assertThat(kimed.passingModels()).containsExactly("kimed-med-13b");
    assertThat(kimed.allocations())
        .containsExactly(new Allocation("kimed", "H100", 64, FROM, TO, GpuRules.Mode.LEASE));
    // The funding follows the decision's ledger entry and reads back as recorded.
    assertThat(f.decisionSeq())
        .isEqualTo(PortfolioDecision.recorded(ledger, "institutes-2026").seq());
    assertThat(PortfolioFunding.recorded(ledger, "institutes-2026")).isEqualTo(f);
    assertThat(ResourceLedger.allocations(ledger)).hasSize(3);
    // A portfolio is not a numbered stage of the programme sharing the ledger: stage allocations
    // of that programme see nothing of it.
    assertThat(ledger.entries()).noneMatch(e -> e.kind().equals(Compute.ALLOCATION));

    assertThatThrownBy(
            () -> PortfolioFunding.fund(ledger, "institutes-2026", p.resources(), FROM, TO))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("already recorded");
    assertThat(ResourceLedger.allocations(ledger)).hasSize(3);
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void anInstituteWithoutAPassingModelGetsNothingAndAStoppedPortfolioFundsNobody() {
    var lenient = new Portfolio(p.portfolio().domains(), p.portfolio().institutes(), 2, "x");
    var two = PortfolioDecision.evaluate(lenient, withOcean(results, 40));
    assertThat(two.continues()).isTrue();
    var lines = PortfolioFunding.plan(p.resources(), two, FROM, TO);
    var kiost = lines.stream().filter(l -> l.institute().equals("kiost")).findFirst().orElseThrow();
    assertThat(kiost.why()).isEqualTo(PortfolioFunding.Why.NO_PASSING_MODEL);
    assertThat(kiost.allocations()).isEmpty();
    assertThat(lines.stream().filter(l -> l.why() == PortfolioFunding.Why.FUNDED)).hasSize(2);

    var stopped = PortfolioDecision.evaluate(p.portfolio(), withOcean(results, 40));
    assertThat(stopped.continues()).isFalse();
    assertThat(PortfolioFunding.plan(p.resources(), stopped, FROM, TO))
        .allSatisfy(l -> {
          assertThat(l.why()).isEqualTo(PortfolioFunding.Why.PORTFOLIO_STOPS);
          assertThat(l.allocations()).isEmpty();
        });
  }

  @Test
  void fundingBeyondThePoolOrWithoutAQuotaOrADecisionRecordsNothing() {
    Ledger ledger = Ledger.inMemory();
    assertThatThrownBy(
            () -> PortfolioFunding.fund(ledger, "institutes-2026", p.resources(), FROM, TO))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo("institutes-2026: no portfolio decision is recorded"));
    PortfolioDecision.decide(ledger, "institutes-2026", p.portfolio(), results);
    GpuRules gpu = p.resources().gpu();
    GpuRules small =
        new GpuRules(gpu.referenceType(), gpu.rates(), Map.of("H100", 100), gpu.quotas(), 0, "x");
    assertThatThrownBy(
            () -> PortfolioFunding.fund(ledger, "institutes-2026", with(small), FROM, TO))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("192 H100 at once")
        .hasMessageContaining("resources.gpu.pool.H100 is 100");
    GpuRules noQuota =
        new GpuRules(gpu.referenceType(), gpu.rates(), gpu.pool(), List.of(), 0, "x");
    assertThatThrownBy(
            () -> PortfolioFunding.fund(ledger, "institutes-2026", with(noQuota), FROM, TO))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo("resources.gpu.quotas has no quota for stage 2"));
    assertThat(PortfolioFunding.recorded(ledger, "institutes-2026")).isNull();
    assertThat(ResourceLedger.allocations(ledger)).isEmpty();
  }
}
