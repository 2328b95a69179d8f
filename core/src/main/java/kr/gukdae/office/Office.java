package kr.gukdae.office;

import java.time.Instant;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.call.Calls;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.selection.Assignment;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Score;
import kr.gukdae.selection.Selection;

/**
 * The programme office's workflow over one ledger: seal the call at its deadline, then for each
 * funnel round in order assign reviewers, take their sheets and decide. Each step reads what the
 * previous one recorded, so the ledger alone holds the state and every step can be replayed.
 */
public final class Office {

  private Office() {}

  public static Calls.Seal seal(
      Ledger ledger, OfficeProgramme p, List<Application> applications, Instant now) {
    return Calls.seal(p.call(), applications, ledger, now);
  }

  /** A round's candidates: the sealed eligible applications, or the previous round's selection. */
  public static List<Application> candidates(Ledger ledger, OfficeProgramme p, String roundId) {
    Round round = p.funnel().round(roundId);
    List<Application> sealed = Calls.sealed(ledger, p.call().id());
    int index = p.funnel().rounds().indexOf(round);
    List<String> ids;
    if (index == 0) {
      Calls.Seal seal = Calls.seal(ledger, p.call().id());
      ids = seal == null ? List.of() : seal.eligible();
    } else {
      Round previous = p.funnel().rounds().get(index - 1);
      ids = decision(ledger, p, previous.id()).selected();
    }
    return sealed.stream().filter(a -> ids.contains(a.id())).toList();
  }

  /** Computes and records the round's conflict-free, load-balanced assignment. */
  public static Assignment assign(Ledger ledger, OfficeProgramme p, String roundId) {
    Round round = p.funnel().round(roundId);
    List<Application> candidates = candidates(ledger, p, roundId);
    Assignment a = Selection.assign(p.funnel(), round, candidates);
    Selection.recordAssignment(ledger, p.call().id(), a);
    return a;
  }

  public static Assignment assignment(Ledger ledger, OfficeProgramme p, String roundId) {
    Assignment a = Selection.recordedAssignment(ledger, p.call().id(), roundId);
    if (a == null) {
      throw UserError.of(
          "라운드 " + roundId + "에 기록된 배정이 없습니다. 먼저 배정하세요",
          "round " + roundId + " has no recorded assignment; assign it first");
    }
    return a;
  }

  /** Decides the round from the sheets against the recorded assignment and records it. */
  public static RoundResult decide(
      Ledger ledger, OfficeProgramme p, String roundId, List<Score> scores) {
    Round round = p.funnel().round(roundId);
    if (hasDecision(ledger, p, roundId)) {
      throw UserError.of(
          "라운드 " + roundId + "은(는) 이미 결정되었습니다. 대신 재현(replay)하세요",
          "round " + roundId + " is already decided; replay it instead");
    }
    Selection.Input in =
        new Selection.Input(
            p.call().id(),
            round,
            p.funnel().panel(round),
            candidates(ledger, p, roundId),
            assignment(ledger, p, roundId),
            scores);
    return Selection.run(in, ledger);
  }

  public static RoundResult decision(Ledger ledger, OfficeProgramme p, String roundId) {
    if (!hasDecision(ledger, p, roundId)) {
      throw UserError.of(
          p.call().id() + "의 라운드 " + roundId + "은(는) 아직 결정되지 않았습니다",
          "round " + roundId + " of " + p.call().id() + " is not decided yet");
    }
    Selection.Replay replay = Selection.replay(ledger, p.call().id(), roundId);
    if (!replay.matches()) {
      throw UserError.of(
          "round "
              + roundId
              + ": seq "
              + replay.decisionSeq()
              + "에 기록된 결정이 다시 계산한 결과와 다릅니다. 'gukdae audit verify'를 실행하세요",
          "round "
              + roundId
              + ": the recorded decision at seq "
              + replay.decisionSeq()
              + " differs from its recomputation; run 'gukdae audit verify'");
    }
    return replay.recomputed();
  }

  static boolean hasDecision(Ledger ledger, OfficeProgramme p, String roundId) {
    return Selection.decided(ledger, p.call().id(), roundId);
  }
}
