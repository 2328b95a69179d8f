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
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.resources.SupportTerms;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Institutes' resources follow the recorded portfolio decision by the same rule stage outcomes
 * follow ({@link Compute#allocate(GpuRules, List, int, LocalDate, LocalDate)}): an institute that
 * keeps a passing model in a portfolio that continues gets the quotas of {@link #STAGE}, the data
 * budget and the talent cap the programme file sets for that stage; an institute without one, or
 * every institute of a portfolio that stops, gets nothing and its data support ends (talent goes on
 * as the talent rules say after elimination), and each line says why. Recorded once per programme,
 * with the sequence number of the decision it follows and the figures it used, so it replays; the
 * data and talent rules read it back as {@link SupportTerms}.
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

  /**
   * One institute: its passing models (the reason it continues) and what it gets: GPUs, the data
   * budget (KRW) and the talent matching cap per year (KRW) of the stage.
   */
  public record Line(
      String institute,
      Why why,
      List<String> passingModels,
      List<Allocation> allocations,
      long dataBudget,
      long talentCapPerYear) {
    public Line {
      Objects.requireNonNull(institute, "institute");
      Objects.requireNonNull(why, "why");
      passingModels = List.copyOf(passingModels);
      allocations = List.copyOf(allocations);
    }
  }

  /**
   * The funding recorded after a programme's portfolio decision, with the stage's data and talent
   * figures it used (and their sources); null where the programme file sets none.
   */
  public record Funding(
      String programme,
      long decisionSeq,
      int stage,
      boolean portfolioContinues,
      LocalDate from,
      LocalDate to,
      List<Line> lines,
      ResourceRules.@Nullable DataStage data,
      ResourceRules.@Nullable TalentStage talent) {
    public Funding {
      lines = List.copyOf(lines);
    }
  }

  /** What the decision gives each institute under the programme's rules (nothing recorded). */
  public static List<Line> plan(
      ResourceRules rules, PortfolioDecision.Decision decision, LocalDate from, LocalDate to) {
    return plan(rules.gpu(), rules.dataStage(STAGE), rules.talentStage(STAGE), decision, from, to);
  }

  private static List<Line> plan(
      GpuRules rules,
      ResourceRules.@Nullable DataStage data,
      ResourceRules.@Nullable TalentStage talent,
      PortfolioDecision.Decision decision,
      LocalDate from,
      LocalDate to) {
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
      boolean funded = why == Why.FUNDED;
      out.add(
          new Line(
              i.institute(),
              why,
              i.kept(),
              all.stream().filter(a -> a.team().equals(i.institute())).toList(),
              funded && data != null ? data.perTeamBudget() : 0,
              funded && talent != null ? talent.capPerTeamYear() : 0));
    }
    return out;
  }

  /**
   * Funds the institutes from the programme's recorded decision, after replaying it: a decision
   * that does not recompute from its recorded input funds nobody. Checked and appended under the
   * ledger's writer lock, so two offices funding at once record it once.
   */
  public static Funding fund(
      Ledger ledger, String programme, ResourceRules rules, LocalDate from, LocalDate to) {
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
            plan(rules, replay.recorded().decision(), from, to),
            rules.dataStage(STAGE),
            rules.talentStage(STAGE));
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
              Map.of(
                  "programme",
                  programme,
                  "funding",
                  f,
                  "allocations",
                  allocations,
                  "gpu",
                  rules.gpu())));
    });
    return f;
  }

  /** The funding recorded for a programme, or null. */
  public static @Nullable Funding recorded(Ledger ledger, String programme) {
    JsonNode n = payload(ledger, programme);
    return n == null ? null : CanonicalJson.read(n.path("funding"), Funding.class);
  }

  private static @Nullable JsonNode payload(Ledger ledger, String programme) {
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Compute.PORTFOLIO_ALLOCATION)) {
        JsonNode n = CanonicalJson.parse(e.payload());
        if (n.path("programme").asString().equals(programme)) {
          return n;
        }
      }
    }
    return null;
  }

  /**
   * Whether the recorded funding recomputes from what it follows: the decision at its seq (itself
   * replayed) under the GPU rules and the stage figures recorded with it. The comparison is with
   * the recorded JSON, so an edited line (a budget, a cap, a GPU count, a reason) shows as a
   * mismatch. A funding recorded before the GPU rules were kept with it is recomputed under {@code
   * current}'s. Null when no funding is recorded.
   */
  public static @Nullable Boolean replays(Ledger ledger, String programme, GpuRules current) {
    JsonNode n = payload(ledger, programme);
    if (n == null) {
      return null;
    }
    Funding f;
    try {
      f = CanonicalJson.read(n.path("funding"), Funding.class);
    } catch (RuntimeException e) {
      return false; // an edit the record type refuses is a mismatch too
    }
    PortfolioDecision.Replay decision = PortfolioDecision.replay(ledger, programme);
    if (!decision.matches() || decision.recorded().seq() != f.decisionSeq()) {
      return false;
    }
    GpuRules gpu = n.has("gpu") ? CanonicalJson.read(n.path("gpu"), GpuRules.class) : current;
    Funding again;
    try {
      again =
          new Funding(
              programme,
              f.decisionSeq(),
              STAGE,
              decision.recorded().decision().continues(),
              f.from(),
              f.to(),
              plan(gpu, f.data(), f.talent(), decision.recorded().decision(), f.from(), f.to()),
              f.data(),
              f.talent());
    } catch (UserError e) {
      return false; // the recorded figures no longer fit the pool: edited
    }
    JsonNode recomputed = CanonicalJson.parse(CanonicalJson.of(again));
    if (!n.has("gpu")) {
      legacy(recomputed);
    }
    return CanonicalJson.of(recomputed).equals(CanonicalJson.of(n.path("funding")));
  }

  /**
   * A funding recorded before data and talent followed the portfolio held GPUs only: the recomputed
   * record is compared in that shape (the GPU lines, nothing dropped from them).
   */
  private static void legacy(JsonNode funding) {
    ((ObjectNode) funding).remove(List.of("data", "talent"));
    funding
        .path("lines")
        .forEach(l -> ((ObjectNode) l).remove(List.of("dataBudget", "talentCapPerYear")));
  }

  /**
   * The data and talent terms the recorded funding gives (kept institutes) or ends (dropped ones),
   * for the support rules; none before funding. A funding that does not replay grants nothing: the
   * support step is refused, naming it.
   */
  public static SupportTerms terms(Ledger ledger, String programme, GpuRules current) {
    Funding f = recorded(ledger, programme);
    if (f == null) {
      return SupportTerms.NONE;
    }
    if (!Boolean.TRUE.equals(replays(ledger, programme, current))) {
      throw UserError.of(
          programme + ": 기록된 포트폴리오 자원 배정이 재현되지 않아 데이터·인재 지원을 기록하지 않았습니다",
          programme
              + ": the recorded portfolio funding does not replay; no data or talent support was"
              + " recorded");
    }
    List<SupportTerms.Term> out = new ArrayList<>();
    for (Line l : f.lines()) {
      out.add(
          new SupportTerms.Term(
              l.institute(),
              f.decisionSeq(),
              f.stage(),
              l.why() == Why.FUNDED,
              f.from(),
              f.to(),
              l.dataBudget(),
              l.talentCapPerYear()));
    }
    return new SupportTerms(out);
  }
}
