package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Data and talent support recorded in the audit ledger: the call's joint data purchase (once), each
 * team's spending against its data budget, and overseas hires with the matching granted. Every
 * limit (joint budget, per-team budget, talent cap) is checked inside the ledger batch, under its
 * writer lock, so two offices recording at once cannot together pass a limit.
 */
public final class SupportLedger {

  public static final String PURCHASE = "resources.dataPurchase";
  public static final String SPENDING = "resources.dataSpending";
  public static final String HIRE = "resources.talentHire";

  private SupportLedger() {}

  /** What a team spent of its own data budget, on what, when. */
  public record Spending(String team, String item, long amount, LocalDate on) {
    public Spending {
      Ids.check(team, "team");
      if (item == null || item.isBlank()) {
        throw UserError.of(
            "item: 비어 있습니다. 무엇을 샀는지 적으세요", "item: required; say what the money bought");
      }
      if (amount <= 0) {
        throw UserError.of(
            "amount는 0보다 큰 금액(원)이어야 합니다 (받은 값 " + amount + ")",
            "amount must be above 0 (KRW), got " + amount);
      }
      Objects.requireNonNull(on, "on is required (YYYY-MM-DD)");
    }
  }

  /**
   * A team's data budget: the call's own per-team budget plus what later stages' recorded decisions
   * gave it ({@code terms}, each with the decision's seq), what it spent, what is left.
   */
  public record Budget(
      String team,
      long budget,
      long spent,
      long left,
      List<Spending> lines,
      List<SupportTerms.Term> terms) {}

  public record Purchase(
      List<DataPurchase.Offer> offers, List<DataPurchase.Wish> wishes, DataPurchase.Plan plan) {}

  /** The call's joint purchase from the offers and the teams' ranked wishes; recorded once. */
  public static DataPurchase.Plan purchase(
      Ledger ledger,
      String call,
      ResourceRules.DataRules rules,
      List<DataPurchase.Offer> offers,
      List<DataPurchase.Wish> wishes) {
    DataPurchase.Plan plan = DataPurchase.plan(rules.jointBudget(), offers, wishes);
    ledger.appendAll(first -> {
      if (purchase(ledger, call) != null) {
        throw new UserError(
            "공동구매가 이미 기록되었습니다 / call " + call + ": the joint purchase is already recorded");
      }
      return List.of(
          new Ledger.Draft(
              PURCHASE, Map.of("call", call, "purchase", new Purchase(offers, wishes, plan))));
    });
    return plan;
  }

  public static @Nullable Purchase purchase(Ledger ledger, String call) {
    for (JsonNode p : payloads(ledger, PURCHASE, call)) {
      return CanonicalJson.read(p.path("purchase"), Purchase.class);
    }
    return null;
  }

  /**
   * Records a spending; refused when it would take the team past its data budget, or when a later
   * stage's recorded decision dropped the team before the day it was spent. The terms are read
   * inside the batch, so a decision recorded at the same moment is seen.
   */
  public static Budget spend(
      Ledger ledger,
      String call,
      ResourceRules.DataRules rules,
      Spending s,
      SupportTerms.Source terms) {
    ledger.appendAll(first -> {
      SupportTerms t = terms.read(ledger);
      SupportTerms.Term ended = t.endedBy(s.team(), s.on());
      if (ended != null) {
        throw UserError.of(
            String.format(
                Locale.ROOT,
                "팀 %s의 데이터 지원은 %s에 끝났습니다 (원장 순번 %d의 결정이 단계 %d에 유지하지 않음); %s 지출은 기록하지 않았습니다",
                s.team(),
                ended.from(),
                ended.decisionSeq(),
                ended.stage(),
                s.on()),
            String.format(
                Locale.ROOT,
                "team %s: its data support ended on %s (the decision at ledger seq %d did not keep"
                    + " it for stage %d); the spending on %s was not recorded",
                s.team(),
                ended.from(),
                ended.decisionSeq(),
                ended.stage(),
                s.on()));
      }
      Budget before = budget(ledger, call, rules, s.team(), t);
      if (s.amount() > before.left()) {
        throw new UserError(
            String.format(
                Locale.ROOT,
                "팀 %s의 데이터 예산을 %,d원 넘습니다 (예산 %,d원, 사용 %,d원); 기록하지 않았습니다 / team %s:"
                    + " %,d KRW for %s exceeds the data budget by %,d KRW (budget %,d, spent %,d);"
                    + " nothing was recorded",
                s.team(),
                s.amount() - before.left(),
                before.budget(),
                before.spent(),
                s.team(),
                s.amount(),
                s.item(),
                s.amount() - before.left(),
                before.budget(),
                before.spent()));
      }
      return List.of(new Ledger.Draft(SPENDING, Map.of("call", call, "spending", s)));
    });
    return budget(ledger, call, rules, s.team(), terms.read(ledger));
  }

  public static Budget budget(
      Ledger ledger, String call, ResourceRules.DataRules rules, String team, SupportTerms terms) {
    List<Spending> lines = new ArrayList<>();
    for (JsonNode p : payloads(ledger, SPENDING, call)) {
      Spending s = CanonicalJson.read(p.path("spending"), Spending.class);
      if (s.team().equals(team)) {
        lines.add(s);
      }
    }
    long spent = lines.stream().mapToLong(Spending::amount).sum();
    long budget = rules.perTeamBudget() + terms.dataBudget(team);
    return new Budget(team, budget, spent, budget - spent, lines, terms.of(team));
  }

  /** A recorded hire and what was granted for it. */
  public record Hired(Talent.Hire hire, Talent.Line line) {}

  /**
   * Records a hire with the matching granted under the rules: hired after the call date, with a
   * contract, within the cap per team and year on top of what earlier hires got, continuing after
   * elimination until the programme's date. A person recorded twice for one year is refused. A
   * later stage's terms set the cap for the teams they keep and the elimination date of those they
   * drop, read inside the batch.
   */
  public static Hired hire(
      Ledger ledger,
      String call,
      ResourceRules.TalentRules rules,
      LocalDate callDate,
      Talent.Hire h,
      Map<String, LocalDate> eliminatedOn,
      SupportTerms.Source terms) {
    Hired[] out = new Hired[1];
    ledger.appendAll(first -> {
      SupportTerms t = terms.read(ledger);
      Map<String, LocalDate> gone = new java.util.TreeMap<>(eliminatedOn);
      t.droppedOn().forEach((team, on) -> gone.merge(team, on, (a, b) -> a.isBefore(b) ? a : b));
      Map<String, Long> granted = new HashMap<>();
      for (Hired x : hires(ledger, call)) {
        if (x.hire().team().equals(h.team())
            && x.hire().person().equals(h.person())
            && x.hire().year() == h.year()) {
          throw new UserError(
              "팀 "
                  + h.team()
                  + "의 "
                  + h.person()
                  + " ("
                  + h.year()
                  + "년)은 이미 기록되었습니다 / "
                  + h.team()
                  + "/"
                  + h.person()
                  + ": already recorded for "
                  + h.year());
        }
        granted.merge(x.line().team() + "/" + x.line().year(), x.line().granted(), Long::sum);
      }
      Talent.Line line =
          Talent.grant(
                  rules,
                  callDate,
                  List.of(h),
                  gone,
                  granted,
                  (team, year) -> t.talentCap(rules, team, year))
              .getFirst();
      out[0] = new Hired(h, line);
      return List.of(new Ledger.Draft(HIRE, Map.of("call", call, "hired", out[0])));
    });
    return out[0];
  }

  public static List<Hired> hires(Ledger ledger, String call) {
    List<Hired> out = new ArrayList<>();
    for (JsonNode p : payloads(ledger, HIRE, call)) {
      out.add(CanonicalJson.read(p.path("hired"), Hired.class));
    }
    return out;
  }

  /** When each team left the programme: the first recorded stage decision it did not survive. */
  public static Map<String, LocalDate> eliminatedOn(Ledger ledger) {
    Map<String, LocalDate> out = new java.util.TreeMap<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(kr.gukdae.stage.Stages.DECISION)) {
        kr.gukdae.stage.StageResult r = kr.gukdae.stage.Stages.decisionOf(e);
        for (kr.gukdae.stage.StageResult.TeamResult t : r.ranking()) {
          if (!r.survivors().contains(t.team())) {
            out.putIfAbsent(t.team(), e.timestamp().atZone(java.time.ZoneOffset.UTC).toLocalDate());
          }
        }
      }
    }
    return out;
  }

  /** Every team with a wish, a spending, a hire or terms recorded in the call. */
  public static java.util.Set<String> teams(Ledger ledger, String call, SupportTerms terms) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    terms.terms().forEach(t -> out.add(t.team()));
    Purchase bought = purchase(ledger, call);
    if (bought != null) {
      bought.wishes().forEach(w -> out.add(w.team()));
    }
    payloads(ledger, SPENDING, call)
        .forEach(p -> out.add(p.path("spending").path("team").asString()));
    hires(ledger, call).forEach(h -> out.add(h.hire().team()));
    return out;
  }

  private static List<JsonNode> payloads(Ledger ledger, String kind, String call) {
    List<JsonNode> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(kind)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        if (p.path("call").asString().equals(call)) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
