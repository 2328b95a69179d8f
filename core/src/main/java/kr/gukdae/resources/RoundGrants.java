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
   * process or another on the same database) is refused under the ledger's writer lock.
   */
  public static List<Granted> grant(
      Ledger ledger, String funnel, Round round, RoundResult decision, LocalDate from) {
    Round.Grant g = round.grant();
    if (g == null) {
      throw new UserError("round " + round.id() + " grants nothing (it has no grant in the file)");
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
        throw new UserError(
            "round " + round.id() + " of " + funnel + ": grants are already recorded");
      }
      return List.of(
          new Ledger.Draft(KIND, Map.of("funnel", funnel, "round", round.id(), "grants", out)));
    });
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
