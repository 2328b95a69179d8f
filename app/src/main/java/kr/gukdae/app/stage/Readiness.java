package kr.gukdae.app.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.gukdae.Bilingual;
import kr.gukdae.stage.Component;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;

/**
 * Which evidence a stage decision needs and which is there: per team and component (and the
 * originality gate), PRESENT, MISSING, STALE (measured outside the window, another window, edited,
 * or only superseded records left) or PARTIAL (fewer review sheets than the aggregation needs).
 */
record Readiness(int stage, boolean complete, List<TeamStatus> teams) {

  enum State {
    PRESENT,
    PARTIAL,
    STALE,
    MISSING
  }

  /** One row: what is needed, its state, the record ids behind it, and what to do. */
  record Item(String component, State state, Bilingual detail, List<Long> evidence) {}

  record TeamStatus(String team, String name, @Nullable String model, List<Item> items) {}

  static Readiness of(Program p, int stage, List<StageEvidence> all) {
    List<TeamStatus> teams = new ArrayList<>();
    boolean complete = true;
    for (Team t : p.teamsIn(stage)) {
      List<StageEvidence> mine = all.stream().filter(e -> e.team().equals(t.id())).toList();
      List<Item> items = new ArrayList<>();
      for (Component c : p.scheme().components()) {
        switch (c.kind()) {
          case KOREAN_BENCHMARKS, GLOBAL_BENCHMARKS, TARGET_COMPARISON -> {
            for (EvaluationPlan.Slot s : EvaluationPlan.slots(p)) {
              if (c.benchmarks().contains(s.benchmark()) && group(c).equals(s.group())) {
                items.add(
                    single(
                        c.id() + "/" + s.benchmark(),
                        mine,
                        "benchmark",
                        s.group() + "/" + s.benchmark(),
                        new Bilingual(
                            FeatureEvidence.model(t, stage) + "에 해당 과제를 실행하세요",
                            "run the mapped task on " + FeatureEvidence.model(t, stage))));
              }
            }
          }
          case EXPERT_REVIEW -> items.add(review(c, p, mine));
          case USER_EVALUATION ->
              items.add(
                  single(
                      c.id(),
                      mine,
                      "user-evaluation",
                      "-",
                      new Bilingual("단계 기간 안의 아레나 투표", "arena votes in the stage window")));
          case DERIVATIVES ->
              items.add(
                  single(
                      c.id(),
                      mine,
                      "derivatives",
                      "-",
                      new Bilingual(
                          "단계 기간의 파생 모델 수를 세세요", "count derivatives for the stage window")));
        }
      }
      if (p.scheme().originalityGate()) {
        items.add(
            single(
                "originality-gate",
                mine,
                "originality",
                "-",
                new Bilingual(
                    "제출된 가중치에 gukdae originality를 실행하세요",
                    "run gukdae originality on the submitted weights")));
      }
      complete &= items.stream().allMatch(i -> i.state() == State.PRESENT);
      teams.add(new TeamStatus(t.id(), t.name(), FeatureEvidence.model(t, stage), items));
    }
    return new Readiness(stage, complete, teams);
  }

  private static Evidence.Group group(Component c) {
    return switch (c.kind()) {
      case KOREAN_BENCHMARKS -> Evidence.Group.KOREAN;
      case TARGET_COMPARISON -> Evidence.Group.TARGET;
      default -> Evidence.Group.GLOBAL;
    };
  }

  private static Item single(
      String component, List<StageEvidence> mine, String kind, String slot, Bilingual todo) {
    List<StageEvidence> slotted =
        mine.stream().filter(e -> e.kind().equals(kind) && e.slot().equals(slot)).toList();
    List<StageEvidence> counting = slotted.stream().filter(StageEvidence::counts).toList();
    if (!counting.isEmpty()) {
      StageEvidence e = counting.getLast();
      return new Item(
          component,
          State.PRESENT,
          new Bilingual(
              e.sourceKind() + " " + e.sourceId() + (e.imported() ? " (가져옴)" : ""),
              e.sourceKind() + " " + e.sourceId() + (e.imported() ? " (imported)" : "")),
          List.of(e.id()));
    }
    var current = slotted.stream().filter(e -> e.supersededBy() == null).toList();
    if (!current.isEmpty()) {
      StageEvidence e = current.getLast();
      // current but not counting: only a stale reason keeps it from counting
      String why = Objects.requireNonNull(e.stale(), "current evidence that does not count");
      return new Item(component, State.STALE, StaleReasons.read(why), List.of(e.id()));
    }
    return new Item(component, State.MISSING, todo, List.of());
  }

  private static Item review(Component c, Program p, List<StageEvidence> mine) {
    List<StageEvidence> sheets =
        mine.stream().filter(e -> e.kind().equals("review") && e.counts()).toList();
    int needed = p.panel() == null ? 1 : p.panel().aggregation().minimumScores();
    List<Long> ids = sheets.stream().map(StageEvidence::id).toList();
    if (sheets.size() >= needed) {
      return new Item(
          c.id(),
          State.PRESENT,
          new Bilingual("평가표 " + sheets.size() + "장 제출됨", sheets.size() + " submitted sheet(s)"),
          ids);
    }
    return new Item(
        c.id(),
        sheets.isEmpty() ? State.MISSING : State.PARTIAL,
        new Bilingual(
            "평가표 최소 " + needed + "장 중 " + sheets.size() + "장 제출됨",
            sheets.size() + " of at least " + needed + " sheets submitted"),
        ids);
  }
}
