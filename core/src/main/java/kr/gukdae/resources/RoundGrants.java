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
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Resources granted between selection rounds (the contest's shape): every team a decided round
 * selects gets the round's {@link Round.Grant} for the next round. Recorded once per round in the
 * ledger, with the decision it follows.
 */
public final class RoundGrants {

  public static final String KIND = "resources.roundGrant";

  private RoundGrants() {}

  /** One team's grant after a round; GPUs for [from, to) when the grant has any. */
  public record Granted(
      String team,
      String round,
      @Nullable String gpuType,
      int gpus,
      LocalDate from,
      LocalDate to,
      long budget) {
    public Granted {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(round, "round");
    }
  }

  /**
   * The grants after {@code round}'s recorded decision, appended once: a second call (from this
   * process or another on the same database) is refused under the ledger's writer lock. GPUs are
   * drawn from the programme's pool ({@code gpu}), which bounds the grants of every round of the
   * funnel together; the check runs under the same lock, so of two rounds granted at once for the
   * last GPUs one is recorded and the other refused, naming the team and the shortfall.
   */
  public static List<Granted> grant(
      Ledger ledger,
      String funnel,
      Round round,
      RoundResult decision,
      LocalDate from,
      @Nullable GpuRules gpu) {
    Round.Grant g = round.grant();
    if (g == null) {
      throw UserError.of(
          "라운드 " + round.id() + "은(는) 지원하는 것이 없습니다 (파일에 지원 항목이 없습니다)",
          "round " + round.id() + " grants nothing (it has no grant in the file)");
    }
    if (g.gpusPerTeam() > 0 && gpu == null) {
      throw new UserError(
          "라운드 "
              + round.id()
              + "는 GPU를 지원하지만 프로그램 파일에 resources.gpu 풀이 없습니다 / round "
              + round.id()
              + " grants "
              + g.gpuType()
              + " GPUs but the programme file has no resources.gpu pool to draw them from");
    }
    List<Granted> out = new ArrayList<>();
    for (String team : decision.selected()) {
      out.add(
          new Granted(
              team,
              round.id(),
              g.gpuType(),
              g.gpusPerTeam(),
              from,
              from.plusDays(Math.max(g.days(), 0)),
              g.budgetPerTeam()));
    }
    ledger.appendAll(first -> {
      if (recordedRound(ledger, funnel, round.id())) {
        throw UserError.of(
            "round " + round.id() + " of " + funnel + ": 지원 내역이 이미 기록되어 있습니다",
            "round " + round.id() + " of " + funnel + ": grants are already recorded");
      }
      if (gpu != null) {
        checkPool(gpu, round.id(), grantsOf(ledger, funnel), out);
      }
      return List.of(
          new Ledger.Draft(KIND, Map.of("funnel", funnel, "round", round.id(), "grants", out)));
    });
    return out;
  }

  /** Adds the new grants one by one to those recorded; the first that does not fit is named. */
  private static void checkPool(
      GpuRules gpu, String round, List<Granted> recorded, List<Granted> adding) {
    List<GpuPool.Use> uses = new ArrayList<>();
    recorded.forEach(x -> use(x).ifPresent(uses::add));
    for (Granted x : adding) {
      var u = use(x);
      if (u.isEmpty()) {
        continue;
      }
      uses.add(u.get());
      GpuPool.Shortfall s = GpuPool.first(gpu, uses);
      if (s != null) {
        int before = s.need() - x.gpus();
        throw new UserError(
            String.format(
                java.util.Locale.ROOT,
                "라운드 %s, 팀 %s: %s %d장을 더하면 %s에 GPU 풀이 %d장 부족합니다 (풀 %d장, 이미 배정 %d장);"
                    + " 아무것도 기록하지 않았습니다 / round %s, team %s: granting %d %s would exceed"
                    + " the pool by %d on %s (%s holds %d, %d already granted); nothing was"
                    + " recorded",
                round,
                x.team(),
                s.gpuType(),
                x.gpus(),
                s.day(),
                s.missing(),
                s.held(),
                before,
                round,
                x.team(),
                x.gpus(),
                s.gpuType(),
                s.missing(),
                s.day(),
                s.field(),
                s.held(),
                before));
      }
    }
  }

  private static java.util.Optional<GpuPool.Use> use(Granted g) {
    return g.gpus() > 0 && g.gpuType() != null
        ? java.util.Optional.of(new GpuPool.Use(g.team(), g.gpuType(), g.gpus(), g.from(), g.to()))
        : java.util.Optional.empty();
  }

  /** Every grant recorded in a funnel, all rounds. */
  private static List<Granted> grantsOf(Ledger ledger, String funnel) {
    List<Granted> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(KIND)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("funnel").asString().equals(funnel)) {
          p.path("grants").forEach(x -> out.add(CanonicalJson.read(x, Granted.class)));
        }
      }
    }
    return out;
  }

  /** The grants recorded after a round of a funnel. */
  public static List<Granted> recorded(Ledger ledger, String funnel, String round) {
    List<Granted> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(KIND)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("funnel").asString().equals(funnel)
            && p.path("round").asString().equals(round)) {
          p.path("grants").forEach(x -> out.add(CanonicalJson.read(x, Granted.class)));
        }
      }
    }
    return out;
  }

  /** Every grant to one team, oldest first. */
  public static List<Granted> of(Ledger ledger, String team) {
    List<Granted> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(KIND)) {
        for (JsonNode x : CanonicalJson.parse(e.payload()).path("grants")) {
          if (x.path("team").asString().equals(team)) {
            out.add(CanonicalJson.read(x, Granted.class));
          }
        }
      }
    }
    return out;
  }

  // A round that selected nobody records an empty grant list: still "recorded".
  private static boolean recordedRound(Ledger ledger, String funnel, String round) {
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(KIND)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("funnel").asString().equals(funnel)
            && p.path("round").asString().equals(round)) {
          return true;
        }
      }
    }
    return false;
  }
}
