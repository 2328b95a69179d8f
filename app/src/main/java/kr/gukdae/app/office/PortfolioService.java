package kr.gukdae.app.office;

import java.time.LocalDate;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.portfolio.Portfolio;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.portfolio.PortfolioFunding;
import org.jspecify.annotations.Nullable;

/**
 * A programme's portfolio decision and the funding that follows it, over the audit ledger; shared
 * by {@code gukdae portfolio} and the REST API. Recording steps run one at a time in this process
 * and check the ledger under its writer lock, so other servers on the same database record once.
 */
public final class PortfolioService {

  private final Ledger ledger;

  PortfolioService(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * Everything a reader needs to see why: the portfolio (domains, benchmarks, thresholds,
   * institutes), the recorded input and decision, whether it replays, and the funding.
   */
  public record Explained(
      String call,
      String programme,
      String version,
      boolean demo,
      Portfolio portfolio,
      boolean decided,
      @Nullable Long decisionSeq,
      @Nullable String recordedAt,
      List<PortfolioDecision.Result> results,
      PortfolioDecision.@Nullable Decision decision,
      @Nullable Boolean replays,
      PortfolioFunding.@Nullable Funding funding,
      @Nullable Boolean fundingReplays) {}

  public static Portfolio portfolio(OfficeProgramme p) {
    if (p.portfolio() == null) {
      throw UserError.of(
          "공모 " + p.call().id() + ": 프로그램 파일에 portfolio 항목이 없습니다 (예: institutes)",
          "call "
              + p.call().id()
              + ": its programme file has no portfolio section (see the institutes example)");
    }
    return p.portfolio();
  }

  public synchronized Explained decide(OfficeProgramme p, List<PortfolioDecision.Result> results) {
    PortfolioDecision.decide(ledger, p.call().id(), portfolio(p), results);
    return explain(p);
  }

  public Explained explain(OfficeProgramme p) {
    Portfolio portfolio = portfolio(p);
    String call = p.call().id();
    var recorded = PortfolioDecision.recorded(ledger, call);
    if (recorded == null) {
      return new Explained(
          call,
          p.programme(),
          p.version(),
          p.demo(),
          portfolio,
          false,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          null);
    }
    var replay = PortfolioDecision.replay(ledger, call);
    // The portfolio shown is the one the decision was made under (a later file version may differ).
    return new Explained(
        call,
        p.programme(),
        p.version(),
        p.demo(),
        recorded.portfolio(),
        true,
        recorded.seq(),
        recorded.recordedAt().toString(),
        recorded.results(),
        recorded.decision(),
        replay.matches(),
        PortfolioFunding.recorded(ledger, call),
        fundingReplays(p));
  }

  public PortfolioDecision.Replay replay(OfficeProgramme p) {
    portfolio(p);
    return PortfolioDecision.replay(ledger, p.call().id());
  }

  /** Whether the recorded funding recomputes from the decision and its figures; null if none. */
  public @Nullable Boolean fundingReplays(OfficeProgramme p) {
    return p.resources() == null
        ? null
        : PortfolioFunding.replays(ledger, p.call().id(), p.resources().gpu());
  }

  public synchronized PortfolioFunding.Funding fund(
      OfficeProgramme p, LocalDate from, LocalDate to) {
    portfolio(p);
    if (p.resources() == null) {
      throw UserError.of(
          "공모 " + p.call().id() + ": 프로그램 파일에 resources.gpu 항목이 없어 배정할 수 없습니다",
          "call "
              + p.call().id()
              + ": its programme file has no resources.gpu section to fund from");
    }
    if (!to.isAfter(from)) {
      throw UserError.of(
          "to " + to + "은(는) from " + from + "보다 뒤여야 합니다",
          "to " + to + " must be after from " + from);
    }
    return PortfolioFunding.fund(ledger, p.call().id(), p.resources(), from, to);
  }
}
