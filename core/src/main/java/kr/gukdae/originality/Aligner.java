package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pairs candidate tensors with reference tensors by content, so renumbered, reordered, skipped and
 * duplicated layers are found. One cheap pass reads a {@link Probe} of every tensor; each candidate
 * block (all tensors under {@code layers.N.}) then takes the reference block of the same stack
 * whose probes agree best (many candidate blocks may take one reference block: depth up-scaling),
 * if that agreement is far beyond chance. Only the pairs chosen here are compared in full.
 */
final class Aligner {

  /** Block agreement that counts as a match: the null gives a few hundredths, copies ~1. */
  static final double BLOCK_MIN = 0.25;

  /** A lone tensor (not in a matched block) found by content alone needs more. */
  static final double TENSOR_MIN = 0.5;

  /** Reference tensors tried for one renamed candidate tensor. */
  private static final int CANDIDATES = 512;

  /** A same-index block within this of the best keeps its index (no spurious renumbering). */
  private static final double TIE = 0.02;

  private static final Pattern BLOCK = Pattern.compile("^(.*?layers)\\.(\\d+)\\.(.+)$");

  record Result(List<Matcher.Pair> pairs, List<Findings.BlockMatch> mapping) {}

  private record Slot(String stack, int index, String role) {}

  private Aligner() {}

  static Result align(WeightModel candidate, WeightModel reference, Map<TensorInfo, Probe> probes) {
    Map<String, TreeMap<Integer, Map<String, TensorInfo>>> candBlocks = blocks(candidate);
    Map<String, TreeMap<Integer, Map<String, TensorInfo>>> refBlocks = blocks(reference);
    Map<String, Integer> mapped = new HashMap<>();
    List<Findings.BlockMatch> mapping = new ArrayList<>();
    candBlocks.forEach((stack, cand) -> {
      TreeMap<Integer, Map<String, TensorInfo>> ref = refBlocks.get(stack);
      if (ref == null) {
        return;
      }
      for (Map.Entry<Integer, Map<String, TensorInfo>> c : cand.entrySet()) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Integer, Map<String, TensorInfo>> r : ref.entrySet()) {
          double s = blockSimilarity(c.getValue(), r.getValue(), probes);
          if (s > bestScore) {
            bestScore = s;
            best = r.getKey();
          }
        }
        Map<String, TensorInfo> same = ref.get(c.getKey());
        if (same != null
            && best != c.getKey()
            && blockSimilarity(c.getValue(), same, probes) >= bestScore - TIE) {
          best = c.getKey();
        }
        boolean found = bestScore >= BLOCK_MIN;
        mapping.add(new Findings.BlockMatch(stack, c.getKey(), found ? best : -1, bestScore));
        if (found) {
          mapped.put(stack + "#" + c.getKey(), best);
        }
      }
    });
    return new Result(pairs(candidate, reference, refBlocks, mapped, probes), mapping);
  }

  private static List<Matcher.Pair> pairs(
      WeightModel candidate,
      WeightModel reference,
      Map<String, TreeMap<Integer, Map<String, TensorInfo>>> refBlocks,
      Map<String, Integer> mapped,
      Map<TensorInfo, Probe> probes) {
    Map<String, TensorInfo> refByName = new HashMap<>();
    reference.tensors().forEach(t -> refByName.putIfAbsent(TensorNames.normalize(t.name()), t));
    Set<TensorInfo> used = new HashSet<>();
    List<Matcher.Pair> pairs = new ArrayList<>();
    List<TensorInfo> left = new ArrayList<>();
    for (TensorInfo c : candidate.tensors()) {
      String name = TensorNames.normalize(c.name());
      Slot slot = slot(name);
      Integer to = slot == null ? null : mapped.get(slot.stack() + "#" + slot.index());
      TensorInfo r = null;
      Findings.MatchedBy by = Findings.MatchedBy.NAME;
      var stack = slot == null ? null : refBlocks.get(slot.stack());
      var block = stack == null || to == null ? null : stack.get(to);
      if (slot != null && to != null && block != null) {
        r = block.get(slot.role());
        by = to == slot.index() ? Findings.MatchedBy.NAME : Findings.MatchedBy.CONTENT;
      }
      if (r == null) {
        r = refByName.get(name);
        by = Findings.MatchedBy.NAME;
      }
      if (r == null) {
        left.add(c);
        continue;
      }
      used.add(r);
      pairs.add(Matcher.pair(c, r, name, by));
    }
    // renamed tensors: the reference tensor whose probe agrees best, if far beyond chance; only
    // tensors with as many columns are tried, at most CANDIDATES of them, so that a checkpoint
    // whose every name was scrambled still costs bounded time
    Map<Long, List<TensorInfo>> byCols = new HashMap<>();
    reference
        .tensors()
        .forEach(r -> byCols.computeIfAbsent(r.cols(), k -> new ArrayList<>()).add(r));
    List<TensorInfo> stillLeft = new ArrayList<>();
    for (TensorInfo c : left) {
      TensorInfo best = null;
      double bestScore = TENSOR_MIN;
      List<TensorInfo> tries = byCols.getOrDefault(c.cols(), List.of());
      for (TensorInfo r : tries.subList(0, Math.min(CANDIDATES, tries.size()))) {
        if (r.rank() == c.rank() && probe(probes, c).overlap(probe(probes, r)) >= 64) {
          double s = probe(probes, c).similarity(probe(probes, r));
          if (s >= bestScore) {
            bestScore = s;
            best = r;
          }
        }
      }
      if (best == null) {
        stillLeft.add(c);
      } else {
        used.add(best);
        pairs.add(
            Matcher.pair(c, best, TensorNames.normalize(c.name()), Findings.MatchedBy.CONTENT));
      }
    }
    pairs.addAll(Matcher.byShape(stillLeft, reference, used));
    return pairs;
  }

  /** Parameter-weighted probe agreement of two blocks over the roles both have (matrices only). */
  static double blockSimilarity(
      Map<String, TensorInfo> cand, Map<String, TensorInfo> ref, Map<TensorInfo, Probe> probes) {
    boolean matrices = cand.values().stream().anyMatch(t -> t.rank() >= 2);
    // MoE experts can be reordered freely and number in the hundreds per block: the block is
    // recognised by its attention and shared parts when it has any
    boolean shared =
        cand.entrySet().stream()
            .anyMatch(e -> e.getValue().rank() >= 2 && !e.getKey().contains("experts."));
    double sum = 0;
    double weight = 0;
    for (Map.Entry<String, TensorInfo> e : cand.entrySet()) {
      TensorInfo r = ref.get(e.getKey());
      TensorInfo c = e.getValue();
      if (r == null || (matrices && c.rank() < 2) || (shared && e.getKey().contains("experts."))) {
        continue;
      }
      Probe pc = probe(probes, c);
      Probe pr = probe(probes, r);
      if (pc.overlap(pr) < 16) {
        continue;
      }
      double w = Math.min(c.elements(), r.elements());
      sum += w * pc.similarity(pr);
      weight += w;
    }
    return weight == 0 ? Double.NEGATIVE_INFINITY : sum / weight;
  }

  private static Map<String, TreeMap<Integer, Map<String, TensorInfo>>> blocks(WeightModel m) {
    Map<String, TreeMap<Integer, Map<String, TensorInfo>>> out = new LinkedHashMap<>();
    for (TensorInfo t : m.tensors()) {
      Slot s = slot(TensorNames.normalize(t.name()));
      if (s != null) {
        out.computeIfAbsent(s.stack(), k -> new TreeMap<>())
            .computeIfAbsent(s.index(), k -> new LinkedHashMap<>())
            .put(s.role(), t);
      }
    }
    return out;
  }

  /** Originality probes every tensor of both models before aligning them. */
  static Probe probe(Map<TensorInfo, Probe> probes, TensorInfo t) {
    Probe p = probes.get(t);
    if (p == null) {
      throw new IllegalStateException("bug: tensor " + t.name() + " was not probed");
    }
    return p;
  }

  private static @Nullable Slot slot(String normalized) {
    java.util.regex.Matcher m = BLOCK.matcher(normalized);
    if (!m.matches() || m.group(2).length() > 6) {
      return null;
    }
    return new Slot(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
  }
}
