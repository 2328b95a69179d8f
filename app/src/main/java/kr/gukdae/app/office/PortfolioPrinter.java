package kr.gukdae.app.office;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.cli.Terminal;
import kr.gukdae.portfolio.Portfolio;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.portfolio.PortfolioFunding;
import kr.gukdae.text.Reason;

/**
 * The explained portfolio decision as terminal text in the run's language: the coverage check, each
 * domain with its chosen model, every model's benchmark scores against their thresholds, the
 * institutes kept, and the funding that followed. Built from the recorded structure, not from the
 * English reasons in it, so both languages say the same.
 */
final class PortfolioPrinter {

  private PortfolioPrinter() {}

  /** A recorded reason in the run's language: the record holds both. */
  static String said(Reason r) {
    return Terminal.pick(r.text());
  }

  static String why(PortfolioFunding.Why w) {
    return switch (w) {
      case FUNDED -> Terminal.pick("지원: 통과한 모델이 있습니다", "funded: it keeps a passing model");
      case NO_PASSING_MODEL ->
          Terminal.pick("지원 없음: 통과한 모델이 없습니다", "not funded: none of its models passes");
      case PORTFOLIO_STOPS ->
          Terminal.pick("지원 없음: 포트폴리오가 중단되었습니다", "not funded: the portfolio stops");
    };
  }

  static String coverage(PortfolioDecision.Decision d, int domains) {
    return Terminal.pick(
        String.format(
            Locale.ROOT,
            "분야 충족: %d개 중 %d개 (필요 %d개) → 포트폴리오 %s",
            domains,
            d.covered(),
            d.required(),
            d.continues() ? "계속" : "중단"),
        String.format(
            Locale.ROOT,
            "domains covered: %d of %d (%d needed) → the portfolio %s",
            d.covered(),
            domains,
            d.required(),
            d.continues() ? "continues" : "stops"));
  }

  /** One benchmark per item: "ko-bar-exam 72.0 ≥ 50.0", or "— (no result)". */
  static String scores(Portfolio.Domain domain, Map<String, Double> scores) {
    List<String> out = new ArrayList<>();
    for (Portfolio.Benchmark b : domain.benchmarks()) {
      Double s = scores.get(b.id());
      out.add(
          s == null
              ? b.id() + " " + Terminal.pick("결과 없음", "no result")
              : String.format(
                  Locale.ROOT,
                  "%s %.1f %s %.1f",
                  b.id(),
                  s,
                  s >= b.threshold() ? "≥" : "<",
                  b.threshold()));
    }
    return String.join("; ", out);
  }

  static void print(PortfolioService.Explained e, PrintStream out) {
    boolean ko = Terminal.korean();
    out.println(e.call() + ": " + e.programme() + (e.demo() ? " [DEMO]" : ""));
    var d = e.decision();
    if (d == null) {
      out.println(
          Terminal.pick(
              "아직 기록된 포트폴리오 결정이 없습니다 (gukdae portfolio decide)",
              "no portfolio decision is recorded yet (gukdae portfolio decide)"));
      return;
    }
    out.println(
        Terminal.pick("원장 순번 ", "ledger seq ")
            + e.decisionSeq()
            + " ("
            + e.recordedAt()
            + ")  "
            + Terminal.pick("재현: ", "replay: ")
            + (Boolean.TRUE.equals(e.replays())
                ? Terminal.pick("같음", "SAME")
                : Terminal.pick("다름", "DIFFERENT")));
    out.println(coverage(d, e.portfolio().domains().size()));
    out.println(Terminal.pick("기록된 사유: ", "recorded reason: ") + said(d.reason()));
    for (PortfolioDecision.DomainLine line : d.domains()) {
      Portfolio.Domain domain = e.portfolio().domain(line.domain());
      out.printf(
          Locale.ROOT,
          "%n%s (%s) %s %.1f: %s%n",
          line.domain(),
          UserError.inLanguage(line.label(), ko),
          Terminal.pick("통과 점수", "pass score"),
          domain.passScore(),
          line.best() == null
              ? Terminal.pick("충족하지 못함: 통과한 모델이 없습니다", "not covered: no model passes")
              : Terminal.pick("충족, 선택 모델 ", "covered, chosen model ")
                  + line.best()
                  + String.format(Locale.ROOT, " (%.2f)", line.bestScore()));
      for (PortfolioDecision.ModelLine m : d.models()) {
        if (m.domain().equals(line.domain())) {
          out.printf(
              Locale.ROOT,
              "  %s %s %6.2f  %s  [%s]%n",
              Terminal.padRight(m.model(), 16),
              Terminal.padRight(m.institute(), 8),
              m.domainScore(),
              said(m.reason()),
              scores(domain, m.scores()));
        }
      }
    }
    out.println();
    out.println(Terminal.pick("기관:", "institutes:"));
    for (PortfolioDecision.InstituteLine i : d.institutes()) {
      out.println(
          "  "
              + Terminal.padRight(i.institute(), 8)
              + (i.continues() ? Terminal.pick("계속", "continues") : Terminal.pick("중단", "stops"))
              + "  "
              + Terminal.pick("유지: ", "kept: ")
              + (i.kept().isEmpty() ? "—" : String.join(", ", i.kept()))
              + "  "
              + Terminal.pick("탈락: ", "dropped: ")
              + (i.dropped().isEmpty() ? "—" : String.join(", ", i.dropped())));
    }
    if (e.funding() != null) {
      printFunding(e.funding(), out);
    }
  }

  static void printFunding(PortfolioFunding.Funding f, PrintStream out) {
    out.println();
    out.println(
        Terminal.pick("자원 배정 (단계 ", "funding (stage ")
            + f.stage()
            + ", "
            + f.from()
            + " – "
            + f.to()
            + Terminal.pick(", 결정 원장 순번 ", ", follows ledger seq ")
            + f.decisionSeq()
            + "):");
    if (f.data() != null) {
      out.printf(
          Locale.ROOT,
          Terminal.pick(
              "  유지 기관 데이터 예산 %,d원 (출처 %s)%n",
              "  data budget per kept institute %,d KRW (source %s)%n"),
          f.data().perTeamBudget(),
          f.data().source());
    }
    if (f.talent() != null) {
      out.printf(
          Locale.ROOT,
          Terminal.pick(
              "  유지 기관 인재 매칭 연 상한 %,d원 (출처 %s)%n",
              "  talent matching cap per kept institute and year %,d KRW (source %s)%n"),
          f.talent().capPerTeamYear(),
          f.talent().source());
    }
    for (PortfolioFunding.Line l : f.lines()) {
      String gpus =
          String.join(
              ", ",
              l.allocations().stream()
                  .map(a -> a.count() + " " + a.gpuType() + " " + OfficePrinter.label(a.mode()))
                  .toList());
      out.println(
          "  "
              + Terminal.padRight(l.institute(), 8)
              + why(l.why())
              + (gpus.isEmpty() ? "" : "  " + gpus)
              + (l.why() == PortfolioFunding.Why.FUNDED
                  ? String.format(
                      Locale.ROOT,
                      Terminal.pick("  데이터 %,d원, 인재 연 %,d원", "  data %,d KRW, talent %,d KRW/year"),
                      l.dataBudget(),
                      l.talentCapPerYear())
                  : Terminal.pick(
                      "  데이터 지원 종료 " + f.from() + ", 인재는 탈락 후 규칙대로",
                      "  data support ends "
                          + f.from()
                          + ", talent as the rules say after elimination"))
              + (l.passingModels().isEmpty()
                  ? ""
                  : "  (" + String.join(", ", l.passingModels()) + ")"));
    }
  }
}
