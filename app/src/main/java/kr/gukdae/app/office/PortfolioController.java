package kr.gukdae.app.office;

import jakarta.servlet.http.HttpServletRequest;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.portfolio.PortfolioFunding;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio decision over HTTP: the office records it from the models' benchmark results and
 * funds the institutes from it; anyone reads the explained decision and replays it from the ledger,
 * as anyone reads the designation registry. What is public is the portfolio's own record: domains,
 * scores, outcomes and GPUs per institute.
 */
@RestController
@RequestMapping("/api/office/calls/{call}/portfolio")
class PortfolioController {

  private static final int MAX_BODY = 256 * 1024;

  private final OfficeProgrammes programmes;
  private final PortfolioService portfolios;
  private final Access access;

  PortfolioController(OfficeProgrammes programmes, PortfolioService portfolios, Access access) {
    this.programmes = programmes;
    this.portfolios = portfolios;
    this.access = access;
  }

  /**
   * The decision recomputed from the ledger, and whether the recorded funding (if any) recomputes
   * from it and the figures recorded with it.
   */
  record ReplayView(
      long decisionSeq,
      boolean matches,
      PortfolioDecision.Decision recomputed,
      @Nullable Boolean fundingMatches) {}

  @GetMapping
  PortfolioService.Explained explained(@PathVariable String call) {
    return portfolios.explain(programmes.call(call));
  }

  /** Records the decision from {@code results: [{model, benchmark, score}]}; once per call. */
  @Requires(Role.OFFICE)
  @PostMapping("/decision")
  PortfolioService.Explained decide(
      HttpServletRequest request, @PathVariable String call, @RequestBody String body) {
    access.require(request, Role.OFFICE);
    String where = "POST /api/office/calls/" + call + "/portfolio/decision";
    if (body.length() > MAX_BODY) {
      throw UserError.of(where + ": 본문이 256 KiB보다 큽니다", where + ": body larger than 256 KiB");
    }
    var p = programmes.call(call);
    return portfolios.decide(p, OfficeFiles.portfolioResults(body, where));
  }

  @GetMapping("/replay")
  ReplayView replay(@PathVariable String call) {
    var p = programmes.call(call);
    var r = portfolios.replay(p);
    return new ReplayView(
        r.recorded().seq(), r.matches(), r.recomputed(), portfolios.fundingReplays(p));
  }

  /**
   * GPUs, data budgets and talent caps for the institutes the recorded (and replayed) decision
   * keeps, the end of data support for those it drops; once per call.
   */
  @Requires(Role.OFFICE)
  @PostMapping("/funding")
  PortfolioFunding.Funding fund(
      HttpServletRequest request,
      @PathVariable String call,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    access.require(request, Role.OFFICE);
    return portfolios.fund(
        programmes.call(call), QueryDates.required(from, "from"), QueryDates.required(to, "to"));
  }
}
