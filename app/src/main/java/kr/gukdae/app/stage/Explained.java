package kr.gukdae.app.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.gukdae.Bilingual;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.stage.Component;
import kr.gukdae.stage.ComponentKind;
import kr.gukdae.stage.Explanation;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A recorded decision with its explanation per team and, for every component, links to the evidence
 * rows that produced the number and to the feature output behind each. The decision's recorded
 * sentences (tie-break rule, points function, notes) come in Korean and English for the reader.
 */
record Explained(
    long seq,
    int stage,
    boolean authoritative,
    @Nullable Long supersedesSeq,
    @Nullable String reason,
    @Nullable Double cutLine,
    Bilingual tieBreakRule,
    Bilingual pointsFunction,
    List<Bilingual> notes,
    List<TeamView> teams) {

  /** {@code trail}: the evidence row, its source and what that was computed from, in order. */
  record Source(
      long evidence,
      String evidenceLink,
      @Nullable String sourceLink,
      String kind,
      List<Links.Link> trail) {}

  /**
   * One component's line, its sources, and its benchmark ratios (each with the clean-subset audit
   * of its result when one was made).
   */
  record ComponentView(
      Explanation.Line line, List<Source> sources, List<StageResult.Ratio> ratios) {}

  record TeamView(Explanation explanation, List<ComponentView> components, List<Source> gate) {}

  static Explained of(
      LedgerEntry decision,
      List<LedgerEntry> entries,
      Program program,
      boolean authoritative,
      @Nullable Long supersedesSeq,
      @Nullable String reason,
      java.util.function.LongFunction<Optional<StageEvidence>> rows) {
    StageResult result = Stages.decisionOf(decision);
    long run = CanonicalJson.parse(decision.payload()).path("run").asLong();
    List<JsonNode> records = new ArrayList<>();
    for (LedgerEntry e : entries) {
      if (e.kind().equals(Stages.EVIDENCE)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("run").asLong() == run) {
          records.add(p);
        }
      }
    }
    boolean refill = program.stage(result.stage()).refillGateFailures();
    List<TeamView> teams = new ArrayList<>();
    for (Explanation x : Explanation.of(result, refill)) {
      List<ComponentView> components = new ArrayList<>();
      for (Explanation.Line line : x.components()) {
        Component c = program.scheme().component(line.id()).orElseThrow();
        List<StageResult.Ratio> ratios =
            result.team(x.team()).stream()
                .flatMap(t -> t.components().stream())
                .filter(cs -> cs.id().equals(line.id()))
                .flatMap(cs -> cs.ratios().stream())
                .toList();
        components.add(
            new ComponentView(line, sources(records, x.team(), r -> feeds(c, r), rows), ratios));
      }
      List<Source> gate =
          sources(records, x.team(), r -> r.path("type").asString().equals("originality"), rows);
      teams.add(new TeamView(x, components, gate));
    }
    return new Explained(
        decision.seq(),
        result.stage(),
        authoritative,
        supersedesSeq,
        reason,
        Explanation.cutLine(result),
        result.tieBreakText(),
        result.pointsFunctionText(),
        result.notesText(),
        teams);
  }

  /** Whether a ledger record is an input of this component. */
  private static boolean feeds(Component c, JsonNode r) {
    String type = r.path("type").asString();
    return switch (c.kind()) {
      case KOREAN_BENCHMARKS, GLOBAL_BENCHMARKS, TARGET_COMPARISON ->
          type.equals("benchmark")
              && r.path("group").asString().equals(group(c.kind()))
              && c.benchmarks().contains(r.path("benchmark").asString());
      case EXPERT_REVIEW -> type.equals("review");
      case USER_EVALUATION -> type.equals("user-evaluation");
      case DERIVATIVES -> type.equals("derivatives");
    };
  }

  private static String group(ComponentKind k) {
    return switch (k) {
      case KOREAN_BENCHMARKS -> "KOREAN";
      case TARGET_COMPARISON -> "TARGET";
      default -> "GLOBAL";
    };
  }

  private static List<Source> sources(
      List<JsonNode> records,
      String team,
      java.util.function.Predicate<JsonNode> wanted,
      java.util.function.LongFunction<Optional<StageEvidence>> rows) {
    List<Source> out = new ArrayList<>();
    for (JsonNode p : records) {
      JsonNode r = p.path("record");
      if (!r.path("team").asString().equals(team) || !wanted.test(r)) {
        continue;
      }
      long id = p.path("provenance").path("evidence").asLong(0);
      if (id == 0) {
        continue; // a decision from files: its records have no evidence rows to link
      }
      Optional<StageEvidence> row = rows.apply(id);
      out.add(
          new Source(
              id,
              Links.evidence(id),
              row.map(Links::source).orElse(null),
              row.map(StageEvidence::sourceKind).orElse("?"),
              row.map(Links::trail).orElse(List.of())));
    }
    return out;
  }
}
