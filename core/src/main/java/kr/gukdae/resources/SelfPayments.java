package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import kr.gukdae.openness.OpenSourceCheck;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Self-payment (자부담) kept in step with the open-source level: each team's consortium plan is
 * recorded per call with the call's table, and every recorded level change, whatever path checked
 * the release (REST, CLI, with or without a stage date), recomputes every recorded plan of the team
 * in the same ledger batch: old and new level, old and new shares per member, cash and in-kind.
 * Each recorded recomputation replays from its recorded plan and table.
 */
public final class SelfPayments {

  public static final String PLAN = "resources.selfPaymentPlan";

  private SelfPayments() {}

  /** A team's consortium plan for a call, with the call's self-payment table it is paid under. */
  public record Planned(String call, SelfPayment.Plan plan, SelfPaymentTable table) {}

  /** One member's self-payment (KRW) and its cash and in-kind parts. */
  public record Share(long total, long cash, long inKind) {}

  /** A member's share before the level change (null at the first checked level) and after it. */
  public record MemberShare(String organisation, @Nullable Share before, Share after) {}

  /**
   * A recomputation recorded with the level change at {@code levelSeq}: the plan and table it used,
   * the results at the old and new level and each member's old and new share.
   */
  public record Change(
      String call,
      String team,
      long levelSeq,
      LocalDate checkedOn,
      @Nullable OpenLevel from,
      OpenLevel to,
      SelfPayment.Plan plan,
      SelfPaymentTable table,
      SelfPayment.@Nullable Result before,
      SelfPayment.Result after,
      List<MemberShare> members) {
    public Change {
      Objects.requireNonNull(to, "to");
      members = List.copyOf(members);
    }
  }

  /**
   * A recomputation recorded before plans were kept: the team, the level change, why, and the
   * results before and after (no plan, no table); see {@link LegacySelfPayment}.
   */
  public record Legacy(
      String team,
      OpenLevel from,
      OpenLevel to,
      String why,
      SelfPayment.Result before,
      SelfPayment.Result after) {}

  /**
   * A recorded recomputation and whether it recomputes from what it recorded: {@code change} in the
   * current shape, {@code legacy} in the former one (null when an edit made it unreadable).
   */
  public record Replayed(
      long seq, @Nullable Change change, @Nullable Legacy legacy, boolean matches) {}

  /**
   * Records a team's plan for a call under the call's table; refused (nothing recorded) when the
   * table cannot price it at every open-source level, so no later level change can fail on it.
   * Returns the self-payment at the team's current level, or null when none is checked yet.
   */
  public static SelfPayment.@Nullable Result plan(
      Ledger ledger, String call, SelfPaymentTable table, SelfPayment.Plan plan) {
    for (OpenLevel level : OpenLevel.values()) {
      SelfPayment.compute(table, level, plan);
    }
    Planned planned = new Planned(call, plan, table);
    if (!planned.equals(plans(ledger, plan.team()).get(call))) {
      ledger.append(PLAN, planned);
    }
    OpenLevel now = OpenLevelHistory.current(ledger, plan.team());
    return now == null ? null : SelfPayment.compute(table, now, plan);
  }

  /** The team's latest recorded plan per call. */
  public static Map<String, Planned> plans(Ledger ledger, String team) {
    Map<String, Planned> out = new TreeMap<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(PLAN)) {
        Planned p = CanonicalJson.read(CanonicalJson.parse(e.payload()), Planned.class);
        if (p.plan().team().equals(team)) {
          out.put(p.call(), p);
        }
      }
    }
    return out;
  }

  /**
   * Records a checked level when it changed, and in the same batch the team's self-payment under
   * every recorded plan at the new level; the one path every open-source check takes.
   */
  public static Checked check(
      Ledger ledger, String team, LocalDate checkedOn, OpenSourceCheck.Finding finding) {
    Checked[] out = new Checked[1];
    ledger.appendAll(first -> {
      var drafted = OpenLevelHistory.draft(ledger, team, checkedOn, finding);
      if (drafted == null) {
        out[0] = new Checked(finding, null, List.of());
        return List.of();
      }
      List<Ledger.Draft> drafts = new ArrayList<>(List.of(drafted.draft()));
      List<Change> changes = new ArrayList<>();
      for (Planned p : plans(ledger, team).values()) {
        Change c = recompute(p, first, checkedOn, drafted.change().from(), drafted.change().to());
        changes.add(c);
        drafts.add(new Ledger.Draft(SelfPayment.KIND, Map.of("change", c)));
      }
      out[0] = new Checked(finding, drafted.change(), changes);
      return drafts;
    });
    return out[0];
  }

  /** What a check found, the level change recorded (null: unchanged) and what it recomputed. */
  public record Checked(
      OpenSourceCheck.Finding finding,
      OpenLevelHistory.@Nullable Change level,
      List<Change> selfPayment) {}

  static Change recompute(
      Planned p, long levelSeq, LocalDate on, @Nullable OpenLevel from, OpenLevel to) {
    SelfPayment.Result before =
        from == null ? null : SelfPayment.compute(p.table(), from, p.plan());
    SelfPayment.Result after = SelfPayment.compute(p.table(), to, p.plan());
    Map<String, Share> old = shares(before);
    List<MemberShare> members = new ArrayList<>();
    shares(after).forEach((org, now) -> members.add(new MemberShare(org, old.get(org), now)));
    return new Change(
        p.call(),
        p.plan().team(),
        levelSeq,
        on,
        from,
        to,
        p.plan(),
        p.table(),
        before,
        after,
        members);
  }

  private static Map<String, Share> shares(SelfPayment.@Nullable Result r) {
    Map<String, Share> out = new LinkedHashMap<>();
    if (r != null) {
      for (SelfPayment.Line l : r.lines()) {
        out.merge(
            l.organisation(),
            new Share(l.selfPayment(), l.cash(), l.inKind()),
            (a, b) ->
                new Share(a.total() + b.total(), a.cash() + b.cash(), a.inKind() + b.inKind()));
      }
    }
    return out;
  }

  /**
   * Every recorded recomputation of the team, each recomputed from its recorded plan and table and
   * the level change it names (which must be that team's change between the same levels); the
   * comparison is with the recorded JSON, so an edited share, rate or amount shows as a mismatch.
   * Recomputations in the former shape are read and replayed in it ({@link LegacySelfPayment}), so
   * none is left out.
   */
  public static List<Replayed> replay(Ledger ledger, String team) {
    Map<Long, LedgerEntry> bySeq = new TreeMap<>();
    ledger.entries().forEach(e -> bySeq.put(e.seq(), e));
    List<Replayed> out = new ArrayList<>();
    for (LedgerEntry e : bySeq.values()) {
      if (!e.kind().equals(SelfPayment.KIND)) {
        continue;
      }
      JsonNode payload = CanonicalJson.parse(e.payload());
      if (LegacySelfPayment.is(payload)) {
        if (LegacySelfPayment.team(payload).equals(team)) {
          out.add(LegacySelfPayment.replay(e, bySeq));
        }
        continue;
      }
      JsonNode n = payload.path("change");
      if (!n.path("team").asString().equals(team)) {
        continue;
      }
      Change c;
      try {
        c = CanonicalJson.read(n, Change.class);
      } catch (RuntimeException edited) {
        out.add(new Replayed(e.seq(), null, null, false));
        continue;
      }
      boolean matches = levelChangeIs(bySeq.get(c.levelSeq()), c);
      if (matches) {
        try {
          Change again =
              recompute(
                  new Planned(c.call(), c.plan(), c.table()),
                  c.levelSeq(),
                  c.checkedOn(),
                  c.from(),
                  c.to());
          matches = CanonicalJson.of(again).equals(CanonicalJson.of(n));
        } catch (UserError | IllegalArgumentException edited) {
          matches = false;
        }
      }
      out.add(new Replayed(e.seq(), c, null, matches));
    }
    return out;
  }

  private static boolean levelChangeIs(@Nullable LedgerEntry level, Change c) {
    if (level == null || !level.kind().equals(OpenLevelHistory.KIND)) {
      return false;
    }
    JsonNode l = CanonicalJson.parse(level.payload()).path("change");
    return l.path("team").asString().equals(c.team())
        && l.path("to").asString().equals(c.to().name())
        && (c.from() == null
            ? l.path("from").isNull() || l.path("from").isMissingNode()
            : l.path("from").asString().equals(c.from().name()));
  }
}
