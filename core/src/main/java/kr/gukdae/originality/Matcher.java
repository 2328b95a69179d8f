package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs candidate tensors with reference tensors by name: first by normalised name and equal shape,
 * then, for what is left, by equal shape in layer order. Used for the null (independent models of
 * one architecture) and as the last resort after {@link Aligner}'s content matching.
 */
final class Matcher {

  record Pair(
      TensorInfo candidate,
      TensorInfo reference,
      String component,
      boolean norm,
      Findings.MatchedBy matchedBy) {}

  private Matcher() {}

  static List<Pair> match(WeightModel candidate, WeightModel reference) {
    Map<String, TensorInfo> refByName = new HashMap<>();
    for (TensorInfo t : reference.tensors()) {
      refByName.putIfAbsent(TensorNames.normalize(t.name()), t);
    }
    List<Pair> pairs = new ArrayList<>();
    List<TensorInfo> unmatched = new ArrayList<>();
    Set<TensorInfo> usedRefs = new HashSet<>();
    for (TensorInfo c : candidate.tensors()) {
      String normalized = TensorNames.normalize(c.name());
      TensorInfo r = refByName.get(normalized);
      if (r != null && Arrays.equals(r.shape(), c.shape()) && usedRefs.add(r)) {
        pairs.add(pair(c, r, normalized, Findings.MatchedBy.NAME));
      } else {
        unmatched.add(c);
      }
    }
    pairs.addAll(byShape(unmatched, reference, usedRefs));
    return pairs;
  }

  /** What is left pairs with unused reference tensors of equal shape, in layer order. */
  static List<Pair> byShape(List<TensorInfo> left, WeightModel reference, Set<TensorInfo> used) {
    Map<String, List<TensorInfo>> refsByShape = new LinkedHashMap<>();
    reference.tensors().stream()
        .filter(t -> !used.contains(t))
        .sorted(Comparator.comparing(t -> TensorNames.orderKey(TensorNames.normalize(t.name()))))
        .forEach(t -> refsByShape.computeIfAbsent(t.shapeText(), k -> new ArrayList<>()).add(t));
    List<TensorInfo> unmatched = new ArrayList<>(left);
    unmatched.sort(
        Comparator.comparing(t -> TensorNames.orderKey(TensorNames.normalize(t.name()))));
    List<Pair> pairs = new ArrayList<>();
    for (TensorInfo c : unmatched) {
      List<TensorInfo> sameShape = refsByShape.get(c.shapeText());
      if (sameShape != null && !sameShape.isEmpty()) {
        TensorInfo r = sameShape.remove(0);
        used.add(r);
        pairs.add(pair(c, r, TensorNames.normalize(c.name()), Findings.MatchedBy.SHAPE));
      }
    }
    return pairs;
  }

  static Pair pair(TensorInfo c, TensorInfo r, String normalized, Findings.MatchedBy by) {
    long[] shape = c.shape();
    return new Pair(
        c, r, TensorNames.component(normalized, shape), TensorNames.isNorm(normalized, shape), by);
  }
}
