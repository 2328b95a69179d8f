package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.Verification;
import tools.jackson.databind.JsonNode;

/**
 * The public entry for stage evaluation: score and decide a stage from a programme and its
 * evidence, record the inputs and the decision in the ledger, recompute a recorded decision from
 * the ledger alone, and show what-if variations.
 */
public final class Stages {

  public static final String PROGRAMME = "programme";
  public static final String EVIDENCE = "evidence";
  public static final String DECISION = "decision";

  private Stages() {}

  /** Scores and decides without recording anything. Incomplete evidence is a {@link UserError}. */
  public static StageResult evaluate(Program program, int stage, List<Evidence> evidence) {
    return StageEvaluator.evaluate(program, stage, evidence);
  }

  /**
   * Decides the stage, then appends the programme, every evidence record and the decision to the
   * ledger in one atomic batch. Nothing is appended when the evidence is rejected.
   */
  public static StageResult run(
      Program program, int stage, List<Evidence> evidence, Ledger ledger) {
    return run(
        program,
        stage,
        evidence.stream().map(e -> new Input(e, Map.<String, Object>of())).toList(),
        ledger,
        Map.of());
  }

  /** A record with where it came from (source ids, content hash), as the ledger keeps it. */
  public record Input(Evidence evidence, Map<String, Object> provenance) {
    public Input {
      provenance = Map.copyOf(provenance);
    }
  }

  /**
   * Decides the stage and appends the programme, every record with its provenance and the decision
   * with {@code decisionExtras} (e.g. who decided, the decision it supersedes and why). Replay
   * reads only the records, so provenance never changes a recomputed result.
   */
  public static StageResult run(
      Program program,
      int stage,
      List<Input> inputs,
      Ledger ledger,
      Map<String, Object> decisionExtras) {
    List<Evidence> evidence = inputs.stream().map(Input::evidence).toList();
    StageResult result = evaluate(program, stage, evidence);
    Map<String, Object> prog = new LinkedHashMap<>();
    prog.put("name", program.name());
    prog.put("version", program.version());
    prog.put("sha256", program.sourceSha256());
    prog.put("source", program.source());
    // One atomic batch: a run killed midway leaves either nothing or the complete run.
    ledger.appendAll(run -> {
      List<Ledger.Draft> drafts = new ArrayList<>();
      drafts.add(new Ledger.Draft(PROGRAMME, prog));
      for (Input in : inputs) {
        if (in.evidence().stage() == stage) {
          Map<String, Object> payload = new LinkedHashMap<>();
          payload.put("run", run);
          payload.put("record", EvidenceCodec.toMap(in.evidence()));
          if (!in.provenance().isEmpty()) {
            payload.put("provenance", in.provenance());
          }
          drafts.add(new Ledger.Draft(EVIDENCE, payload));
        }
      }
      Map<String, Object> decision = new LinkedHashMap<>(decisionExtras);
      decision.put("run", run);
      decision.put("stage", stage);
      decision.put("result", result);
      drafts.add(new Ledger.Draft(DECISION, decision));
      return drafts;
    });
    return result;
  }

  /** A decision recomputed from the ledger and compared with the one recorded there. */
  public record Replay(
      Verification chain,
      long decisionSeq,
      boolean matches,
      StageResult recomputed,
      List<Evidence> evidence,
      Program program) {}

  /** Recomputes the latest recorded decision for a stage from the ledger's own entries. */
  public static Replay replay(Ledger ledger, int stage) {
    List<LedgerEntry> entries = ledger.entries();
    Verification chain = Ledger.verify(entries, null);
    if (!chain.intact()) {
      throw UserError.of(
          "손상된 원장으로는 재현할 수 없습니다: " + chain.describe() + " (자세한 내용은 'gukdae audit verify'로 확인하세요)",
          "cannot replay from a broken ledger: "
              + chain.describe()
              + " (run 'gukdae audit verify' for details)");
    }
    LedgerEntry decision = null;
    for (LedgerEntry e : entries) {
      if (e.kind().equals(DECISION)
          && CanonicalJson.parse(e.payload()).path("stage").asInt() == stage) {
        decision = e;
      }
    }
    if (decision == null) {
      throw UserError.of(
          "원장에 단계 "
              + stage
              + "의 결정이 없습니다. 먼저 'gukdae stage run --program FILE --evidence FILE'을"
              + " 실행하세요",
          "the ledger holds no decision for stage "
              + stage
              + "; run 'gukdae stage run --program FILE --evidence FILE' first");
    }
    JsonNode recorded = CanonicalJson.parse(decision.payload());
    long run = recorded.path("run").asLong();
    LedgerEntry programmeEntry = entries.get((int) run - 1);
    Program program =
        ProgramLoader.parse(
            CanonicalJson.parse(programmeEntry.payload()).path("source").asString(),
            "ledger seq " + run);
    Problems problems = new Problems(new Bilingual("원장", "ledger"));
    Nodes n = new Nodes(problems);
    List<Evidence> evidence = new ArrayList<>();
    for (LedgerEntry e : entries) {
      JsonNode payload = CanonicalJson.parse(e.payload());
      if (e.kind().equals(EVIDENCE) && payload.path("run").asLong() == run) {
        Evidence ev = EvidenceCodec.fromNode(payload.path("record"), "seq " + e.seq(), n, problems);
        if (ev != null) {
          evidence.add(ev);
        }
      }
    }
    problems.throwIfAny();
    StageResult again = evaluate(program, stage, evidence);
    boolean same = CanonicalJson.of(again).equals(CanonicalJson.of(recorded.path("result")));
    return new Replay(chain, decision.seq(), same, again, evidence, program);
  }

  /** The decision recorded in a {@link #DECISION} ledger entry. */
  public static StageResult decisionOf(LedgerEntry entry) {
    if (!entry.kind().equals(DECISION)) {
      // every caller picks DECISION entries first
      throw new IllegalArgumentException("bug: ledger seq " + entry.seq() + " is not a decision");
    }
    return CanonicalJson.read(
        CanonicalJson.parse(entry.payload()).path("result"), StageResult.class);
  }

  /** The decision with one component's points changed (e.g. expert review 35 → 25). */
  public static WhatIf whatIf(
      Program program, int stage, List<Evidence> evidence, String componentId, double points) {
    Component c =
        program
            .scheme()
            .component(componentId)
            .orElseThrow(() ->
                UserError.of(
                    "what-if: '" + componentId + "'은(는) 평가 체계의 구성 요소가 아닙니다",
                    "what-if: '" + componentId + "' is not a component of the scheme"));
    StageResult base = evaluate(program, stage, evidence);
    StageResult changed =
        evaluate(
            program.withScheme(program.scheme().withPoints(componentId, points)), stage, evidence);
    return WhatIf.compare(componentId, c.points(), points, base, changed);
  }
}
