package kr.gukdae.stage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.gukdae.review.Panel;
import kr.gukdae.review.Reviewer;
import tools.jackson.databind.JsonNode;

/** Consistency rules that span sections of a programme; each adds one named problem. */
final class ProgramChecks {

  private ProgramChecks() {}

  static void check(Program p, JsonNode root, Problems problems) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.teams().size(); i++) {
      Team t = p.teams().get(i);
      if (!ids.add(t.id())) {
        problems.add(
            "teams[" + i + "].id",
            "'" + t.id() + "'이(가) 두 번 쓰였습니다 (ID는 한 번만)",
            "'" + t.id() + "' is used twice");
      }
      if (t.leads().isEmpty()) {
        problems.add(
            "teams[" + i + "].members",
            "role이 LEAD인 구성원이 없습니다 (주관 기관 하나에 LEAD를 주세요)",
            "no member has role LEAD");
      }
    }
    Scheme s = p.scheme();
    Set<String> componentIds = new HashSet<>();
    for (Component c : s.components()) {
      if (!componentIds.add(c.id())) {
        problems.add(
            "scheme.components",
            "ID '" + c.id() + "'이(가) 두 번 쓰였습니다",
            "id '" + c.id() + "' is used twice");
      }
      if (c.kind().isBenchmark() && c.benchmarks().isEmpty()) {
        problems.add(
            "scheme.components." + c.id() + ".benchmarks", "벤치마크가 하나도 없습니다", "lists no benchmarks");
      }
      if (c.kind() == ComponentKind.EXPERT_REVIEW && p.panel() == null) {
        problems.add(
            "panel",
            "배점표에 전문가 평가 항목이 있는데 평가 기준(rubric)이 있는 panel이 없습니다",
            "scheme has an expert-review component but no panel with a rubric");
      }
    }
    for (String tb : s.tieBreak()) {
      if (!componentIds.contains(tb)) {
        problems.add(
            "scheme.tieBreak",
            "'" + tb + "'은(는) 항목 ID가 아닙니다",
            "'" + tb + "' is not a component id");
      }
    }
    stages(p, problems);
    conflicts(p, root, problems);
  }

  private static void stages(Program p, Problems problems) {
    int previousSurvivors = -1;
    for (int i = 0; i < p.stages().size(); i++) {
      StageDef st = p.stages().get(i);
      String path = "stages[" + i + "]";
      if (st.number() != i + 1) {
        problems.add(
            path + ".number",
            "단계는 1, 2, 3 순서로 번호를 매겨야 합니다",
            "stages must be numbered 1, 2, 3 in order");
      }
      if (st.evaluationDate().isBefore(st.start())
          && !st.evaluationDate().equals(java.time.LocalDate.EPOCH)) {
        problems.add(path + ".evaluationDate", "단계 시작일보다 앞섭니다", "is before the stage's start");
      }
      long joined = p.teams().stream().filter(t -> t.joinedStage() == st.number()).count();
      long competing = previousSurvivors < 0 ? joined : previousSurvivors + joined;
      if (st.plannedSurvivors() < 1 || st.plannedSurvivors() > competing) {
        problems.add(
            path + ".plannedSurvivors",
            "진출 예정 "
                + st.plannedSurvivors()
                + "팀을 요청했지만 "
                + st.number()
                + "단계 참가 팀은 "
                + competing
                + "팀입니다",
            st.plannedSurvivors()
                + " survivors asked for but "
                + competing
                + " team(s) compete in stage "
                + st.number());
      }
      for (String added : st.addedAfter()) {
        boolean ok = p.team(added).map(t -> t.joinedStage() == st.number() + 1).orElse(false);
        if (!ok) {
          problems.add(
              path + ".addedAfter",
              "'" + added + "'은(는) joinedStage가 " + (st.number() + 1) + "인 팀이어야 합니다",
              "'" + added + "' must be a team with joinedStage " + (st.number() + 1));
        }
      }
      previousSurvivors = st.plannedSurvivors();
      if (!st.evaluationDate().equals(java.time.LocalDate.EPOCH)) { // EPOCH: date already invalid
        references(p, st, path, problems);
      }
    }
  }

  private static void references(Program p, StageDef st, String path, Problems problems) {
    MovingTarget target =
        new MovingTarget(p.references(), st.evaluationDate(), st.referenceWindowMonths());
    for (Component c : p.scheme().components()) {
      if (c.kind() == ComponentKind.TARGET_COMPARISON) {
        for (Team t : p.teamsIn(st.number())) {
          for (String b : c.benchmarks()) {
            if (target.target(t.targetModel(), b).isEmpty()) {
              problems.add(
                  "teams." + t.id() + ".targetModel",
                  "references에 목표 모델 '" + t.targetModel() + "'의 '" + b + "' 점수가 없습니다",
                  "references have no '"
                      + b
                      + "' score for target model '"
                      + t.targetModel()
                      + "'");
            }
          }
        }
      } else if (c.kind().isBenchmark()) {
        for (String b : c.benchmarks()) {
          if (target.reference(b).isEmpty()) {
            problems.add(
                path + " (" + c.id() + ")",
                st.evaluationDate()
                    + " 이전 "
                    + st.referenceWindowMonths()
                    + "개월 안에 공개된 참조 모델 중 '"
                    + b
                    + "' 점수가 있는 모델이 없습니다",
                "no reference model released in the "
                    + st.referenceWindowMonths()
                    + " months before "
                    + st.evaluationDate()
                    + " has a score for '"
                    + b
                    + "'");
          }
        }
      }
    }
  }

  /** Explicit assignments must avoid conflicts; every team must keep enough eligible reviewers. */
  private static void conflicts(Program p, JsonNode root, Problems problems) {
    Panel panel = p.panel();
    if (panel == null) {
      return;
    }
    root.path("panel")
        .path("assignments")
        .properties()
        .forEach(e -> {
          var team = p.team(e.getKey());
          if (team.isEmpty()) {
            problems.add("panel.assignments." + e.getKey(), "팀 ID가 아닙니다", "is not a team id");
            return;
          }
          e.getValue()
              .forEach(r -> {
                String rid = r.asString();
                var reviewer = panel.reviewer(rid);
                if (reviewer.isEmpty()) {
                  problems.add(
                      "panel.assignments." + e.getKey(),
                      "'" + rid + "'은(는) 평가위원이 아닙니다",
                      "'" + rid + "' is not a reviewer");
                } else if (reviewer.get().conflictsWith(team.get().organisations())) {
                  problems.add(
                      "panel.assignments." + e.getKey(),
                      "평가위원 '"
                          + rid
                          + "'은(는) 팀 '"
                          + e.getKey()
                          + "'의 구성원과 소속을 신고했습니다 (이해 충돌; 다른 위원을 배정하세요)",
                      "reviewer '"
                          + rid
                          + "' declared an affiliation with a member of team '"
                          + e.getKey()
                          + "' (conflict of interest; assign someone else)");
                }
              });
        });
    for (Team t : p.teams()) {
      List<String> eligible = panel.eligibleFor(t.organisations());
      if (eligible.size() < panel.aggregation().minimumScores()) {
        problems.add(
            "panel.reviewers",
            "팀 '"
                + t.id()
                + "'과(와) 이해 충돌이 없는 평가위원이 "
                + eligible.size()
                + "명뿐입니다; "
                + panel.aggregation()
                + "에는 "
                + panel.aggregation().minimumScores()
                + "명이 필요합니다",
            "only "
                + eligible.size()
                + " reviewer(s) without a conflict for team '"
                + t.id()
                + "'; "
                + panel.aggregation()
                + " needs "
                + panel.aggregation().minimumScores());
      }
    }
    Set<String> reviewerIds = new HashSet<>();
    for (Reviewer r : panel.reviewers()) {
      if (!reviewerIds.add(r.id())) {
        problems.add(
            "panel.reviewers",
            "ID '" + r.id() + "'이(가) 두 번 쓰였습니다",
            "id '" + r.id() + "' is used twice");
      }
    }
  }
}
