package kr.gukdae.arena;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Battles aggregated to counts per unordered model pair and result, so fitting and bootstrap
 * resampling cost grows with the number of pairs, not battles. Pair k joins models {@code i[k] <
 * j[k]}; its cells are {@code 3k} (i won), {@code 3k+1} (j won), {@code 3k+2} (tie) for battles of
 * weight 1. A battle with another weight goes to an extra cell per (pair, result, weight) after
 * those, so a multinomial draw over all cells still resamples battles with replacement, each drawn
 * battle keeping its weight. Without weighted battles the cells are exactly the unweighted ones.
 */
final class PairCounts {

  final String[] models;
  final int[] i;
  final int[] j;

  /** Battle counts: 3 per pair, then one per weighted cell. */
  final long[] cells;

  final int[] battlesPerModel;
  final long total;

  /** Weighted cell c (count in {@code cells[3·pairs + c]}): its pair, result (0–2) and weight. */
  private final int[] extraPair;

  private final int[] extraResult;
  private final double[] extraWeight;

  private PairCounts(
      String[] models, int[] i, int[] j, long[] cells, int[] perModel, long total, Extra extra) {
    this.models = models;
    this.i = i;
    this.j = j;
    this.cells = cells;
    this.battlesPerModel = perModel;
    this.total = total;
    this.extraPair = Arrays.copyOf(extra.pair, extra.size);
    this.extraResult = Arrays.copyOf(extra.result, extra.size);
    this.extraWeight = Arrays.copyOf(extra.weight, extra.size);
  }

  /** Growing lists of weighted cells while aggregating. */
  private static final class Extra {
    final Map<Extra.Key, Integer> index = new HashMap<>();
    int[] pair = new int[0];
    int[] result = new int[0];
    double[] weight = new double[0];
    long[] count = new long[0];
    int size;

    record Key(int pair, int result, double weight) {}

    void add(int k, int cell, double w) {
      int c = index.computeIfAbsent(new Key(k, cell, w), key -> size);
      if (c == size) {
        if (size == pair.length) {
          int n = Math.max(8, size * 2);
          pair = Arrays.copyOf(pair, n);
          result = Arrays.copyOf(result, n);
          weight = Arrays.copyOf(weight, n);
          count = Arrays.copyOf(count, n);
        }
        pair[c] = k;
        result[c] = cell;
        weight[c] = w;
        size++;
      }
      count[c]++;
    }
  }

  static PairCounts of(List<Battle> battles) {
    Map<String, Integer> index = new HashMap<>();
    for (Battle b : battles) {
      index.putIfAbsent(b.modelA(), 0);
      index.putIfAbsent(b.modelB(), 0);
    }
    String[] models = index.keySet().toArray(String[]::new);
    Arrays.sort(models); // a stable model order keeps results independent of file order
    for (int k = 0; k < models.length; k++) {
      index.put(models[k], k);
    }
    int p = models.length;
    // Dense pair lookup for usual sizes; a map only for very many models.
    int @Nullable [] dense = (long) p * p <= 1 << 24 ? new int[p * p] : null;
    Map<Long, Integer> sparse = new HashMap<>();
    int[] pi = new int[16];
    int[] pj = new int[16];
    long[] cells = new long[48];
    int[] perModel = new int[p];
    int pairs = 0;
    Extra extra = new Extra();
    for (Battle b : battles) {
      int a = OnlineElo.indexOf(index, b.modelA());
      int c = OnlineElo.indexOf(index, b.modelB());
      perModel[a]++;
      perModel[c]++;
      int lo = Math.min(a, c);
      int hi = Math.max(a, c);
      int k = dense != null ? dense[lo * p + hi] - 1 : sparse.getOrDefault((long) lo * p + hi, -1);
      if (k < 0) {
        if (pairs == pi.length) {
          pi = Arrays.copyOf(pi, pairs * 2);
          pj = Arrays.copyOf(pj, pairs * 2);
          cells = Arrays.copyOf(cells, pairs * 6);
        }
        k = pairs++;
        if (dense != null) {
          dense[lo * p + hi] = k + 1;
        } else {
          sparse.put((long) lo * p + hi, k);
        }
        pi[k] = lo;
        pj[k] = hi;
      }
      int cell;
      if (b.outcome().isTie()) {
        cell = 2;
      } else {
        boolean aWon = b.outcome() == Outcome.MODEL_A;
        cell = (aWon == (a == lo)) ? 0 : 1;
      }
      if (b.weight() == 1.0) {
        cells[3 * k + cell]++;
      } else {
        extra.add(k, cell, b.weight());
      }
    }
    long[] all = Arrays.copyOf(cells, pairs * 3 + extra.size);
    System.arraycopy(extra.count, 0, all, pairs * 3, extra.size);
    return new PairCounts(
        models,
        Arrays.copyOf(pi, pairs),
        Arrays.copyOf(pj, pairs),
        all,
        perModel,
        battles.size(),
        extra);
  }

  int modelCount() {
    return models.length;
  }

  int pairCount() {
    return i.length;
  }

  /**
   * Win weights of i and of j per pair from cell counts: each battle adds its weight to the winner,
   * a tie half its weight to each side.
   */
  void weights(long[] counts, double[] wi, double[] wj) {
    for (int k = 0; k < wi.length; k++) {
      double half = 0.5 * counts[3 * k + 2];
      wi[k] = counts[3 * k] + half;
      wj[k] = counts[3 * k + 1] + half;
    }
    int base = 3 * wi.length;
    for (int c = 0; c < extraPair.length; c++) {
      double w = extraWeight[c] * counts[base + c];
      int k = extraPair[c];
      switch (extraResult[c]) {
        case 0 -> wi[k] += w;
        case 1 -> wj[k] += w;
        default -> {
          wi[k] += 0.5 * w;
          wj[k] += 0.5 * w;
        }
      }
    }
  }

  /** Games per model implied by cell counts (for spotting models a resample left out). */
  int[] games(long[] counts) {
    long[] perPair = new long[i.length];
    for (int k = 0; k < i.length; k++) {
      perPair[k] = counts[3 * k] + counts[3 * k + 1] + counts[3 * k + 2];
    }
    for (int c = 0; c < extraPair.length; c++) {
      perPair[extraPair[c]] += counts[3 * i.length + c];
    }
    int[] games = new int[models.length];
    for (int k = 0; k < i.length; k++) {
      games[i[k]] += (int) perPair[k];
      games[j[k]] += (int) perPair[k];
    }
    return games;
  }
}
