package kr.gukdae.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.Verification;
import kr.gukdae.review.Reviewer;
import tools.jackson.databind.JsonNode;

/**
 * The public entry for selection funnels: assign reviewers without conflicts of interest, decide a
 * round from its score sheets, record inputs and decision in the ledger, recompute a recorded
 * decision from the ledger alone, and show what-if variations.
 */
public final class Selection {

  public static final String INPUT = "selection.input";
  public static final String DECISION = "selection.decision";
  public static final String ASSIGNMENT = "selection.assignment";

  private Selection() {}

  /** Everything a round's decision depends on. */
  public record Input(
      String funnel,
      Round round,
      List<Reviewer> panel,
      List<Application> candidates,
      Assignment assignment,
      List<Score> scores) {

    public Input {
      panel = List.copyOf(panel);
      candidates = List.copyOf(candidates);
      scores = List.copyOf(scores);
    }
  }

  /** Balanced, conflict-free assignment of the round's panel to the candidates. */
  public static Assignment assign(Funnel funnel, Round round, List<Application> candidates) {
    checkQuota(round, candidates.size());
    return Assigner.assign(round, funnel.panel(round), candidates);
  }

  // Checked before reviewers are assigned as well as at the decision, so nobody scores in vain.
  private static void checkQuota(Round round, int candidates) {
    Integer quota = round.rule().quota();
    if (quota != null && quota > candidates && !round.rule().majority()) {
      throw UserError.of(
          "round "
              + round.id()
              + ": rule.quota "
              + quota
              + "이(가) 후보 수 "
              + candidates
              + "보다 큽니다. 정원을 줄이세요",
          "round "
              + round.id()
              + ": rule.quota "
              + quota
              + " is larger than the "
              + candidates
              + " candidates; lower the quota");
    }
  }

  /** Records a round's assignment so score sheets can be checked against it; once per round. */
  public static void recordAssignment(Ledger ledger, String funnel, Assignment assignment) {
    // Checked again under the ledger's writer lock: two servers assigning at once record one.
    ledger.appendAll(first -> {
      if (recordedAssignment(ledger, funnel, assignment.round()) != null) {
        throw UserError.of(
            funnel + "의 라운드 " + assignment.round() + "에는 이미 기록된 배정이 있습니다. 아무것도 추가하지 않았습니다",
            "round "
                + assignment.round()
                + " of "
                + funnel
                + " already has a recorded assignment; nothing was appended");
      }
      return List.of(
          new Ledger.Draft(ASSIGNMENT, Map.of("funnel", funnel, "assignment", assignment)));
    });
  }

  /** The assignment recorded for a round, or null. */
  public static @org.jspecify.annotations.Nullable Assignment recordedAssignment(
      Ledger ledger, String funnel, String round) {
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(ASSIGNMENT)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("funnel").asString().equals(funnel)
            && p.path("assignment").path("round").asString().equals(round)) {
          return CanonicalJson.read(p.path("assignment"), Assignment.class);
        }
      }
    }
    return null;
  }

  /**
   * Refuses a sheet whose content the round's decision would refuse (criteria, ranges, approval);
   * callers storing sheets check it first, so no stored sheet blocks the decision.
   */
  public static void checkSheet(Round round, Score sheet) {
    Decider.checkSheet(round, sheet);
  }

  /** Decides without recording; a conflicted or unknown reviewer in the assignment is refused. */
  public static RoundResult decide(Input in) {
    checkQuota(in.round(), in.candidates().size());
    Map<String, Reviewer> panel = new LinkedHashMap<>();
    in.panel().forEach(r -> panel.put(r.id(), r));
    for (Application a : in.candidates()) {
      for (String r : in.assignment().reviewersOf().getOrDefault(a.id(), List.of())) {
        Reviewer reviewer = panel.get(r);
        if (reviewer == null || !in.round().panel().contains(r)) {
          throw UserError.of(
              "assignment: " + r + "은(는) 라운드 " + in.round().id() + "의 평가위원단에 없습니다",
              "assignment: " + r + " is not on the panel of round " + in.round().id());
        }
        if (reviewer.conflictsWith(a.interestedOrganisations())) {
          throw UserError.of(
              "assignment: " + r + "은(는) " + a.id() + "의 참여 기관이나 공급자와 관계가 있다고 신고했습니다(이해충돌)",
              "assignment: "
                  + r
                  + " declared an affiliation with a member or supplier of "
                  + a.id()
                  + " (conflict of interest)");
        }
      }
    }
    return Decider.decide(in.round(), in.candidates(), in.assignment(), in.scores());
  }

  /** Decides and appends the input and then the decision to the ledger. */
  public static RoundResult run(Input in, Ledger ledger) {
    RoundResult result = decide(in);
    // One batch, the "already decided?" check repeated under the ledger's writer lock: of two
    // servers deciding the same round at once, one records it and the other appends nothing.
    ledger.appendAll(input -> {
      if (decided(ledger, in.funnel(), in.round().id())) {
        throw UserError.of(
            in.funnel() + "의 라운드 " + in.round().id() + "은(는) 방금 다른 프로세스가 결정했습니다. 아무것도 추가하지 않았습니다",
            "round "
                + in.round().id()
                + " of "
                + in.funnel()
                + " was decided by another process just now; nothing was appended");
      }
      return List.of(
          new Ledger.Draft(INPUT, in),
          new Ledger.Draft(
              DECISION,
              Map.of(
                  "input",
                  input,
                  "funnel",
                  in.funnel(),
                  "round",
                  in.round().id(),
                  "result",
                  result)));
    });
    return result;
  }

  /** A recorded round decision recomputed from the ledger and compared byte for byte. */
  public record Replay(
      Verification chain, long decisionSeq, boolean matches, RoundResult recomputed, Input input) {}

  public static Replay replay(Ledger ledger, String funnel, String round) {
    List<LedgerEntry> entries = ledger.entries();
    Verification chain = Ledger.verify(entries, null);
    if (!chain.intact()) {
      throw UserError.of(
          "손상된 원장으로는 재현할 수 없습니다: " + chain.describe(),
          "cannot replay from a broken ledger: " + chain.describe());
    }
    LedgerEntry decision = null;
    Input input = null;
    for (LedgerEntry e : entries) {
      if (e.kind().equals(DECISION)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        Input in = input(entries.get((int) p.path("input").asLong() - 1));
        if (in.funnel().equals(funnel) && in.round().id().equals(round)) {
          decision = e;
          input = in;
        }
      }
    }
    if (decision == null || input == null) {
      throw UserError.of(
          "원장에 " + funnel + " 라운드 " + round + "의 결정이 없습니다",
          "the ledger holds no decision for " + funnel + " round " + round);
    }
    RoundResult again = decide(input);
    JsonNode recorded = CanonicalJson.parse(decision.payload()).path("result");
    JsonNode recomputed = CanonicalJson.parse(CanonicalJson.of(again));
    RecordedRound.inRecordedShape(recorded, recomputed);
    boolean same = CanonicalJson.of(recomputed).equals(CanonicalJson.of(recorded));
    return new Replay(chain, decision.seq(), same, again, input);
  }

  /** True when the ledger holds a decision for this round of this funnel. */
  public static boolean decided(Ledger ledger, String funnel, String round) {
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(DECISION)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("funnel").asString().equals(funnel)
            && p.path("round").asString().equals(round)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The decisions recorded in the ledger, oldest first. */
  public static List<RoundResult> recorded(Ledger ledger) {
    List<RoundResult> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(DECISION)) {
        out.add(RecordedRound.read(CanonicalJson.parse(e.payload()).path("result")));
      }
    }
    return out;
  }

  /** How each candidate's outcome changes if one criterion's weight changes. */
  public record WhatIf(
      String criterion,
      double weight,
      RoundResult base,
      RoundResult changed,
      List<String> changes,
      List<Move> moves) {}

  /** One candidate whose rank or outcome the changed weight moves; printed in either language. */
  public record Move(
      String application,
      int rankBefore,
      int rankAfter,
      RoundResult.Outcome before,
      RoundResult.Outcome after) {}

  public static WhatIf whatIf(Input in, String criterion, double weight) {
    RoundResult base = decide(in);
    Input changedInput =
        new Input(
            in.funnel(),
            in.round().withWeight(criterion, weight),
            in.panel(),
            in.candidates(),
            in.assignment(),
            in.scores());
    RoundResult changed = decide(changedInput);
    List<String> changes = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    for (RoundResult.Line l : base.lines()) {
      RoundResult.Line n = changed.line(l.application());
      if (l.outcome() != n.outcome() || l.rank() != n.rank()) {
        moves.add(new Move(l.application(), l.rank(), n.rank(), l.outcome(), n.outcome()));
        changes.add(
            l.application()
                + ": rank "
                + l.rank()
                + " -> "
                + n.rank()
                + ", "
                + l.outcome()
                + (l.outcome() == n.outcome() ? "" : " -> " + n.outcome()));
      }
    }
    return new WhatIf(criterion, weight, base, changed, changes, moves);
  }

  private static Input input(LedgerEntry e) {
    if (!e.kind().equals(INPUT)) {
      throw UserError.of(
          "원장 seq " + e.seq() + "은(는) 선정 입력이 아닙니다",
          "ledger seq " + e.seq() + " is not a selection input");
    }
    return CanonicalJson.read(CanonicalJson.parse(e.payload()), Input.class);
  }
}
