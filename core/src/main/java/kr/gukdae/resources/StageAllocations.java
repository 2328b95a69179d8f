package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a numbered stage's recorded decision gives the teams for the next stage: every continuing
 * (and extra-call) team gets the stage's GPU quotas ({@link Compute#allocate(GpuRules, List, int,
 * LocalDate, LocalDate)}), its data budget ({@code resources.data.stages}) and its talent cap
 * ({@code resources.talent.stages}, else the programme's); a team the decision drops gets nothing
 * and its data support ends on the stage's first day. Recorded once per call and stage, with the
 * decision's seq and the figures used, so it replays; the support rules read it back as {@link
 * SupportTerms}, as they read a portfolio's funding.
 */
public final class StageAllocations {

  private StageAllocations() {}

  /** One team: kept for the stage or not, and what it gets. */
  public record Line(
      String team,
      boolean kept,
      List<Allocation> allocations,
      long dataBudget,
      long talentCapPerYear) {
    public Line {
      Objects.requireNonNull(team, "team");
      allocations = List.copyOf(allocations);
    }
  }

  /**
   * Stage {@code stage}'s resources from the decision at {@code decisionSeq}, for {@code from}
   * (inclusive) to {@code to} (exclusive), with the data and talent figures it used (null where the
   * programme file sets none).
   */
  public record Grant(
      String call,
      int stage,
      long decisionSeq,
      LocalDate from,
      LocalDate to,
      List<Line> lines,
      ResourceRules.@Nullable DataStage data,
      ResourceRules.@Nullable TalentStage talent) {
    public Grant {
      lines = List.copyOf(lines);
    }

    public List<Allocation> allocations() {
      return lines.stream().flatMap(l -> l.allocations().stream()).toList();
    }
  }

  /** A recorded grant and whether it recomputes from the decision it follows. */
  public record Replayed(long seq, @Nullable Grant grant, boolean matches) {}

  /** What the decision gives each team for {@code nextStage} (nothing recorded). */
  public static List<Line> plan(
      GpuRules gpu,
      ResourceRules.@Nullable DataStage data,
      ResourceRules.@Nullable TalentStage talent,
      StageResult decision,
      int nextStage,
      LocalDate from,
      LocalDate to) {
    List<Allocation> all = Compute.allocate(gpu, decision, nextStage, from, to);
    List<String> kept = all.stream().map(Allocation::team).distinct().toList();
    List<Line> out = new ArrayList<>();
    for (String team : kept) {
      out.add(
          new Line(
              team,
              true,
              all.stream().filter(a -> a.team().equals(team)).toList(),
              data == null ? 0 : data.perTeamBudget(),
              talent == null ? 0 : talent.capPerTeamYear()));
    }
    for (StageResult.TeamResult t : decision.ranking()) {
      if (!kept.contains(t.team())) {
        out.add(new Line(t.team(), false, List.of(), 0, 0));
      }
    }
    return out;
  }

  /**
   * Records stage {@code decided + 1}'s resources from stage {@code decided}'s recorded decision,
   * replayed first (a decision that does not recompute grants nothing). Checked and appended under
   * the ledger's writer lock, so two offices allocating at once record it once.
   */
  public static Grant allocate(
      Ledger ledger, String call, ResourceRules rules, int decided, LocalDate from, LocalDate to) {
    Stages.Replay replay = Stages.replay(ledger, decided);
    if (!replay.matches()) {
      throw UserError.of(
          "단계 " + decided + ": 기록된 결정이 재현되지 않아 자원을 배정하지 않았습니다",
          "stage " + decided + ": the recorded decision does not replay; nothing was allocated");
    }
    int stage = decided + 1;
    Grant g =
        new Grant(
            call,
            stage,
            replay.decisionSeq(),
            from,
            to,
            plan(
                rules.gpu(),
                rules.dataStage(stage),
                rules.talentStage(stage),
                replay.recomputed(),
                stage,
                from,
                to),
            rules.dataStage(stage),
            rules.talentStage(stage));
    ledger.appendAll(first -> {
      if (!teamsIn(ledger, stage).isEmpty()) {
        throw UserError.of(
            "단계 " + stage + ": 배분이 이미 기록되어 있어 아무것도 추가하지 않았습니다",
            "stage " + stage + ": allocations are already recorded; nothing was added");
      }
      return List.of(
          new Ledger.Draft(
              Compute.ALLOCATION,
              Map.of(
                  "call",
                  call,
                  "stage",
                  stage,
                  "decisionSeq",
                  replay.decisionSeq(),
                  "allocations",
                  g.allocations(),
                  "grant",
                  g,
                  "gpu",
                  rules.gpu())));
    });
    return g;
  }

  /** The teams holding allocations recorded for a numbered stage (any call). */
  public static List<String> teamsIn(Ledger ledger, int stage) {
    List<String> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Compute.ALLOCATION)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("stage").asInt() == stage) {
          p.path("allocations")
              .forEach(a -> {
                String t = a.path("team").asString();
                if (!out.contains(t)) {
                  out.add(t);
                }
              });
        }
      }
    }
    return out;
  }

  /**
   * Every grant recorded for the call, each recomputed from the stage decision at its seq (itself
   * replayed) under the GPU rules and the figures recorded with it, compared with the recorded
   * JSON: an edited budget, cap or GPU count shows as a mismatch. Allocations recorded before
   * grants were (GPU lines only, without a call) are not listed: they give no data or talent terms.
   */
  public static List<Replayed> replay(Ledger ledger, String call) {
    List<Replayed> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (!e.kind().equals(Compute.ALLOCATION)) {
        continue;
      }
      JsonNode n = CanonicalJson.parse(e.payload());
      if (!n.has("grant") || !n.path("call").asString().equals(call)) {
        continue;
      }
      Grant g;
      GpuRules gpu;
      try {
        g = CanonicalJson.read(n.path("grant"), Grant.class);
        gpu = CanonicalJson.read(n.path("gpu"), GpuRules.class);
      } catch (RuntimeException edited) {
        out.add(new Replayed(e.seq(), null, false)); // an edit the record types refuse
        continue;
      }
      out.add(new Replayed(e.seq(), g, recomputes(ledger, n, g, gpu)));
    }
    return out;
  }

  private static boolean recomputes(Ledger ledger, JsonNode recorded, Grant g, GpuRules gpu) {
    try {
      Stages.Replay decision = Stages.replay(ledger, g.stage() - 1);
      if (!decision.matches() || decision.decisionSeq() != g.decisionSeq()) {
        return false;
      }
      Grant again =
          new Grant(
              g.call(),
              g.stage(),
              g.decisionSeq(),
              g.from(),
              g.to(),
              plan(gpu, g.data(), g.talent(), decision.recomputed(), g.stage(), g.from(), g.to()),
              g.data(),
              g.talent());
      return CanonicalJson.of(again).equals(CanonicalJson.of(recorded.path("grant")))
          && CanonicalJson.of(again.allocations())
              .equals(CanonicalJson.of(recorded.path("allocations")));
    } catch (UserError | IllegalArgumentException edited) {
      return false; // the recorded figures no longer fit the pool or the rules: edited
    }
  }

  /**
   * The data and talent terms the call's recorded grants give (kept teams) or end (dropped ones),
   * for the support rules; none before the first grant. A grant that does not replay gives nothing:
   * the support step is refused, naming it.
   */
  public static SupportTerms terms(Ledger ledger, String call) {
    List<SupportTerms.Term> out = new ArrayList<>();
    for (Replayed r : replay(ledger, call)) {
      Grant g = r.grant();
      if (!r.matches() || g == null) {
        throw UserError.of(
            "공모 " + call + ": 원장 순번 " + r.seq() + "의 단계 자원 배분이 재현되지 않아 데이터·인재 지원을 기록하지 않았습니다",
            "call "
                + call
                + ": the stage allocation at ledger seq "
                + r.seq()
                + " does not replay; no data or talent support was recorded");
      }
      for (Line l : g.lines()) {
        out.add(
            new SupportTerms.Term(
                l.team(),
                g.decisionSeq(),
                g.stage(),
                l.kept(),
                g.from(),
                g.to(),
                l.dataBudget(),
                l.talentCapPerYear()));
      }
    }
    return new SupportTerms(out);
  }
}
