package kr.gukdae.resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;

/**
 * Joint data purchase: each team ranks the offers it wants; an offer ranked r-th of n earns n − r +
 * 1 points, and the purchase set is the one with the most points within the budget (a 0/1 knapsack
 * over prices in units of one million KRW; ties go to the cheaper set, then offer ids).
 */
public final class DataPurchase {

  private static final long UNIT = 1_000_000L;

  private DataPurchase() {}

  public record Offer(String id, String supplier, long price) {
    public Offer {
      Ids.check(id, "id");
      if (price <= 0) {
        throw UserError.of(id + ": price는 0보다 커야 합니다 (원)", id + ": price must be above 0 (KRW)");
      }
    }
  }

  public record Wish(String team, List<String> ranked) {
    public Wish {
      Ids.check(team, "team");
      ranked = List.copyOf(ranked);
    }
  }

  public record Plan(
      long budget,
      List<String> bought,
      long spent,
      Map<String, Integer> points,
      List<String> unmet) {}

  public static Plan plan(long budget, List<Offer> offers, List<Wish> wishes) {
    Map<String, Offer> byId = new HashMap<>();
    offers.forEach(o -> {
      if (byId.put(o.id(), o) != null) {
        throw UserError.of(
            "offers: id '" + o.id() + "'이(가) 두 번 나옵니다",
            "offers: id '" + o.id() + "' appears twice");
      }
    });
    Map<String, Integer> points = new java.util.TreeMap<>();
    for (Wish w : wishes) {
      for (int r = 0; r < w.ranked().size(); r++) {
        String id = w.ranked().get(r);
        if (!byId.containsKey(id)) {
          throw UserError.of(
              "wishes." + w.team() + "[" + r + "]: '" + id + "'은(는) 제안(offer)이 아닙니다",
              "wishes." + w.team() + "[" + r + "]: '" + id + "' is not an offer");
        }
        points.merge(id, w.ranked().size() - r, Integer::sum);
      }
    }
    List<Offer> wanted =
        offers.stream()
            .filter(o -> points.containsKey(o.id()))
            .sorted(java.util.Comparator.comparing(Offer::id))
            .toList();
    int cap = (int) Math.min(budget / UNIT, 1_000_000);
    int n = wanted.size();
    long[][] best = new long[n + 1][cap + 1];
    for (int i = 1; i <= n; i++) {
      Offer o = wanted.get(i - 1);
      long value = points.getOrDefault(o.id(), 0) * 1_000_000_000L; // wanted: ids with points
      int w = (int) Math.min((o.price() + UNIT - 1) / UNIT, Integer.MAX_VALUE);
      for (int c = 0; c <= cap; c++) {
        best[i][c] = best[i - 1][c];
        if (w <= c) {
          // Points scaled up, minus price units: more points first, then the cheaper set.
          long with = best[i - 1][c - w] + value - w;
          best[i][c] = Math.max(best[i][c], with);
        }
      }
    }
    List<String> bought = new ArrayList<>();
    int c = cap;
    for (int i = n; i >= 1; i--) {
      if (best[i][c] != best[i - 1][c]) {
        Offer o = wanted.get(i - 1);
        bought.add(o.id());
        c -= (int) ((o.price() + UNIT - 1) / UNIT);
      }
    }
    bought.sort(null);
    long spent = wanted.stream().filter(o -> bought.contains(o.id())).mapToLong(Offer::price).sum();
    List<String> unmet = wanted.stream().map(Offer::id).filter(id -> !bought.contains(id)).toList();
    return new Plan(budget, bought, spent, points, unmet);
  }
}
