package kr.gukdae.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A numbered stage's outcome recomputes every team's resources: GPUs, data budget and talent cap of
 * the next stage for the teams it keeps, the end of data support for those it drops; recorded once
 * with the figures used, replayed, and applied by the support rules.
 */
class StageAllocationsTest {

  static final String CALL = "seed-2025";
  static final LocalDate FROM = LocalDate.parse("2026-02-01");
  static final LocalDate TO = LocalDate.parse("2026-08-01");
  static final String CONTRACT = "c".repeat(64);

  final OfficeProgramme p = OfficeFiles.programme(CALL);

  /** The seed's figures with stage 2's talent cap set apart from the call's (15억원 vs 20억원). */
  final ResourceRules rules =
      new ResourceRules(
          p.resources().gpu(),
          p.resources().selfPayment(),
          p.resources().data(),
          new ResourceRules.TalentRules(
              p.resources().talent().capPerTeamYear(),
              p.resources().talent().continueUntil(),
              p.resources().talent().source(),
              List.of(new ResourceRules.TalentStage(2, 1_500_000_000L, "support-stages-example"))),
          p.resources().continuation());

  private SupportTerms.Source terms() {
    return l -> StageAllocations.terms(l, CALL);
  }

  private SupportLedger.Budget spend(Ledger ledger, String team, long amount, String on) {
    return SupportLedger.spend(
        ledger,
        CALL,
        rules.data(),
        new SupportLedger.Spending(team, "labelling", amount, LocalDate.parse(on)),
        terms());
  }

  private Talent.Line hire(Ledger ledger, String team, String person, long matching) {
    return SupportLedger.hire(
            ledger,
            CALL,
            rules.talent(),
            p.call().opens().toLocalDate(),
            new Talent.Hire(team, person, LocalDate.parse("2025-09-01"), CONTRACT, 2026, matching),
            Map.of(),
            terms())
        .line();
  }

  @Test
  void stageOneOutcomeRecomputesGpusDataBudgetAndTalentCap() {
    Ledger ledger = Ledger.inMemory();
    StageResult stage1 = Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    String kept = stage1.survivors().getFirst();
    String dropped =
        stage1.ranking().stream()
            .map(StageResult.TeamResult::team)
            .filter(t -> !stage1.survivors().contains(t))
            .filter(t -> !stage1.addedByExtraCall().contains(t))
            .findFirst()
            .orElseThrow();
    // Before the allocation every team has the call's own budget.
    assertThat(SupportLedger.budget(ledger, CALL, rules.data(), kept, SupportTerms.NONE).budget())
        .isEqualTo(2_800_000_000L);

    var g = StageAllocations.allocate(ledger, CALL, rules, 1, FROM, TO);
    assertThat(g.stage()).isEqualTo(2);
    assertThat(g.data())
        .isEqualTo(new ResourceRules.DataStage(2, 2_800_000_000L, "support-stages-example"));
    assertThat(g.talent())
        .isEqualTo(new ResourceRules.TalentStage(2, 1_500_000_000L, "support-stages-example"));
    var keptLine = g.lines().stream().filter(l -> l.team().equals(kept)).findFirst().orElseThrow();
    assertThat(keptLine.kept()).isTrue();
    assertThat(keptLine.allocations())
        .singleElement()
        .satisfies(a -> assertThat(a.count()).isEqualTo(512));
    assertThat(keptLine.dataBudget()).isEqualTo(2_800_000_000L);
    assertThat(keptLine.talentCapPerYear()).isEqualTo(1_500_000_000L);
    var droppedLine =
        g.lines().stream().filter(l -> l.team().equals(dropped)).findFirst().orElseThrow();
    assertThat(droppedLine.kept()).isFalse();
    assertThat(droppedLine.allocations()).isEmpty();
    assertThat(droppedLine.dataBudget()).isZero();
    // The ledger's allocations are those of the kept teams, as every reader of allocations sees.
    assertThat(ResourceLedger.allocations(ledger)).isEqualTo(g.allocations());
    assertThat(StageAllocations.replay(ledger, CALL))
        .singleElement()
        .satisfies(r -> assertThat(r.matches()).isTrue());

    // Once per stage: a second allocation is refused and adds nothing.
    int size = ledger.entries().size();
    assertThatThrownBy(() -> StageAllocations.allocate(ledger, CALL, rules, 1, FROM, TO))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("already recorded");
    assertThat(ledger.entries()).hasSize(size);

    // Data: the kept team's budget is the call's plus stage 2's; the dropped team's ends on FROM.
    var budget = spend(ledger, kept, 5_000_000_000L, "2026-03-01");
    assertThat(budget.budget()).isEqualTo(5_600_000_000L);
    assertThat(budget.left()).isEqualTo(600_000_000L);
    spend(ledger, dropped, 100_000_000, "2026-01-31");
    assertThatThrownBy(() -> spend(ledger, dropped, 1, "2026-02-01"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.message(false)).contains("its data support ended on 2026-02-01"));

    // Talent: stage 2's cap for the kept team in the stage's year.
    assertThat(hire(ledger, kept, "p1", 1_000_000_000L).granted()).isEqualTo(1_000_000_000L);
    var capped = hire(ledger, kept, "p2", 1_000_000_000L);
    assertThat(capped.granted()).isEqualTo(500_000_000L);
    assertThat(capped.reason()).isEqualTo("capped: 1500000000 KRW per team per year");
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void anEditedGrantDoesNotReplayAndRefusesSupport() {
    Ledger ledger = Ledger.inMemory();
    StageResult stage1 = Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    StageAllocations.allocate(ledger, CALL, rules, 1, FROM, TO);
    // A second entry for another call, copied with a larger data budget for one team.
    var recorded = CanonicalJson.parse(ledger.entries().getLast().payload()).deepCopy();
    ((ObjectNode) recorded).put("call", "other");
    ((ObjectNode) recorded.path("grant")).put("call", "other");
    ((ObjectNode) recorded.path("grant").path("lines").get(0)).put("dataBudget", 9_000_000_000L);
    ledger.appendJson(Compute.ALLOCATION, CanonicalJson.of(recorded));

    assertThat(StageAllocations.replay(ledger, "other"))
        .singleElement()
        .satisfies(r -> assertThat(r.matches()).isFalse());
    assertThat(StageAllocations.replay(ledger, CALL))
        .singleElement()
        .satisfies(r -> assertThat(r.matches()).isTrue());
    String team = stage1.survivors().getFirst();
    assertThatThrownBy(() -> StageAllocations.terms(ledger, "other"))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .contains("does not replay; no data or talent support"));
    assertThat(StageAllocations.terms(ledger, CALL).dataBudget(team)).isEqualTo(2_800_000_000L);
  }
}
