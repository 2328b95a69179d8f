package kr.gukdae.app.office;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.call.Calls;
import kr.gukdae.call.Violation;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.Office;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.selection.Assignment;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Score;
import kr.gukdae.selection.Selection;

/**
 * The office workflow over the database and the audit ledger, shared by the CLI and REST. Steps
 * that check the ledger and then append to it run one at a time in this process.
 */
public final class OfficeService {

  private final OfficeStore store;
  private final Ledger ledger;
  private final Clock clock;

  OfficeService(OfficeStore store, Ledger ledger, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
  }

  Ledger ledger() {
    return ledger;
  }

  /**
   * Stores (or replaces) an application before the deadline; the submission time is the server's.
   * Returns the application's own eligibility violations so the applicant can fix them in time.
   */
  public synchronized List<Violation> submit(OfficeProgramme p, Application sent, String by) {
    Instant now = clock.instant();
    if (!now.isBefore(p.call().closes().toInstant())) {
      throw UserError.of(
          "공모 " + p.call().id() + "은(는) " + p.call().closes() + "에 마감되었습니다. 더 제출할 수 없습니다",
          "call "
              + p.call().id()
              + " closed at "
              + p.call().closes()
              + "; nothing can be submitted");
    }
    if (now.isBefore(p.call().opens().toInstant())) {
      throw UserError.of(
          "공모 " + p.call().id() + "은(는) " + p.call().opens() + "에 열립니다",
          "call " + p.call().id() + " opens at " + p.call().opens());
    }
    if (Calls.seal(ledger, p.call().id()) != null) {
      throw UserError.of(
          "공모 " + p.call().id() + "은(는) 이미 봉인되었습니다",
          "call " + p.call().id() + " is already sealed");
    }
    Application a =
        new Application(
            sent.id(),
            p.call().id(),
            sent.consortium(),
            sent.members(),
            sent.support(),
            sent.documents(),
            sent.suppliers(),
            now.atOffset(java.time.ZoneOffset.UTC));
    store.putApplication(a, by, now);
    List<Application> all = store.applications(p.call().id());
    return Calls.check(p.call(), all).stream().filter(v -> v.application().equals(a.id())).toList();
  }

  /** Office import of applications received another way; each keeps its own submission time. */
  public synchronized void importApplications(
      OfficeProgramme p, List<Application> apps, String by) {
    if (Calls.seal(ledger, p.call().id()) != null) {
      throw UserError.of(
          "공모 " + p.call().id() + "은(는) 이미 봉인되어 가져올 수 없습니다",
          "call " + p.call().id() + " is already sealed; nothing can be imported");
    }
    for (Application a : apps) {
      if (!a.call().equals(p.call().id())) {
        throw UserError.of(
            "신청서 " + a.id() + ": 공모가 '" + a.call() + "'입니다. '" + p.call().id() + "'이어야 합니다",
            "application "
                + a.id()
                + ": call is '"
                + a.call()
                + "', expected '"
                + p.call().id()
                + "'");
      }
    }
    apps.forEach(a -> store.putApplication(a, by, clock.instant()));
  }

  public List<Application> applications(OfficeProgramme p) {
    return store.applications(p.call().id());
  }

  public List<Violation> eligibility(OfficeProgramme p) {
    return Calls.check(p.call(), applications(p));
  }

  public synchronized Calls.Seal seal(OfficeProgramme p) {
    return Office.seal(ledger, p, applications(p), clock.instant());
  }

  public synchronized Assignment assign(OfficeProgramme p, String round) {
    return Office.assign(ledger, p, round);
  }

  public Assignment assignment(OfficeProgramme p, String round) {
    return Office.assignment(ledger, p, round);
  }

  /**
   * Stores a reviewer's sheet for an application they are assigned to, before the decision; a sheet
   * the decision would refuse (an unknown or missing criterion, a score out of range) is refused
   * here, so it cannot block the round later.
   */
  public synchronized void score(OfficeProgramme p, Score s) {
    requireOpen(p, s.round());
    if (!assignment(p, s.round()).assigned(s.reviewer(), s.application())) {
      throw UserError.of(
          "심사표 " + s.reviewer() + "/" + s.application() + ": 이 신청서에 배정된 심사위원이 아닙니다",
          "score " + s.reviewer() + "/" + s.application() + ": reviewer is not assigned to it");
    }
    Selection.checkSheet(p.funnel().round(s.round()), s);
    // checked again under the application's lock: another server may have decided meanwhile
    store.putScore(p.call().id(), s, clock.instant(), () -> requireOpen(p, s.round()));
  }

  private void requireOpen(OfficeProgramme p, String round) {
    if (Selection.decided(ledger, p.call().id(), round)) {
      throw sheetsClosed(round);
    }
  }

  static UserError sheetsClosed(String round) {
    return UserError.of(
        "라운드 " + round + ": 이미 결정된 차수라 심사표를 받지 않습니다",
        "round " + round + " is decided; sheets are closed");
  }

  public List<Score> scores(OfficeProgramme p, String round) {
    return store.scores(p.call().id(), round);
  }

  /**
   * Decides a round from its stored sheets, reading them and recording the decision under every
   * application's lock of the call: a sheet another server is storing meanwhile is either in the
   * decision or refused as too late, never accepted and left out.
   */
  public synchronized RoundResult decide(OfficeProgramme p, String round) {
    return Objects.requireNonNull(
        store.underLocks(
            p.call().id(), null, () -> Office.decide(ledger, p, round, scores(p, round))));
  }

  public RoundResult decision(OfficeProgramme p, String round) {
    return Office.decision(ledger, p, round);
  }

  public Selection.Replay replay(OfficeProgramme p, String round) {
    return Selection.replay(ledger, p.call().id(), round);
  }

  public Selection.WhatIf whatIf(OfficeProgramme p, String round, String criterion, double weight) {
    return Selection.whatIf(replay(p, round).input(), criterion, weight);
  }
}
