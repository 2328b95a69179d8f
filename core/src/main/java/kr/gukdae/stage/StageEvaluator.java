package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.review.ReviewBoard;
import kr.gukdae.review.ReviewSheet;
import kr.gukdae.stage.Evidence.OriginalityVerdict;
import kr.gukdae.stage.Evidence.UserEvaluation;
import kr.gukdae.stage.StageResult.ComponentScore;
import kr.gukdae.stage.StageResult.Rating;

/** Scores every team of a stage from its evidence, then hands the scores to {@link Decider}. */
final class StageEvaluator {

  private StageEvaluator() {}

  static StageResult evaluate(Program p, int stageNo, List<Evidence> all) {
    StageDef st = p.stage(stageNo);
    Problems problems =
        new Problems(new Bilingual(stageNo + "단계 증거", "stage " + stageNo + " evidence"));
    List<String> notes = new ArrayList<>();
    List<Team> teams = p.teamsIn(stageNo);
    Set<String> ids = new HashSet<>();
    teams.forEach(t -> ids.add(t.id()));
    List<Evidence> evidence = all.stream().filter(e -> e.stage() == stageNo).toList();
    Set<String> strangers = new java.util.TreeSet<>();
    evidence.stream().map(Evidence::team).filter(t -> !ids.contains(t)).forEach(strangers::add);
    strangers.forEach(t ->
        problems.add(
            "evidence",
            "팀 '" + t + "'은(는) " + stageNo + "단계에 참가하지 않습니다",
            "team '" + t + "' does not compete in stage " + stageNo));
    ReviewBoard board = null;
    if (p.panel() != null) {
      Map<String, Set<String>> orgs = new LinkedHashMap<>();
      teams.forEach(t -> orgs.put(t.id(), t.organisations()));
      board = new ReviewBoard(p.panel(), orgs);
      for (ReviewSheet sheet : Scoring.sheets(evidence)) {
        if (ids.contains(sheet.teamId())) {
          try {
            board.submit(sheet);
          } catch (UserError e) {
            problems.add("evidence (expert review)", e);
          }
        }
      }
    }
    MovingTarget target =
        new MovingTarget(p.references(), st.evaluationDate(), st.referenceWindowMonths());
    Scoring scoring = new Scoring(p, target, board, problems, notes);
    List<Decider.Scored> scored = new ArrayList<>();
    for (Team team : teams) {
      List<Evidence> mine = evidence.stream().filter(e -> e.team().equals(team.id())).toList();
      List<ComponentScore> components = scoring.score(team, mine);
      double total = Scoring.round(components.stream().mapToDouble(ComponentScore::points).sum());
      List<OriginalityVerdict> verdicts = Scoring.of(mine, OriginalityVerdict.class);
      boolean passed = true;
      String reason = StageTexts.GATE_NOT_APPLIED.english();
      if (p.scheme().originalityGate()) {
        if (verdicts.size() > 1) {
          problems.add(
              "evidence " + team.id() + "/originality",
              "판정이 둘 이상입니다 (하나만 제출하세요)",
              "more than one verdict");
        } else if (verdicts.isEmpty()) {
          if (p.scheme().missingEvidence() == Scheme.MissingEvidence.ERROR) {
            problems.add(
                "evidence " + team.id() + "/originality",
                "독자성 판정 없음 (점수와 관계없이 관문이 적용되므로 판정을 제출하세요)",
                "no originality verdict (the gate applies regardless of points)");
          }
          passed = false;
          reason = StageTexts.NO_VERDICT.english();
        } else {
          passed = verdicts.getFirst().passed();
          reason = verdicts.getFirst().reason();
        }
      }
      List<UserEvaluation> ratings = Scoring.of(mine, UserEvaluation.class);
      Rating rating =
          ratings.size() == 1
              ? new Rating(
                  ratings.getFirst().rating(),
                  ratings.getFirst().low(),
                  ratings.getFirst().high(),
                  ratings.getFirst().votes())
              : null;
      List<String> comments =
          board == null
              ? List.of()
              : board.sheetsFor(team.id()).stream()
                  .sorted(java.util.Comparator.comparing(ReviewSheet::reviewerId))
                  .map(ReviewSheet::comment)
                  .filter(c -> !c.isBlank())
                  .toList();
      scored.add(new Decider.Scored(team, total, components, passed, reason, rating, comments));
    }
    problems.throwIfAny();
    return Decider.decide(p, st, target, scored, notes);
  }
}
