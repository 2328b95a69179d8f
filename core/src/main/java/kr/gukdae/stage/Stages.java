package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * ledger. Nothing is appended when the evidence is rejected.
   */
  public static StageResult run(
      Program program, int stage, List<Evidence> evidence, Ledger ledger) {
    StageResult result = evaluate(program, stage, evidence);
    Map<String, Object> prog = new LinkedHashMap<>();
    prog.put("name", program.name());
    prog.put("version", program.version());
    prog.put("sha256", program.sourceSha256());
    prog.put("source", program.source());
    long run = ledger.append(PROGRAMME, prog).seq();
    for (Evidence e : evidence) {
      if (e.stage() == stage) {
        ledger.append(EVIDENCE, Map.of("run", run, "record", EvidenceCodec.toMap(e)));
      }
    }
    ledger.append(DECISION, Map.of("run", run, "stage", stage, "result", result));
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
      throw new UserError(
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
      throw new UserError(
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
    Problems problems = new Problems("ledger");
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
      throw new IllegalArgumentException("ledger seq " + entry.seq() + " is not a decision");
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
                new UserError("what-if: '" + componentId + "' is not a component of the scheme"));
    StageResult base = evaluate(program, stage, evidence);
    StageResult changed =
        evaluate(
            program.withScheme(program.scheme().withPoints(componentId, points)), stage, evidence);
    return WhatIf.compare(componentId, c.points(), points, base, changed);
  }
}
