package kr.gukdae.resources;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.stage.StageResult;

/**
 * The compute ledger: allocations that follow stage outcomes, GPU-hours in the reference unit, and
 * promised against delivered capacity, so a slow period is credited and an unused one reclaimed.
 */
public final class Compute {

  private Compute() {}

  /**
   * The next stage's allocations: each team that continues (and each team added by an extra call)
   * gets the stage's quota. More GPUs than the pool holds is a {@link UserError}.
   */
  public static List<Allocation> allocate(
      GpuRules rules, StageResult decision, int nextStage, LocalDate from, LocalDate to) {
    List<String> teams = new ArrayList<>(decision.survivors());
    decision.addedByExtraCall().stream().filter(t -> !teams.contains(t)).forEach(teams::add);
    return allocate(rules, teams, nextStage, from, to);
  }

  /**
   * The one rule every recorded outcome follows (a stage decision, a portfolio decision): each
   * continuing team gets every quota {@code resources.gpu.quotas} names for the stage it enters,
   * and all of them together must fit the pool. A stage without quotas is a {@link UserError}.
   */
  public static List<Allocation> allocate(
      GpuRules rules, List<String> continuing, int nextStage, LocalDate from, LocalDate to) {
    List<GpuRules.Quota> quotas =
        rules.quotas().stream().filter(q -> q.stage() == nextStage).toList();
    if (quotas.isEmpty()) {
      throw UserError.of(
          "resources.gpu.quotas에 단계 " + nextStage + "의 할당량이 없습니다",
          "resources.gpu.quotas has no quota for stage " + nextStage);
    }
    List<Allocation> out = new ArrayList<>();
    for (String team : continuing) {
      for (GpuRules.Quota q : quotas) {
        out.add(new Allocation(team, q.gpuType(), q.perTeam(), from, to, q.mode()));
      }
    }
    checkPool(rules, out);
    return out;
  }

  /** A numbered stage's allocations, recorded by {@link StageAllocations#allocate}. */
  public static final String ALLOCATION = "resources.allocation";

  /**
   * Allocations that follow a portfolio decision; a kind of their own, because a portfolio is not
   * numbered like the stages of the programme that shares the ledger.
   */
  public static final String PORTFOLIO_ALLOCATION = "resources.portfolioAllocation";

  /** Refuses allocations that together exceed the pool of any type on any day. */
  public static void checkPool(GpuRules rules, List<Allocation> allocations) {
    GpuPool.Shortfall s = GpuPool.first(rules, allocations.stream().map(GpuPool.Use::of).toList());
    if (s != null) {
      throw UserError.of(
          "배정이 풀을 넘습니다: "
              + s.day()
              + "부터 "
              + s.gpuType()
              + " "
              + s.need()
              + "장이 동시에 필요하지만 "
              + s.field()
              + "은(는) "
              + (s.pool() == null ? "설정되지 않았습니다" : s.held() + "입니다"),
          "allocations beyond the pool: "
              + s.need()
              + " "
              + s.gpuType()
              + " at once (from "
              + s.day()
              + ") but "
              + s.field()
              + " is "
              + (s.pool() == null ? "not set" : s.held()));
    }
  }

  /** One team's account in reference GPU-hours. */
  public record TeamAccount(
      String team,
      double promised,
      double delivered,
      double credit,
      double reclaimed,
      List<String> notes) {}

  /** Accounts per team; credit = promised − delivered; reclaimed = unused part below the rule. */
  public static List<TeamAccount> account(
      GpuRules rules, List<Allocation> allocations, List<UsageReport> reports) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    for (Allocation a : allocations) {
      double rate = rules.rate(a.gpuType());
      double[] s = sums.computeIfAbsent(a.team(), t -> new double[4]);
      notes.computeIfAbsent(a.team(), t -> new ArrayList<>());
      double promised = a.count() * a.hours() * rate;
      s[0] += promised;
      double delivered = promised;
      for (UsageReport r : reports) {
        if (!r.team().equals(a.team()) || !r.gpuType().equals(a.gpuType())) {
          continue;
        }
        long overlap = overlapDays(a.from(), a.to(), r.from(), r.to());
        if (overlap == 0) {
          continue;
        }
        double part = a.count() * overlap * 24.0 * rate;
        double shortfall = part * (1 - r.delivered());
        delivered -= shortfall;
        if (shortfall > 0) {
          notes
              .get(a.team())
              .add(
                  String.format(
                      java.util.Locale.ROOT,
                      "%s %s-%s delivered %.0f%%: %.0f reference GPU-hours credited",
                      a.gpuType(),
                      r.from(),
                      r.to(),
                      r.delivered() * 100,
                      shortfall));
        }
        if (rules.reclaimBelowUtilisation() > 0
            && r.utilisation() < rules.reclaimBelowUtilisation()) {
          double unused = part * r.delivered() * (1 - r.utilisation());
          s[3] += unused;
          notes
              .get(a.team())
              .add(
                  String.format(
                      java.util.Locale.ROOT,
                      "%s %s-%s used %.0f%% (< %.0f%%): %.0f reference GPU-hours reclaimed",
                      a.gpuType(),
                      r.from(),
                      r.to(),
                      r.utilisation() * 100,
                      rules.reclaimBelowUtilisation() * 100,
                      unused));
        }
      }
      s[1] += delivered;
      s[2] += promised - delivered;
    }
    List<TeamAccount> out = new ArrayList<>();
    sums.forEach((team, s) ->
        out.add(
            new TeamAccount(
                team,
                round(s[0]),
                round(s[1]),
                round(s[2]),
                round(s[3]),
                notes.getOrDefault(team, List.of()))));
    return out;
  }

  private static long overlapDays(LocalDate a0, LocalDate a1, LocalDate b0, LocalDate b1) {
    LocalDate from = a0.isAfter(b0) ? a0 : b0;
    LocalDate to = a1.isBefore(b1) ? a1 : b1;
    return to.isAfter(from) ? ChronoUnit.DAYS.between(from, to) : 0;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
