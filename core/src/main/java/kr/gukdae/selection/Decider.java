package kr.gukdae.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.text.Reason;

/** Turns a round's score sheets into its decision; refuses incomplete or foreign sheets. */
final class Decider {

  private Decider() {}

  static RoundResult decide(
      Round round, List<Application> candidates, Assignment assignment, List<Score> scores) {
    Map<String, List<Score>> byApp = sheets(round, candidates, assignment, scores);
    List<RoundResult.Line> lines = new ArrayList<>();
    for (Application a : candidates) {
      lines.add(line(round, a, byApp.getOrDefault(a.id(), List.of())));
    }
    lines.sort(
        Comparator.comparingDouble(RoundResult.Line::total)
            .reversed()
            .thenComparing(RoundResult.Line::application));
    List<Reason> notes = new ArrayList<>();
    Integer quota = round.rule().quota();
    List<String> selected = new ArrayList<>();
    List<RoundResult.Line> out = new ArrayList<>();
    int rank = 0;
    double cutTotal = Double.NaN;
    for (RoundResult.Line l : lines) {
      rank++;
      RoundResult.Outcome outcome = l.outcome();
      Reason reason = l.reason();
      if (outcome == RoundResult.Outcome.SELECTED) {
        if (quota != null && selected.size() >= quota) {
          outcome = RoundResult.Outcome.NOT_SELECTED;
          reason =
              new Reason(
                  "QUOTA_FILLED",
                  "총점 순위 " + rank + "위; 정원 " + quota + "개가 찼습니다",
                  "ranked " + rank + " by total; the quota of " + quota + " is filled");
          if (l.total() == cutTotal) {
            notes.add(
                new Reason(
                    "TIE_BROKEN_BY_ID",
                    l.application() + "의 총점이 마지막 선정 총점 " + fmt(cutTotal) + "과 같아 신청 id 순으로 정했습니다",
                    l.application()
                        + " ties the last selected total "
                        + fmt(cutTotal)
                        + "; the tie is broken by application id"));
          }
        } else {
          selected.add(l.application());
          cutTotal = l.total();
        }
      }
      out.add(
          new RoundResult.Line(
              l.application(),
              l.consortium(),
              l.means(),
              l.total(),
              l.approvals(),
              l.reviewers(),
              rank,
              outcome,
              reason));
    }
    if (selected.isEmpty()) {
      notes.add(
          new Reason(
              "NO_AWARD",
              "선정 없음: 라운드 규칙을 충족한 후보가 없어 아무도 선정하지 않습니다",
              "no award: no candidate met the round's rule, and none is selected"));
    }
    if (quota != null && selected.size() < quota && !selected.isEmpty()) {
      notes.add(
          new Reason(
              "QUOTA_NOT_MET",
              "정원 " + quota + "개 중 " + selected.size() + "개만 모든 기준을 충족했습니다",
              "only " + selected.size() + " of a quota of " + quota + " met every threshold"));
    }
    return new RoundResult(
        round.id(),
        round.kind(),
        round.rule().describe(),
        candidates.size(),
        out,
        selected,
        selected.isEmpty(),
        notes);
  }

  private static RoundResult.Line line(Round round, Application a, List<Score> sheets) {
    Map<String, Double> means = new LinkedHashMap<>();
    double total = 0;
    List<String> belowKo = new ArrayList<>();
    List<String> below = new ArrayList<>();
    for (Criterion c : round.criteria()) {
      double mean =
          round6(sheets.stream().mapToDouble(s -> s.items().get(c.id())).average().orElse(0));
      means.put(c.id(), mean);
      total += c.weight() * mean / c.maxScore();
      if (mean < c.threshold()) {
        belowKo.add(c.id() + " 평균 " + fmt(mean) + " < 기준 " + fmt(c.threshold()));
        below.add(c.id() + " mean " + fmt(mean) + " < threshold " + fmt(c.threshold()));
      }
    }
    total = round6(total);
    if (total < round.overallThreshold()) {
      belowKo.add("총점 " + fmt(total) + " < 전체 기준 " + fmt(round.overallThreshold()));
      below.add("total " + fmt(total) + " < overall threshold " + fmt(round.overallThreshold()));
    }
    int approvals = (int) sheets.stream().filter(s -> Boolean.TRUE.equals(s.approve())).count();
    RoundResult.Outcome outcome = RoundResult.Outcome.SELECTED;
    Reason reason =
        new Reason(
            "MEETS_THRESHOLDS",
            "모든 기준 충족 (총점 " + fmt(total) + ")",
            "meets every threshold (total " + fmt(total) + ")");
    Reason approve =
        new Reason(
            "APPROVALS",
            "평가위원 " + sheets.size() + "명 중 " + approvals + "명 찬성",
            approvals + " of " + sheets.size() + " reviewers approve");
    if (!below.isEmpty()) {
      outcome = RoundResult.Outcome.BELOW_THRESHOLD;
      reason = new Reason("BELOW_THRESHOLD", String.join("; ", belowKo), String.join("; ", below));
    } else if (round.rule().majority() && approvals * 2 <= sheets.size()) {
      outcome = RoundResult.Outcome.NO_MAJORITY;
      reason =
          new Reason("NO_MAJORITY", approve.text())
              .then(new Reason("NO_MAJORITY", "과반이 필요합니다", "a majority is needed"));
    } else if (round.rule().majority()) {
      reason = new Reason("MAJORITY_APPROVES", approve.text()).then(reason);
    }
    return new RoundResult.Line(
        a.id(), a.consortium(), means, total, approvals, sheets.size(), 0, outcome, reason);
  }

  private static Map<String, List<Score>> sheets(
      Round round, List<Application> candidates, Assignment assignment, List<Score> scores) {
    if (!assignment.round().equals(round.id())) {
      throw UserError.of(
          "배정은 라운드 " + round.id() + "가 아니라 " + assignment.round() + "의 것입니다",
          "assignment is for round " + assignment.round() + ", not " + round.id());
    }
    Map<String, List<Score>> byApp = new HashMap<>();
    candidates.forEach(a -> byApp.put(a.id(), new ArrayList<>()));
    Set<String> seen = new HashSet<>();
    for (Score s : scores) {
      String where = "score " + s.reviewer() + "/" + s.application();
      if (!s.round().equals(round.id())) {
        throw UserError.of(
            where + ": 라운드가 " + round.id() + "여야 하는데 " + s.round() + "입니다",
            where + ": round is " + s.round() + ", expected " + round.id());
      }
      if (!byApp.containsKey(s.application())) {
        throw UserError.of(
            where + ": 이 신청은 라운드 " + round.id() + "의 후보가 아닙니다",
            where + ": application is not a candidate of round " + round.id());
      }
      if (!assignment.assigned(s.reviewer(), s.application())) {
        throw UserError.of(
            where + ": 이 평가위원은 이 신청에 배정되지 않았습니다",
            where + ": reviewer is not assigned to this application");
      }
      if (!seen.add(s.reviewer() + "/" + s.application())) {
        throw UserError.of(
            where + ": 같은 평가위원과 신청에 대한 두 번째 평가표입니다",
            where + ": a second sheet for the same reviewer and application");
      }
      checkSheet(round, s);
      byApp.get(s.application()).add(s);
    }
    List<String> missing = new ArrayList<>();
    assignment
        .reviewersOf()
        .forEach((app, rs) ->
            rs.forEach(r -> {
              if (!seen.contains(r + "/" + app)) {
                missing.add(r + "/" + app);
              }
            }));
    if (!missing.isEmpty()) {
      throw UserError.of(
          "round "
              + round.id()
              + ": 배정된 평가표 "
              + missing.size()
              + "장이 없습니다. 예: "
              + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
              + ". 점수가 다 모이지 않으면 아무것도 결정하지 않습니다",
          "round "
              + round.id()
              + ": "
              + missing.size()
              + " assigned sheet(s) missing, e.g. "
              + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
              + "; nothing is decided on incomplete scores");
    }
    for (Application a : candidates) {
      if (assignment.reviewersOf().getOrDefault(a.id(), List.of()).isEmpty()) {
        throw UserError.of(
            "round " + round.id() + ": 신청 " + a.id() + "에 평가위원이 없습니다",
            "round " + round.id() + ": application " + a.id() + " has no reviewers");
      }
    }
    return byApp;
  }

  /**
   * One sheet's own content against its round: exactly the round's criteria, each within 0 and its
   * maximum, and an approval where the round is decided by majority. Checked when a sheet is sent
   * as well as at the decision, so a sheet the decision would refuse is never stored.
   */
  static void checkSheet(Round round, Score s) {
    String where = "score " + s.reviewer() + "/" + s.application();
    Set<String> criteria = new HashSet<>();
    round.criteria().forEach(c -> criteria.add(c.id()));
    if (!s.items().keySet().equals(criteria)) {
      throw UserError.of(
          where + ": items는 정확히 다음 항목을 채점해야 합니다: " + new java.util.TreeSet<>(criteria),
          where + ": items must score exactly " + new java.util.TreeSet<>(criteria));
    }
    for (Criterion c : round.criteria()) {
      Double v = s.items().get(c.id());
      if (v == null || v < 0 || v > c.maxScore()) {
        throw UserError.of(
            where + ": items." + c.id() + "은(는) 0-" + fmt(c.maxScore()) + " 사이여야 합니다",
            where + ": items." + c.id() + " must be 0-" + fmt(c.maxScore()));
      }
    }
    if (round.rule().majority() && s.approve() == null) {
      throw UserError.of(
          where + ": 과반수 라운드에서는 approve(true/false)가 필요합니다",
          where + ": approve (true/false) is required in a majority round");
    }
  }

  static double round6(double x) {
    return Math.round(x * 1e6) / 1e6;
  }

  static String fmt(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
