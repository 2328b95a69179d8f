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
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.resources.SupportLedger;
import kr.gukdae.resources.SupportTerms;
import kr.gukdae.resources.Talent;
import org.junit.jupiter.api.Test;

/**
 * Institutes' data budgets and talent matching follow the recorded portfolio funding through the
 * teams' own support rules: a kept institute gets stage 2's budget and cap on top of the call's; a
 * dropped one's data support ends on the stage's first day and its talent goes on until the talent
 * rules' date, as for an eliminated team.
 */
class PortfolioSupportTest {

  static final String CALL = "institutes-2026";
  static final LocalDate FROM = LocalDate.parse("2026-07-01");
  static final LocalDate TO = LocalDate.parse("2027-07-01");
  static final String CONTRACT = "a".repeat(64);

  final OfficeProgramme p = OfficeFiles.programme("institutes");
  final ResourceRules rules = p.resources();

  /** Two domains are enough and kiost's ocean model fails: kiost keeps nothing and is dropped. */
  private Ledger decidedAndFunded() {
    Ledger ledger = Ledger.inMemory();
    var lenient = new Portfolio(p.portfolio().domains(), p.portfolio().institutes(), 2, "x");
    var results =
        OfficeFiles.examplePortfolioResults("institutes").stream()
            .map(r ->
                r.model().equals("kiost-ocean-7b")
                    ? new PortfolioDecision.Result(r.model(), r.benchmark(), 40)
                    : r)
            .toList();
    PortfolioDecision.decide(ledger, CALL, lenient, results);
    return ledger;
  }

  private SupportTerms.Source terms() {
    return l -> PortfolioFunding.terms(l, CALL, rules.gpu());
  }

  private SupportLedger.Budget spend(Ledger ledger, String team, long amount, String on) {
    return SupportLedger.spend(
        ledger,
        CALL,
        rules.data(),
        new SupportLedger.Spending(team, "labelling", amount, LocalDate.parse(on)),
        terms());
  }

  private Talent.Line hire(Ledger ledger, String team, String person, int year, long matching) {
    return SupportLedger.hire(
            ledger,
            CALL,
            rules.talent(),
            p.call().opens().toLocalDate(),
            new Talent.Hire(team, person, LocalDate.parse("2026-05-01"), CONTRACT, year, matching),
            Map.of(),
            terms())
        .line();
  }

  @Test
  void keptInstitutesGetTheStagesDataBudgetAndTalentCapDroppedOnesLoseDataSupport() {
    Ledger ledger = decidedAndFunded();
    // Before funding, every institute has the call's own budget and cap.
    assertThat(
            SupportLedger.budget(ledger, CALL, rules.data(), "kimed", SupportTerms.NONE).budget())
        .isEqualTo(500_000_000L);
    spend(ledger, "kiost", 100_000_000, "2026-06-01");

    var f = PortfolioFunding.fund(ledger, CALL, rules, FROM, TO);
    long seq = PortfolioDecision.recorded(ledger, CALL).seq();
    assertThat(f.data())
        .isEqualTo(new ResourceRules.DataStage(2, 1_500_000_000L, "portfolio-support"));
    assertThat(f.talent())
        .isEqualTo(new ResourceRules.TalentStage(2, 1_000_000_000L, "portfolio-support"));
    assertThat(f.lines())
        .extracting(
            PortfolioFunding.Line::institute,
            PortfolioFunding.Line::why,
            PortfolioFunding.Line::dataBudget,
            PortfolioFunding.Line::talentCapPerYear)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "kilaw", PortfolioFunding.Why.FUNDED, 1_500_000_000L, 1_000_000_000L),
            org.assertj.core.groups.Tuple.tuple(
                "kimed", PortfolioFunding.Why.FUNDED, 1_500_000_000L, 1_000_000_000L),
            org.assertj.core.groups.Tuple.tuple(
                "kiost", PortfolioFunding.Why.NO_PASSING_MODEL, 0L, 0L));
    assertThat(PortfolioFunding.replays(ledger, CALL, rules.gpu())).isTrue();

    // Data: the kept institute's budget is the call's plus stage 2's, under the same limit rule.
    var kimed = spend(ledger, "kimed", 1_900_000_000, "2026-08-01");
    assertThat(kimed.budget()).isEqualTo(2_000_000_000L);
    assertThat(kimed.left()).isEqualTo(100_000_000L);
    assertThat(kimed.terms())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.kept()).isTrue();
          assertThat(t.decisionSeq()).isEqualTo(seq);
        });
    assertThatThrownBy(() -> spend(ledger, "kimed", 200_000_000, "2026-08-02"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.message(false)).contains("exceeds the data budget by 100,000,000"));
    // The dropped institute spends what it had before the stage, nothing from its first day on.
    spend(ledger, "kiost", 50_000_000, "2026-06-30");
    assertThatThrownBy(() -> spend(ledger, "kiost", 1, "2026-07-01"))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo(
                        "team kiost: its data support ended on 2026-07-01 (the decision at ledger"
                            + " seq "
                            + seq
                            + " did not keep it for stage 2); the spending on 2026-07-01 was not"
                            + " recorded"));
    assertThat(
            SupportLedger.budget(ledger, CALL, rules.data(), "kiost", terms().read(ledger)).spent())
        .isEqualTo(150_000_000L);

    // Talent: stage 2's cap for the kept institute in the stage's years, the call's cap after.
    assertThat(hire(ledger, "kimed", "p1", 2026, 900_000_000).granted()).isEqualTo(900_000_000L);
    var capped = hire(ledger, "kimed", "p2", 2026, 300_000_000);
    assertThat(capped.granted()).isEqualTo(100_000_000L);
    assertThat(capped.reason()).isEqualTo("capped: 1000000000 KRW per team per year");
    // The dropped institute is eliminated on the stage's first day: matching continues until the
    // talent rules' date (2026-12-31) at the call's cap, and stops after it.
    var kiost = hire(ledger, "kiost", "p3", 2026, 600_000_000);
    assertThat(kiost.granted()).isEqualTo(500_000_000L);
    assertThat(kiost.reason()).endsWith("(continues after elimination until 2026-12-31)");
    var late = hire(ledger, "kiost", "p4", 2027, 100_000_000);
    assertThat(late.granted()).isZero();
    assertThat(late.reason()).isEqualTo("team eliminated on 2026-07-01; support ran to 2026-12-31");
    assertThat(SupportLedger.teams(ledger, CALL, terms().read(ledger)))
        .containsExactly("kilaw", "kimed", "kiost");
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void aProgrammeWithoutStageFiguresGivesKeptInstitutesTheCallsTalentCapAndNoExtraData() {
    Ledger ledger = decidedAndFunded();
    var plain =
        new ResourceRules(
            rules.gpu(),
            null,
            new ResourceRules.DataRules(0, 500_000_000L, "portfolio-support", List.of()),
            new ResourceRules.TalentRules(
                500_000_000L, LocalDate.parse("2026-12-31"), "portfolio-support", List.of()),
            null);
    var f = PortfolioFunding.fund(ledger, CALL, plain, FROM, TO);
    assertThat(f.data()).isNull();
    assertThat(f.talent())
        .isEqualTo(new ResourceRules.TalentStage(2, 500_000_000L, "portfolio-support"));
    assertThat(f.lines().getFirst().dataBudget()).isZero();
    assertThat(f.lines().getFirst().talentCapPerYear()).isEqualTo(500_000_000L);
    assertThat(PortfolioFunding.replays(ledger, CALL, rules.gpu())).isTrue();
  }
}
