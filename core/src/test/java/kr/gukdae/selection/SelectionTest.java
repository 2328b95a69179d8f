package kr.gukdae.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.call.DocumentKind;
import kr.gukdae.call.Support;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.Fixtures;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.review.Reviewer;
import kr.gukdae.stage.Team;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private final OfficeProgramme seed = OfficeFiles.programme("seed-2025");
  private final Round written = seed.funnel().round("written");
  private final List<Application> apps = Fixtures.seedApplications();

  private Selection.Input input(List<Score> scores, Assignment a) {
    return new Selection.Input("seed-2025", written, seed.funnel().panel(written), apps, a, scores);
  }

  @Test
  void assignmentAvoidsMembersAndSuppliersAndBalancesLoad() {
    List<Application> withSupplier = new ArrayList<>(apps);
    Application a = apps.get(7);
    withSupplier.set(
        7,
        new Application(
            a.id(),
            a.call(),
            a.consortium(),
            a.members(),
            a.support(),
            a.documents(),
            List.of("K-Cloud GPU"),
            a.submittedAt()));
    Assignment assignment = Selection.assign(seed.funnel(), written, withSupplier);
    assertThat(assignment.reviewersOf().get(a.id())).doesNotContain("rv06");
    assertThat(assignment.reviewersOf().get("hanbit")).doesNotContain("rv02");
    var load = assignment.load().values();
    assertThat(java.util.Collections.max(load) - java.util.Collections.min(load))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void anApplicationWithoutEnoughFreeReviewersIsNamed() {
    Funnel small =
        new Funnel(
            List.of(
                new Round(
                    "r",
                    Round.Kind.WRITTEN_REVIEW,
                    List.of("x", "y"),
                    2,
                    0,
                    List.of(new Criterion("c", "c", 100, 10, 0)),
                    0,
                    new Rule(1, false))),
            List.of(new Reviewer("x", "x", Set.of("Hanbit AI")), new Reviewer("y", "y", Set.of())));
    assertThatThrownBy(() -> Selection.assign(small, small.round("r"), apps.subList(0, 2)))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .isEqualTo(
                    "round r: application hanbit gets 1 of 2 reviewers (1 of the panel have no"
                        + " conflict of interest); widen the panel or raise maxLoad"));
  }

  @Test
  void thresholdsQuotaAndExplanations() {
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    Map<String, Double> q = new java.util.HashMap<>(Fixtures.quality(apps));
    q.put("seed15", 3.0); // below every per-criterion threshold (4)
    RoundResult r = Selection.decide(input(Fixtures.scores(written, a, q, 0), a));
    assertThat(r.selected()).hasSize(10);
    RoundResult.Line low = r.line("seed15");
    assertThat(low.outcome()).isEqualTo(RoundResult.Outcome.BELOW_THRESHOLD);
    assertThat(low.reason().code()).isEqualTo("BELOW_THRESHOLD");
    assertThat(low.reason().text().ko()).contains("technology 평균", "< 기준 4.00", "< 전체 기준 60.00");
    assertThat(low.reason().text().en())
        .contains("technology mean")
        .contains("< threshold 4.00")
        .contains("< overall threshold 60.00");
    assertThat(r.line("hanbit").rank()).isEqualTo(1);
    assertThat(r.line("hanbit").means()).containsOnlyKeys("technology", "goals-strategy", "impact");
    assertThat(r.line("seed11").reason())
        .isEqualTo(
            new kr.gukdae.text.Reason(
                "QUOTA_FILLED",
                "총점 순위 11위; 정원 10개가 찼습니다",
                "ranked 11 by total; the quota of 10 is filled"));
  }

  @Test
  void incompleteForeignOrConflictedSheetsAreRefused() {
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    List<Score> all = Fixtures.scores(written, a, Fixtures.quality(apps), 0);
    assertThatThrownBy(() -> Selection.decide(input(all.subList(1, all.size()), a)))
        .hasMessageContaining("1 assigned sheet(s) missing")
        .hasMessageContaining("nothing is decided on incomplete scores");
    String someone = a.reviewersOf().get("seed6").getFirst();
    String other =
        seed.funnel().rounds().getFirst().panel().stream()
            .filter(r -> !a.assigned(r, "seed6"))
            .findFirst()
            .orElseThrow();
    List<Score> foreign = new ArrayList<>(all);
    foreign.add(new Score("written", other, "seed6", all.getFirst().items(), null));
    assertThatThrownBy(() -> Selection.decide(input(foreign, a)))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .isEqualTo(
                    "score " + other + "/seed6: reviewer is not assigned to this application"));
    List<Score> outOfRange = new ArrayList<>(all);
    Score s = outOfRange.getFirst();
    outOfRange.set(
        0,
        new Score(
            s.round(),
            s.reviewer(),
            s.application(),
            Map.of("technology", 11.0, "goals-strategy", 5.0, "impact", 5.0),
            null));
    assertThatThrownBy(() -> Selection.decide(input(outOfRange, a)))
        .hasMessageContaining("items.technology must be 0-10.00");
    // An assignment edited to put a conflicted reviewer on an application is refused.
    Map<String, List<String>> edited = new java.util.HashMap<>(a.reviewersOf());
    edited.put("hanbit", List.of("rv02", "rv01", "rv03", "rv05", "rv07"));
    assertThatThrownBy(() -> Selection.decide(input(all, new Assignment("written", edited))))
        .hasMessageContaining("rv02 declared an affiliation with a member or supplier of hanbit");
    assertThat(someone).isNotBlank();
  }

  /**
   * The sheet's own checks are one rule, used when a sheet is sent and at the decision: a sheet the
   * decision would refuse is refused before it is stored.
   */
  @Test
  void aSheetIsCheckedAgainstItsRoundOnItsOwn() {
    Selection.checkSheet(
        written,
        new Score(
            "written",
            "rv05",
            "seed6",
            Map.of("technology", 0.0, "goals-strategy", 10.0, "impact", 7.5),
            null));
    Map<Map<String, Double>, String> bad = new java.util.LinkedHashMap<>();
    bad.put(
        Map.of("technology", 7.0, "goals-strategy", 7.0, "impact", 7.0, "bribe", 1.0),
        "items must score exactly [goals-strategy, impact, technology]");
    bad.put(Map.of("technology", 7.0), "items must score exactly");
    bad.put(
        Map.of("technology", 7.0, "goals-strategy", 7.0, "impact", 1e300),
        "items.impact must be 0-10.00");
    bad.put(
        Map.of("technology", -0.5, "goals-strategy", 7.0, "impact", 7.0),
        "items.technology must be 0-10.00");
    bad.forEach((items, why) ->
        assertThatThrownBy(() ->
                Selection.checkSheet(written, new Score("written", "rv05", "seed6", items, null)))
            .satisfies(e -> assertThat(((UserError) e).message(false)).contains(why))
            .satisfies(e -> assertThat(((UserError) e).message(true)).contains("items")));
  }

  @Test
  void whatIfShowsWhoseOutcomeChangesWithAWeight() {
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    List<Score> scores = new ArrayList<>();
    for (Score s : Fixtures.scores(written, a, Fixtures.quality(apps), 0)) {
      // seed11 (rank 11) is brilliant on impact only; seed10 is even.
      Map<String, Double> items =
          s.application().equals("seed11")
              ? Map.of("technology", 4.5, "goals-strategy", 4.5, "impact", 10.0)
              : s.items();
      scores.add(new Score(s.round(), s.reviewer(), s.application(), items, s.approve()));
    }
    Selection.WhatIf w = Selection.whatIf(input(scores, a), "impact", 70);
    assertThat(w.base().line("seed11").outcome()).isEqualTo(RoundResult.Outcome.NOT_SELECTED);
    assertThat(w.changed().line("seed11").outcome()).isEqualTo(RoundResult.Outcome.SELECTED);
    assertThat(w.changes())
        .anyMatch(c -> c.startsWith("seed11: rank") && c.endsWith("NOT_SELECTED -> SELECTED"));
  }

  @Test
  void aRecordedDecisionEditedWithTheChainRehashedNoLongerReplays() {
    var store = new kr.gukdae.office.TamperableLedgerStore();
    Ledger ledger = new Ledger(store);
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    Selection.run(input(Fixtures.scores(written, a, Fixtures.quality(apps), 0), a), ledger);
    assertThat(Selection.replay(ledger, "seed-2025", "written").matches()).isTrue();
    store.rewrite(
        2, p -> p.replaceFirst("\"outcome\":\"NOT_SELECTED\"", "\"outcome\":\"SELECTED\""));
    assertThat(ledger.verify().intact()).isTrue();
    assertThat(Selection.replay(ledger, "seed-2025", "written").matches()).isFalse();
  }

  /**
   * A decision recorded before reasons were bilingual: every reason and note an English sentence.
   * It reads back in those words and still replays; an edit of one of its sentences does not.
   */
  @Test
  void aDecisionRecordedWithEnglishReasonsStillReplays() {
    var store = new kr.gukdae.office.TamperableLedgerStore();
    Ledger ledger = new Ledger(store);
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    Selection.run(input(Fixtures.scores(written, a, Fixtures.quality(apps), 0), a), ledger);
    store.rewrite(
        2,
        p ->
            p.replaceAll("\\{\"code\":\"[A-Z_]+\",\"en\":(\"[^\"]*\"),\"ko\":\"[^\"]*\"\\}", "$1"));
    String old = ledger.entries().get(1).payload();
    assertThat(old)
        .contains(
            "\"outcome\":\"NOT_SELECTED\",\"rank\":11,"
                + "\"reason\":\"ranked 11 by total; the quota of 10 is filled\"")
        .doesNotContain("\"code\"");
    assertThat(Selection.replay(ledger, "seed-2025", "written").matches()).isTrue();
    RoundResult read = Selection.recorded(ledger).getFirst();
    assertThat(read.line("seed11").reason())
        .isEqualTo(kr.gukdae.text.Reason.recorded("ranked 11 by total; the quota of 10 is filled"));
    store.rewrite(2, p -> p.replace("the quota of 10 is filled", "the quota of 9 is filled"));
    assertThat(Selection.replay(ledger, "seed-2025", "written").matches()).isFalse();
  }

  /**
   * A decision recorded after reasons became bilingual but before the rule did (#17): bilingual
   * reasons, the rule an English sentence. It reads back with the rule as recorded and replays.
   */
  @Test
  void aDecisionRecordedWithAnEnglishRuleStillReplays() {
    var store = new kr.gukdae.office.TamperableLedgerStore();
    Ledger ledger = new Ledger(store);
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    RoundResult now =
        Selection.run(input(Fixtures.scores(written, a, Fixtures.quality(apps), 0), a), ledger);
    String english = "best 10 by total among those meeting every threshold";
    assertThat(now.rule())
        .isEqualTo(
            new kr.gukdae.text.Reason("BEST_BY_TOTAL", "모든 기준을 충족한 신청 중 총점 상위 10개", english));
    store.rewrite(
        2,
        p ->
            p.replaceAll(
                "\"rule\":\\{\"code\":\"[A-Z_]+\",\"en\":(\"[^\"]*\"),\"ko\":\"[^\"]*\"\\}",
                "\"rule\":$1"));
    assertThat(ledger.entries().get(1).payload())
        .contains("\"rule\":\"" + english + "\"")
        .contains("\"code\":\"QUOTA_FILLED\"");
    assertThat(Selection.replay(ledger, "seed-2025", "written").matches()).isTrue();
    RoundResult read = Selection.recorded(ledger).getFirst();
    assertThat(read.rule()).isEqualTo(kr.gukdae.text.Reason.recorded(english));
    assertThat(read.line("seed11").reason().code()).isEqualTo("QUOTA_FILLED");
    store.rewrite(2, p -> p.replace("\"rule\":\"best 10", "\"rule\":\"best 9"));
    assertThat(Selection.replay(ledger, "seed-2025", "written").matches()).isFalse();
  }

  @Test
  void badFunnelsNameTheField() {
    String yaml = OfficeFiles.example("seed-2025.yaml");
    assertThatThrownBy(() ->
            OfficeFiles.parse(
                yaml.replaceFirst("weight: 40", "weight: 35"), "p.yaml", OfficeProgramme.class))
        .hasMessageContaining(
            "funnel.rounds[0]: criteria weights sum to 95.0; they must sum to 100");
    assertThatThrownBy(() ->
            OfficeFiles.parse(
                yaml.replace(
                    "rule: {quota: 5}\n    - id: budget", "rule: {quota: 12}\n    - id: budget"),
                "p.yaml",
                OfficeProgramme.class))
        .hasMessageContaining("rounds[1].rule.quota 12 is larger than the previous round's 10");
    // Refused before anyone is assigned, and again at the decision.
    assertThatThrownBy(() -> Selection.assign(seed.funnel(), written, apps.subList(0, 8)))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .isEqualTo(
                    "round written: rule.quota 10 is larger than the 8 candidates; lower the quota"));
    Assignment a = Selection.assign(seed.funnel(), written, apps);
    assertThatThrownBy(() ->
            Selection.decide(
                new Selection.Input(
                    "seed-2025",
                    written,
                    seed.funnel().panel(written),
                    apps.subList(0, 8),
                    a,
                    List.of())))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .isEqualTo(
                    "round written: rule.quota 10 is larger than the 8 candidates; lower the quota"));
    assertThat(
            Fixtures.application(
                    "z",
                    "seed-2025",
                    OffsetDateTime.now(),
                    Fixtures.consortium("z"),
                    Set.of(Support.GPU),
                    DocumentKind.PLAN)
                .members()
                .getFirst()
                .role())
        .isEqualTo(Team.Role.LEAD);
  }
}
