package kr.gukdae.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.stage.Evidence.BenchmarkResult;
import kr.gukdae.stage.Evidence.OriginalityVerdict;
import kr.gukdae.stage.StageResult.Outcome;
import org.junit.jupiter.api.Test;

class StageDecisionTest {

  private final Program demo = ProgramLoader.demo();
  private final List<Evidence> evidence = EvidenceLoader.demo();

  @Test
  void movingTargetUsesOnlyModelsReleasedInTheWindow() {
    var stage1 = new MovingTarget(demo.references(), LocalDate.parse("2026-01-15"), 6);
    assertThat(stage1.referenceSet())
        .extracting(ReferenceModel::name)
        .doesNotContain("frontier-gamma (demo)", "frontier-delta (demo)");
    assertThat(stage1.reference("AIME-2025").orElseThrow().model())
        .isEqualTo("frontier-beta (demo)");
    var stage2 = new MovingTarget(demo.references(), LocalDate.parse("2026-07-15"), 6);
    assertThat(stage2.reference("AIME-2025").orElseThrow().score()).isEqualTo(95.0);
    // The same score earns less as the bar moves.
    double r1 = MovingTarget.ratio(80, stage1.reference("AIME-2025").orElseThrow().score());
    double r2 = MovingTarget.ratio(80, stage2.reference("AIME-2025").orElseThrow().score());
    assertThat(r2).isLessThan(r1);
  }

  @Test
  void pointsFunctionIsLinearToTheBarAndCapped() {
    var f = new PointsFunction.LinearToBar(0.95);
    assertThat(f.fraction(0.475)).isCloseTo(0.5, within(1e-12));
    assertThat(f.fraction(0.95)).isEqualTo(1.0);
    assertThat(f.fraction(1.3)).isEqualTo(1.0);
    var g = new PointsFunction.FloorToBar(0.5, 0.95);
    assertThat(g.fraction(0.4)).isZero();
    for (int seed = 0; seed < 100; seed++) {
      double a = new Random(seed).nextDouble() * 1.5;
      double b = a + new Random(seed + 1000).nextDouble() * 0.2;
      assertThat(f.fraction(b)).isGreaterThanOrEqualTo(f.fraction(a)).isBetween(0.0, 1.0);
    }
  }

  @Test
  void targetComparisonUsesEachTeamsOwnTargetModel() {
    var r = Stages.evaluate(demo, 1, evidence).team("gyeongbok").orElseThrow();
    var target = r.component("target-comparison").orElseThrow();
    assertThat(target.ratios()).allMatch(x -> x.referenceModel().equals("open-target-m (demo)"));
    assertThat(target.points()).isCloseTo(29.9 / 40 * 10, within(0.001));
  }

  @Test
  void gateFailureIsEliminatedEvenWhenFirstOnPoints() {
    List<Evidence> ev = new ArrayList<>(evidence);
    ev.removeIf(e -> e instanceof OriginalityVerdict o && o.team().equals("hanbit"));
    ev.add(new OriginalityVerdict("hanbit", 1, false, "frozen external encoder"));
    StageResult r = Stages.evaluate(demo, 1, ev);
    assertThat(r.ranking().getFirst().team()).isEqualTo("hanbit");
    assertThat(r.ranking().getFirst().outcome()).isEqualTo(Outcome.ELIMINATED_GATE);
    assertThat(r.ranking().getFirst().designations()).isEmpty();
  }

  @Test
  void refillPromotesTheNextTeamWhenTheProgrammeSaysSo() {
    Program p =
        ProgramLoader.parse(
            DemoFiles.read("programme.yaml")
                .replace(
                    "plannedSurvivors: 4, referenceWindowMonths: 6,",
                    "plannedSurvivors: 4, referenceWindowMonths: 6, refillGateFailures: true,"),
            "p");
    StageResult r = Stages.evaluate(p, 1, evidence);
    assertThat(r.survivors()).containsExactly("hanbit", "baekdu", "gyeongbok", "dokdo");
  }

  @Test
  void tiesAreBrokenByTheStatedRule() {
    // Give dokdo exactly gyeongbok's benchmark and user points but lower expert points...
    List<Evidence> ev = new ArrayList<>(evidence);
    StageResult base = Stages.evaluate(demo, 1, ev);
    double gap =
        base.team("gyeongbok").orElseThrow().total() - base.team("baekdu").orElseThrow().total();
    assertThat(gap).isNegative();
    Program equalWeights = demo.withScheme(demo.scheme().withPoints("expert-review", 35));
    StageResult same = Stages.evaluate(equalWeights, 1, ev);
    assertThat(same.ranking())
        .extracting(StageResult.TeamResult::team)
        .containsExactlyElementsOf(
            base.ranking().stream().map(StageResult.TeamResult::team).toList());
    // Two teams with identical evidence tie on total; the rule then falls to the team id.
    List<Evidence> twins = new ArrayList<>(ev);
    twins.removeIf(e -> e.team().equals("dokdo"));
    ev.stream()
        .filter(e -> e.team().equals("gyeongbok"))
        .map(e -> retag(e, "dokdo"))
        .forEach(twins::add);
    Program sameTarget = ProgramLoader.parse(DemoFiles.read("programme.yaml"), "p");
    StageResult tied =
        Stages.evaluate(
            sameTarget,
            1,
            twins.stream()
                .filter(e ->
                    !(e instanceof Evidence.ReviewScore r
                        && r.team().equals("dokdo")
                        && List.of("rv04", "rv09").contains(r.reviewer())))
                .toList());
    var d = tied.team("dokdo").orElseThrow();
    var g = tied.team("gyeongbok").orElseThrow();
    assertThat(d.total()).isEqualTo(g.total());
    assertThat(d.rank()).isLessThan(g.rank()); // "dokdo" < "gyeongbok"
    assertThat(tied.notes()).anyMatch(n -> n.contains("tied on"));
  }

  private static Evidence retag(Evidence e, String team) {
    return switch (e) {
      case BenchmarkResult b ->
          new BenchmarkResult(team, b.stage(), b.benchmark(), b.group(), b.score());
      case Evidence.ReviewScore r ->
          new Evidence.ReviewScore(team, r.stage(), r.reviewer(), r.items(), r.comment());
      case Evidence.UserEvaluation u ->
          new Evidence.UserEvaluation(team, u.stage(), u.rating(), u.low(), u.high(), u.votes());
      case Evidence.DerivativeCount c -> new Evidence.DerivativeCount(team, c.stage(), c.count());
      case OriginalityVerdict o -> new OriginalityVerdict(team, o.stage(), o.passed(), o.reason());
    };
  }

  @Test
  void missingEvidenceStopsTheDecisionUnlessTheProgrammeSaysZero() {
    List<Evidence> ev = new ArrayList<>(evidence);
    ev.removeIf(e ->
        e instanceof BenchmarkResult b
            && b.team().equals("dokdo")
            && b.benchmark().equals("IFEval"));
    ev.removeIf(e -> e instanceof Evidence.UserEvaluation u && u.team().equals("baekdu"));
    assertThatThrownBy(() -> Stages.evaluate(demo, 1, ev))
        .hasMessageContaining(
            "evidence dokdo/global-benchmarks: no GLOBAL result for benchmark 'IFEval'")
        .hasMessageContaining("evidence baekdu/user-evaluation: no user-evaluation rating");
    UserError refusal = catchThrowableOfType(UserError.class, () -> Stages.evaluate(demo, 1, ev));
    assertThat(refusal.message(true))
        .startsWith("1단계 증거: 문제 2건: ")
        .contains(
            "evidence dokdo/global-benchmarks: 벤치마크 'IFEval'의 글로벌 결과 없음 (증거를 제출하거나"
                + " scheme.missingEvidence: zero로 설정하세요)")
        .contains("evidence baekdu/user-evaluation: 사용자 평가 점수 없음")
        .doesNotContain("no GLOBAL result", "supply it");
    assertThat(refusal.message(false))
        .startsWith("stage 1 evidence: 2 problems: ")
        .contains(
            "evidence dokdo/global-benchmarks: no GLOBAL result for benchmark 'IFEval' (supply it,"
                + " or set scheme.missingEvidence: zero)")
        .doesNotContainPattern("[가-힣]");
    Program zero =
        ProgramLoader.parse(
            DemoFiles.read("programme.yaml")
                .replace("missingEvidence: error", "missingEvidence: zero"),
            "p");
    StageResult r = Stages.evaluate(zero, 1, ev);
    assertThat(r.team("baekdu").orElseThrow().points("user-evaluation")).isZero();
    assertThat(r.notes()).anyMatch(n -> n.contains("baekdu") && n.contains("scored 0"));
  }

  @Test
  void conflictedReviewSheetInTheEvidenceIsRefused() {
    List<Evidence> ev = new ArrayList<>(evidence);
    ev.add(
        new Evidence.ReviewScore(
            "hanbit",
            1,
            "rv01",
            Map.of("originality", 9.0, "training", 9.0, "data-safety", 9.0, "report", 9.0),
            ""));
    assertThatThrownBy(() -> Stages.evaluate(demo, 1, ev))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("review by 'rv01' of team 'hanbit': conflict of interest"));
  }

  @Test
  void whatIfShowsHowTheDecisionMovesWithAWeight() {
    WhatIf w = Stages.whatIf(demo, 1, evidence, "user-evaluation", 0);
    assertThat(w.fromPoints()).isEqualTo(25);
    assertThat(w.changed().team("hanbit").orElseThrow().total()).isCloseTo(65.2, within(0.01));
    WhatIf none = Stages.whatIf(demo, 1, evidence, "expert-review", 35);
    assertThat(none.decisionChanged()).isFalse();
    assertThatThrownBy(() -> Stages.whatIf(demo, 1, evidence, "vibes", 5))
        .hasMessageContaining("'vibes' is not a component");
  }

  @Test
  void decisionIsRecomputedFromTheLedgerAndTamperingIsCaught() {
    Ledger ledger = Ledger.inMemory();
    StageResult recorded = Stages.run(demo, 1, evidence, ledger);
    Stages.Replay replay = Stages.replay(ledger, 1);
    assertThat(replay.matches()).isTrue();
    assertThat(replay.recomputed()).isEqualTo(recorded);
    assertThat(replay.evidence()).hasSize(evidence.size());
    assertThat(Stages.decisionOf(ledger.entries().getLast())).isEqualTo(recorded);
    List<LedgerEntry> entries = new ArrayList<>(ledger.entries());
    LedgerEntry e = entries.get(3);
    entries.set(
        3,
        new LedgerEntry(
            e.seq(),
            e.timestamp(),
            e.kind(),
            e.payload().replaceFirst("\"score\":[0-9.]+", "\"score\":99.0"),
            e.prevHash(),
            e.hash()));
    assertThat(Ledger.verify(entries, null).brokenSeq()).isEqualTo(4);
  }

  @Test
  void rejectedEvidenceWritesNothingToTheLedger() {
    Ledger ledger = Ledger.inMemory();
    assertThatThrownBy(() -> Stages.run(demo, 1, evidence.subList(0, 10), ledger));
    assertThat(ledger.entries()).isEmpty();
  }
}
