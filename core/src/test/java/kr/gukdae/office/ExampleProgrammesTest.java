package kr.gukdae.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.call.DocumentKind;
import kr.gukdae.call.Support;
import kr.gukdae.designation.Designations;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.resources.Allocation;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.RoundGrants;
import kr.gukdae.selection.Assignment;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Selection;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.junit.jupiter.api.Test;

/** The shipped example programmes, run end to end over one ledger. */
class ExampleProgrammesTest {

  private static final Instant AFTER_SEED = Instant.parse("2025-07-21T08:00:00Z");

  @Test
  void seedFunnelFifteenToTenToFiveThenStageOneResourcesAndDesignation() {
    OfficeProgramme p = OfficeFiles.programme("seed-2025");
    Ledger ledger = Ledger.inMemory();
    List<Application> apps = Fixtures.seedApplications();
    var seal = Office.seal(ledger, p, apps, AFTER_SEED);
    assertThat(seal.eligible()).hasSize(15);
    Map<String, Double> quality = Fixtures.quality(apps);

    RoundResult written = runRound(ledger, p, "written", quality, 0);
    assertThat(written.candidates()).isEqualTo(15);
    assertThat(written.selected()).hasSize(10).containsAll(Fixtures.SEED_WINNERS);
    RoundResult presentation = runRound(ledger, p, "presentation", quality, 0);
    assertThat(presentation.candidates()).isEqualTo(10);
    assertThat(presentation.selected()).containsExactlyInAnyOrderElementsOf(Fixtures.SEED_WINNERS);
    assertThat(presentation.line("seed6").reason().text().en()).contains("quota of 5 is filled");
    RoundResult budget = runRound(ledger, p, "budget", quality, 0);
    assertThat(budget.selected()).containsExactlyInAnyOrderElementsOf(Fixtures.SEED_WINNERS);

    // Conflicts of interest held: rv02 declared Hanbit AI, rv04 Seed7 University.
    Assignment a = Office.assignment(ledger, p, "written");
    assertThat(a.reviewersOf().get("hanbit")).doesNotContain("rv02");
    assertThat(a.reviewersOf().get("seed7")).doesNotContain("rv04");
    assertThat(a.reviewersOf().values()).allSatisfy(rs -> assertThat(rs).hasSize(5));
    // Balanced: 75 sheets over 10 reviewers.
    assertThat(a.load().values()).allSatisfy(n -> assertThat(n).isBetween(7, 8));

    // Every decision replays from the ledger alone.
    for (Round r : p.funnel().rounds()) {
      assertThat(Selection.replay(ledger, "seed-2025", r.id()).matches()).isTrue();
    }
    assertThat(ledger.verify().intact()).isTrue();

    // Stage 1 of the selected teams (the stage demo programme), recorded in the same ledger.
    var program = ProgramLoader.demo();
    StageResult stage1 = Stages.run(program, 1, EvidenceLoader.demo(), ledger);
    assertThat(Fixtures.SEED_WINNERS)
        .containsAll(stage1.ranking().stream().map(StageResult.TeamResult::team).toList());

    // Resources follow the outcome: continuing and added teams get stage 2's quota.
    List<Allocation> next =
        Compute.allocate(
            p.resources().gpu(), stage1, 2, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 1));
    List<String> funded = next.stream().map(Allocation::team).toList();
    assertThat(funded).containsAll(stage1.survivors());
    assertThat(funded)
        .doesNotContainAnyElementsOf(
            stage1.ranking().stream()
                .filter(t -> t.outcome() != StageResult.Outcome.CONTINUES)
                .map(StageResult.TeamResult::team)
                .toList());
    assertThat(next).allSatisfy(x -> assertThat(x.count()).isEqualTo(512));

    // Designation follows the decision.
    List<kr.gukdae.text.Reason> changes = Designations.apply(ledger, program, stage1);
    assertThat(changes).anyMatch(c -> c.text().en().startsWith("granted KAI-M-hanbit"));
    assertThat(Designations.find(ledger, "KAI-M-hanbit").orElseThrow().emblemUsers())
        .contains("Hanbit AI (demo)");
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void extraCallAdmitsOnlyByMajorityAndMayAdmitNone() {
    OfficeProgramme p = OfficeFiles.programme("extra-call-2026");
    OffsetDateTime at = OffsetDateTime.parse("2026-02-10T12:00:00+09:00");
    List<Application> apps =
        List.of(
            Fixtures.application(
                "hallasan",
                "extra-2026",
                at,
                Fixtures.consortium("hallasan"),
                Set.of(Support.GPU),
                DocumentKind.PLAN,
                DocumentKind.ENGLISH_SUMMARY,
                DocumentKind.LOSS_LOG,
                DocumentKind.BENCHMARK_RESULTS),
            Fixtures.application(
                "mirae",
                "extra-2026",
                at,
                Fixtures.consortium("mirae"),
                Set.of(Support.GPU),
                DocumentKind.PLAN,
                DocumentKind.ENGLISH_SUMMARY,
                DocumentKind.LOSS_LOG,
                DocumentKind.BENCHMARK_RESULTS));
    Instant closed = Instant.parse("2026-02-12T08:00:00Z");

    Ledger ledger = Ledger.inMemory();
    Office.seal(ledger, p, apps, closed);
    RoundResult one = runRound(ledger, p, "evaluation", Map.of("hallasan", 8.5, "mirae", 5.5), 7);
    assertThat(one.selected()).containsExactly("hallasan");
    assertThat(one.line("mirae").outcome()).isEqualTo(RoundResult.Outcome.NO_MAJORITY);
    assertThat(one.line("mirae").reason().text().en()).contains("0 of 5 reviewers approve");

    Ledger none = Ledger.inMemory();
    Office.seal(none, p, apps, closed);
    RoundResult noAward = runRound(none, p, "evaluation", Map.of("hallasan", 6.0, "mirae", 5.5), 7);
    assertThat(noAward.selected()).isEmpty();
    assertThat(noAward.noAward()).isTrue();
    assertThat(noAward.notes()).anyMatch(n -> n.text().en().startsWith("no award"));
    assertThat(Selection.replay(none, "extra-2026", "evaluation").matches()).isTrue();
  }

  @Test
  void contestFunnel630To100To20To8To5() {
    OfficeProgramme p = OfficeFiles.programme("contest");
    OffsetDateTime at = OffsetDateTime.parse("2025-01-20T12:00:00+09:00");
    List<Application> apps = new ArrayList<>();
    for (int i = 1; i <= 630; i++) {
      String id = "t" + i;
      apps.add(
          Fixtures.application(
              id,
              "contest",
              at,
              List.of(
                  new Application.Member(
                      "Contest Team " + i + " Org",
                      kr.gukdae.stage.Team.Role.LEAD,
                      kr.gukdae.stage.Team.Size.STARTUP)),
              Set.of(Support.GPU),
              DocumentKind.PLAN));
    }
    Map<String, Double> quality = new java.util.HashMap<>();
    for (int i = 1; i <= 630; i++) {
      quality.put("t" + i, 2 + 7.5 * ((i * 7919) % 630) / 630.0);
    }
    Ledger ledger = Ledger.inMemory();
    Office.seal(ledger, p, apps, Instant.parse("2025-02-01T00:00:00Z"));
    int[] expected = {100, 20, 8, 5};
    LocalDate from = LocalDate.parse("2025-03-01");
    for (int i = 0; i < expected.length; i++) {
      Round r = p.funnel().rounds().get(i);
      RoundResult result = runRound(ledger, p, r.id(), quality, 0);
      assertThat(result.selected()).as(r.id()).hasSize(expected[i]);
      if (r.grant() != null) {
        // Resources between rounds: each selected team gets the round's grant, recorded once.
        var granted = RoundGrants.grant(ledger, "contest", r, result, from, p.resources().gpu());
        assertThat(granted).hasSize(expected[i]);
        assertThat(granted)
            .allSatisfy(g -> assertThat(g.gpus()).isEqualTo(r.grant().gpusPerTeam()));
        assertThatThrownBy(
                () -> RoundGrants.grant(ledger, "contest", r, result, from, p.resources().gpu()))
            .hasMessageContaining("already recorded");
      }
    }
    assertThat(RoundGrants.recorded(ledger, "contest", "semifinal")).hasSize(8);
    assertThat(RoundGrants.of(ledger, Office.decision(ledger, p, "final").selected().getFirst()))
        .extracting(RoundGrants.Granted::round)
        .containsExactly("screening", "prototype", "semifinal");
    assertThat(p.funnel().round("final").grant()).isNull();
    assertThat(Office.assignment(ledger, p, "screening").reviewersOf().get("t7"))
        .doesNotContain("c20");
    assertThat(Office.assignment(ledger, p, "screening").load().values())
        .allSatisfy(n -> assertThat(n).isBetween(63, 64));
    assertThat(Selection.replay(ledger, "contest", "final").matches()).isTrue();
  }

  @Test
  void institutePortfolioJudgedPerDomainThenAsAWhole() {
    OfficeProgramme p = OfficeFiles.programme("institutes");
    OffsetDateTime at = OffsetDateTime.parse("2026-03-20T12:00:00+09:00");
    List<Application> apps = new ArrayList<>();
    for (String id : List.of("kilaw", "kimed", "kiost", "kicity")) {
      apps.add(
          Fixtures.application(
              id,
              "institutes-2026",
              at,
              List.of(
                  new Application.Member(
                      id + " institute",
                      kr.gukdae.stage.Team.Role.LEAD,
                      kr.gukdae.stage.Team.Size.PUBLIC)),
              Set.of(Support.GPU),
              DocumentKind.PLAN,
              DocumentKind.ENGLISH_SUMMARY));
    }
    Ledger ledger = Ledger.inMemory();
    Office.seal(ledger, p, apps, Instant.parse("2026-04-01T00:00:00Z"));
    RoundResult selected =
        runRound(
            ledger,
            p,
            "selection",
            Map.of("kilaw", 8.5, "kimed", 9.0, "kiost", 8.0, "kicity", 5.0),
            0);
    assertThat(selected.selected()).containsExactlyInAnyOrder("kilaw", "kimed", "kiost");
    assertThat(p.portfolio().institutes())
        .extracting(kr.gukdae.portfolio.Portfolio.Institute::id)
        .containsExactlyInAnyOrderElementsOf(selected.selected());

    var results = portfolioResults(58);
    var d = PortfolioDecision.decide(ledger, "institutes-2026", p.portfolio(), results);
    assertThat(d.continues()).isTrue();
    assertThat(d.reason().text().en())
        .isEqualTo("3 of 4 domains covered; 3 needed: the portfolio continues");
    assertThat(d.domains())
        .extracting(PortfolioDecision.DomainLine::domain, PortfolioDecision.DomainLine::best)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("law", "kilaw-law-7b"),
            org.assertj.core.groups.Tuple.tuple("medicine", "kimed-med-13b"),
            org.assertj.core.groups.Tuple.tuple("ocean", "kiost-ocean-7b"),
            org.assertj.core.groups.Tuple.tuple("manufacturing", null));
    var byModel = new java.util.HashMap<String, PortfolioDecision.ModelLine>();
    d.models().forEach(l -> byModel.put(l.model(), l));
    assertThat(byModel.get("kilaw-law-7b").domainScore()).isEqualTo(69.2); // 0.6×72 + 0.4×65
    assertThat(byModel.get("kimed-law-3b").outcome())
        .isEqualTo(PortfolioDecision.ModelOutcome.BELOW_THRESHOLD);
    assertThat(byModel.get("kimed-law-3b").reason().text().en())
        .contains("ko-bar-exam 48.0 < 50.0");
    assertThat(byModel.get("kiost-fab-3b").outcome())
        .isEqualTo(PortfolioDecision.ModelOutcome.BELOW_PASS_SCORE);
    assertThat(byModel.get("kiost-fab-3b").reason().text().en())
        .isEqualTo("domain score 51.00 < 60.0");
    assertThat(d.institutes())
        .filteredOn(i -> i.institute().equals("kimed"))
        .singleElement()
        .satisfies(i -> {
          assertThat(i.kept()).containsExactly("kimed-med-13b");
          assertThat(i.dropped()).containsExactly("kimed-law-3b");
        });
    assertThat(PortfolioDecision.replays(ledger, "institutes-2026")).isTrue();
    assertThatThrownBy(
            () -> PortfolioDecision.decide(ledger, "institutes-2026", p.portfolio(), results))
        .hasMessageContaining("already recorded");
    assertThat(ledger.verify().intact()).isTrue();

    // One domain fewer covered (ocean below its threshold): the portfolio stops.
    var weaker = PortfolioDecision.evaluate(p.portfolio(), portfolioResults(40));
    assertThat(weaker.continues()).isFalse();
    assertThat(weaker.institutes())
        .filteredOn(i -> i.institute().equals("kiost"))
        .singleElement()
        .satisfies(i -> assertThat(i.continues()).isFalse());
    // A missing result is named, never counted as zero silently.
    var missing = PortfolioDecision.evaluate(p.portfolio(), results.subList(1, results.size()));
    assertThat(missing.models().getFirst().reason().text().en())
        .isEqualTo("no result for ko-bar-exam");
    // Bad input: a model in no institute, a benchmark of another domain.
    assertThatThrownBy(() ->
            PortfolioDecision.evaluate(
                p.portfolio(), List.of(new PortfolioDecision.Result("ghost", "ocean-qa", 50))))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo("results[0]: model 'ghost' is in no institute"));
    assertThatThrownBy(() ->
            PortfolioDecision.evaluate(
                p.portfolio(),
                List.of(new PortfolioDecision.Result("kilaw-law-7b", "ocean-qa", 50))))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo(
                        "results[0]: benchmark 'ocean-qa' is not one of domain law's benchmarks"));
  }

  private static List<PortfolioDecision.Result> portfolioResults(double ocean) {
    return List.of(
        new PortfolioDecision.Result("kilaw-law-7b", "ko-bar-exam", 72),
        new PortfolioDecision.Result("kilaw-law-7b", "ko-case-summary", 65),
        new PortfolioDecision.Result("kimed-law-3b", "ko-bar-exam", 48),
        new PortfolioDecision.Result("kimed-law-3b", "ko-case-summary", 70),
        new PortfolioDecision.Result("kimed-med-13b", "kormedmcqa", 70),
        new PortfolioDecision.Result("kimed-med-13b", "ko-clinical-notes", 60),
        new PortfolioDecision.Result("kiost-ocean-7b", "ocean-qa", ocean),
        new PortfolioDecision.Result("kiost-fab-3b", "fab-defects", 52),
        new PortfolioDecision.Result("kiost-fab-3b", "plant-manuals-qa", 50));
  }

  @Test
  void roundsRunInOrderAndOnlyOnce() {
    OfficeProgramme p = OfficeFiles.programme("seed-2025");
    Ledger ledger = Ledger.inMemory();
    Office.seal(ledger, p, Fixtures.seedApplications(), AFTER_SEED);
    assertThatThrownBy(() -> Office.assign(ledger, p, "presentation"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("round written of seed-2025 is not decided yet");
    runRound(ledger, p, "written", Fixtures.quality(Fixtures.seedApplications()), 0);
    assertThatThrownBy(() -> Office.assign(ledger, p, "written"))
        .hasMessageContaining("already has a recorded assignment");
    assertThatThrownBy(() -> Office.decide(ledger, p, "written", List.of()))
        .hasMessageContaining("already decided");
  }

  static RoundResult runRound(
      Ledger ledger, OfficeProgramme p, String round, Map<String, Double> quality, double bar) {
    Assignment a = Office.assign(ledger, p, round);
    Round r = p.funnel().round(round);
    return Office.decide(ledger, p, round, Fixtures.scores(r, a, quality, bar));
  }
}
