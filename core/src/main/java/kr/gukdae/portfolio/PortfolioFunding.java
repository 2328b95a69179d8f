package kr.gukdae.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.resources.Allocation;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.GpuRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Institutes' resources follow the recorded portfolio decision by the same rule stage outcomes
 * follow ({@link Compute#allocate(GpuRules, List, int, LocalDate, LocalDate)}): an institute that
 * keeps a passing model in a portfolio that continues gets the quotas of {@link #STAGE}; an
 * institute without one, or every institute of a portfolio that stops, gets nothing, and each line
 * says why. Recorded once per programme, with the sequence number of the decision it follows.
 */
public final class PortfolioFunding {

  /**
   * The portfolio decision closes the first phase; funding is the quota {@code
   * resources.gpu.quotas} names for stage 2, the phase the continuing institutes enter.
   */
  public static final int STAGE = 2;

  private PortfolioFunding() {}

  /** Why an institute is funded or not; the CLI and the web page word it in both languages. */
  public enum Why {
    FUNDED,
    NO_PASSING_MODEL,
    PORTFOLIO_STOPS
  }

  /** One institute: its passing models (the reason it continues) and what it gets. */
  public record Line(
      String institute, Why why, List<String> passingModels, List<Allocation> allocations) {
    public Line {
      Objects.requireNonNull(institute, "institute");
      Objects.requireNonNull(why, "why");
      passingModels = List.copyOf(passingModels);
      allocations = List.copyOf(allocations);
    }
  }

  /** The funding recorded after a programme's portfolio decision. */
  public record Funding(
      String programme,
      long decisionSeq,
      int stage,
      boolean portfolioContinues,
      LocalDate from,
      LocalDate to,
      List<Line> lines) {
    public Funding {
      lines = List.copyOf(lines);
    }
  }

  /** What the decision gives each institute under the programme's GPU rules (nothing recorded). */
  public static List<Line> plan(
      GpuRules rules, PortfolioDecision.Decision decision, LocalDate from, LocalDate to) {
    List<String> continuing =
        decision.continues()
            ? decision.institutes().stream()
                .filter(PortfolioDecision.InstituteLine::continues)
                .map(PortfolioDecision.InstituteLine::institute)
                .toList()
            : List.of();
    List<Allocation> all =
        continuing.isEmpty() ? List.of() : Compute.allocate(rules, continuing, STAGE, from, to);
    List<Line> out = new ArrayList<>();
    for (PortfolioDecision.InstituteLine i : decision.institutes()) {
      Why why =
          !decision.continues()
              ? Why.PORTFOLIO_STOPS
              : i.continues() ? Why.FUNDED : Why.NO_PASSING_MODEL;
      out.add(
          new Line(
              i.institute(),
              why,
              i.kept(),
              all.stream().filter(a -> a.team().equals(i.institute())).toList()));
    }
    return out;
  }

  /**
   * Funds the institutes from the programme's recorded decision, after replaying it: a decision
   * that does not recompute from its recorded input funds nobody. Checked and appended under the
   * ledger's writer lock, so two offices funding at once record it once.
   */
  public static Funding fund(
      Ledger ledger, String programme, GpuRules rules, LocalDate from, LocalDate to) {
    PortfolioDecision.Replay replay = PortfolioDecision.replay(ledger, programme);
    if (!replay.matches()) {
      throw UserError.of(
          programme + ": 기록된 포트폴리오 결정이 재현되지 않아 자원을 배정하지 않았습니다",
          programme + ": the recorded portfolio decision does not replay; nothing was funded");
    }
    Funding f =
        new Funding(
            programme,
            replay.recorded().seq(),
            STAGE,
            replay.recorded().decision().continues(),
            from,
            to,
            plan(rules, replay.recorded().decision(), from, to));
    ledger.appendAll(first -> {
      if (recorded(ledger, programme) != null) {
        throw UserError.of(
            programme + ": 포트폴리오 자원 배정이 이미 기록되어 있어 아무것도 추가하지 않았습니다",
            programme + ": the portfolio's funding is already recorded; nothing was added");
      }
      List<Allocation> allocations =
          f.lines().stream().flatMap(l -> l.allocations().stream()).toList();
      return List.of(
          new Ledger.Draft(
              Compute.PORTFOLIO_ALLOCATION,
              Map.of("programme", programme, "funding", f, "allocations", allocations)));
    });
    return f;
  }

  /** The funding recorded for a programme, or null. */
  public static @Nullable Funding recorded(Ledger ledger, String programme) {
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Compute.PORTFOLIO_ALLOCATION)) {
        JsonNode n = CanonicalJson.parse(e.payload());
        if (n.path("programme").asString().equals(programme)) {
          return CanonicalJson.read(n.path("funding"), Funding.class);
        }
      }
    }
    return null;
  }
}
