package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.gukdae.Bilingual;
import kr.gukdae.originality.Findings.ComponentSummary;
import kr.gukdae.originality.Findings.Level;
import kr.gukdae.originality.Findings.TensorEvidence;

/**
 * Turns tensor evidence into the programme's verdict against one reference. A tensor is COPIED at
 * Pearson ≥ 0.99 with relative L2 within storage rounding (2%, or the coarser dtype's own rounding
 * for 8-bit floats), DERIVED at Pearson ≥ 0.5, WEAK at ≥ 0.1 — each only if its calibrated p-value
 * beats 0.001 divided by the number of tensors compared (Bonferroni). Pearson here is the robust
 * (winsorised, finite-only) one.
 */
final class Judge {

  static final double COPIED_PEARSON = 0.99;
  static final double COPIED_REL_L2 = 0.02;
  static final double DERIVED_PEARSON = 0.5;
  static final double WEAK_PEARSON = 0.1;
  static final double MAJORITY = 0.5;

  /** IDENTICAL and QUANTISED COPY speak of the whole model: this share of what was compared. */
  static final double WHOLE = 0.9;

  /** Less than this share of the candidate compared says nothing about the rest. */
  static final double MIN_COVERAGE = 0.5;

  /** What the candidate holds: all parameters, and those inside repeated blocks (the body). */
  record Scope(long parameters, long bodyParameters) {}

  private Judge() {}

  static Level level(TensorStats s, DType cand, DType ref, double log10p, int comparisons) {
    boolean significant = log10p < Math.log10(0.001 / Math.max(1, comparisons));
    if (!significant) {
      return Level.UNRELATED;
    }
    if (s.pearson() >= COPIED_PEARSON
        && s.relL2() <= Math.max(COPIED_REL_L2, 2 * rounding(cand, ref))) {
      return Level.COPIED;
    }
    if (s.pearson() >= DERIVED_PEARSON) {
      return Level.DERIVED;
    }
    return s.pearson() >= WEAK_PEARSON ? Level.WEAK : Level.UNRELATED;
  }

  /** Relative RMS error of rounding to the coarser of two float types (0 for integers). */
  static double rounding(DType a, DType b) {
    return Math.max(rounding(a), rounding(b));
  }

  private static double rounding(DType t) {
    int mantissa =
        switch (t) {
          case F64 -> 52;
          case F32 -> 23;
          case F16 -> 10;
          case BF16 -> 7;
          case F8_E4M3 -> 3;
          case F8_E5M2 -> 2;
          default -> -1;
        };
    return mantissa < 0 ? 0 : Math.pow(2, -mantissa - 1) / Math.sqrt(3);
  }

  /** Bit-identical on the finite values, allowing a handful of planted ones. */
  static boolean bitIdentical(TensorStats s) {
    double differing = (1 - s.identical()) * s.elements();
    return differing <= Math.max(4, 0.001 * s.elements());
  }

  static List<ComponentSummary> summarise(
      List<TensorEvidence> tensors, Function<TensorEvidence, String> key) {
    Map<String, List<TensorEvidence>> groups = new LinkedHashMap<>();
    tensors.forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t));
    List<ComponentSummary> out = new ArrayList<>();
    groups.forEach((name, list) -> out.add(summary(name, list)));
    return out;
  }

  private static ComponentSummary summary(String name, List<TensorEvidence> list) {
    long params = 0;
    double pearson = 0, cosine = 0, rel = 0, identical = 0, minZ = Double.POSITIVE_INFINITY;
    long alike = 0;
    boolean allCopied = true;
    boolean anyWeak = false;
    // norms are weak evidence: a component with matrices is judged copied on its matrices
    boolean hasMatrices = list.stream().anyMatch(t -> !t.norm());
    for (TensorEvidence t : list) {
      long n = t.stats().elements();
      params += n;
      pearson += n * t.stats().pearson();
      cosine += n * t.stats().cosine();
      rel += n * Math.min(t.stats().relL2(), 10);
      identical += n * t.stats().identical();
      minZ = Math.min(minZ, t.z());
      allCopied &= t.level() == Level.COPIED || (hasMatrices && t.norm());
      alike += t.level() == Level.COPIED || t.level() == Level.DERIVED ? n : 0;
      anyWeak |= t.level() != Level.UNRELATED;
    }
    double w = Math.max(1, params);
    Level level =
        allCopied && params > 0
            ? Level.COPIED
            : alike * 2 >= params && pearson / w >= DERIVED_PEARSON
                ? Level.DERIVED
                : anyWeak ? Level.WEAK : Level.UNRELATED;
    return new ComponentSummary(
        name, list.size(), params, pearson / w, cosine / w, rel / w, identical / w, minZ, level);
  }

  /** The verdict against one reference and its plain-language explanation. */
  static Findings.ReferenceFinding judge(
      String reference,
      Scope scope,
      List<TensorEvidence> tensors,
      List<Findings.BlockMatch> mapping) {
    List<ComponentSummary> components = summarise(tensors, TensorEvidence::component);
    Tally all = Tally.of(tensors);
    Tally body =
        Tally.of(tensors.stream().filter(t -> TensorNames.inBlock(t.component())).toList());
    double share = (double) all.alike / Math.max(1, scope.parameters());
    Explain explain = new Explain(reference, scope, all, mapping);
    boolean bodyFollows = scope.bodyParameters() == 0 || body.alike * 2 >= scope.bodyParameters();
    // a majority of unchanged copies beside parts that were compared and found to be the team's
    // own is a set of frozen components, not a copy of the whole; parts with no counterpart at all
    // (added units or tokens) are stated as not compared instead
    boolean copiesOnly = all.copied >= 0.99 * all.alike;
    boolean whole = all.alike >= WHOLE * all.matched;
    if (share >= MAJORITY && bodyFollows && (!copiesOnly || whole)) {
      // a copy whose differences exceed what its storage types' rounding explains (noise added
      // on purpose, or a little training) is not a quantised copy
      Verdict v =
          all.copied < 0.99 * all.alike
              ? new Verdict.FineTunedFrom(reference, share)
              : all.identical >= 0.99 * all.alike
                  ? new Verdict.Identical(reference, share)
                  : all.rounded >= 0.99 * all.alike
                      ? new Verdict.QuantisedCopy(reference, share)
                      : new Verdict.FineTunedFrom(reference, share);
      return finding(reference, v, explain.majority(v), scope, all, mapping, components, tensors);
    }
    // whole non-norm groups taken over: unchanged (frozen) or trained further
    List<ComponentSummary> groups =
        summarise(
            tensors.stream().filter(t -> !t.norm()).toList(),
            t -> TensorNames.group(t.component()));
    List<ComponentSummary> taken =
        groups.stream()
            .filter(g -> g.level() == Level.COPIED || g.level() == Level.DERIVED)
            .toList();
    List<ComponentSummary> weak = groups.stream().filter(g -> g.level() == Level.WEAK).toList();
    if (!taken.isEmpty()) {
      boolean frozen = taken.stream().allMatch(g -> g.level() == Level.COPIED);
      String names = TensorNames.list(taken.stream().map(ComponentSummary::component).toList());
      long takenParams = taken.stream().mapToLong(ComponentSummary::parameters).sum();
      Verdict v =
          new Verdict.ContainsComponent(
              names, reference, frozen, (double) takenParams / Math.max(1, scope.parameters()));
      return finding(
          reference, v, explain.components(taken, weak), scope, all, mapping, components, tensors);
    }
    if (!weak.isEmpty()
        || all.coverage(scope) < MIN_COVERAGE
        || all.tamper.nonFiniteCandidate() > 0) {
      Bilingual why = explain.inconclusive(weak);
      return finding(
          reference,
          new Verdict.Inconclusive(why.en()),
          why,
          scope,
          all,
          mapping,
          components,
          tensors);
    }
    return finding(
        reference,
        new Verdict.Original(),
        explain.original(),
        scope,
        all,
        mapping,
        components,
        tensors);
  }

  private static Findings.ReferenceFinding finding(
      String reference,
      Verdict verdict,
      Bilingual explanation,
      Scope scope,
      Tally all,
      List<Findings.BlockMatch> mapping,
      List<ComponentSummary> components,
      List<TensorEvidence> tensors) {
    return new Findings.ReferenceFinding(
        reference,
        verdict,
        explanation,
        scope.parameters(),
        all.matched,
        (double) all.alike / Math.max(1, scope.parameters()),
        mapping,
        all.tamper,
        components,
        tensors);
  }

  /** Parameter counts over a set of tensor evidence. */
  static final class Tally {
    long matched;
    long alike;
    long copied;
    long identical;
    long rounded;
    TensorStats.Tamper tamper = TensorStats.Tamper.NONE;
    final List<TensorEvidence> tensors;

    private Tally(List<TensorEvidence> tensors) {
      this.tensors = tensors;
    }

    static Tally of(List<TensorEvidence> tensors) {
      Tally t = new Tally(tensors);
      for (TensorEvidence e : tensors) {
        long n = e.stats().elements();
        t.matched += n;
        t.tamper = t.tamper.plus(e.stats().tamper());
        if (e.level() == Level.COPIED || e.level() == Level.DERIVED) {
          t.alike += n;
        }
        if (e.level() == Level.COPIED) {
          t.copied += n;
          boolean same = bitIdentical(e.stats());
          t.identical += same ? n : 0;
          double rounding = rounding(e.candidateDtype(), e.referenceDtype());
          t.rounded += same || e.stats().relL2() <= 2 * rounding ? n : 0;
        }
      }
      return t;
    }

    double coverage(Scope scope) {
      return (double) matched / Math.max(1, scope.parameters());
    }
  }
}
