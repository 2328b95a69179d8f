package kr.gukdae.forensics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.gukdae.forensics.Evidence.ComponentSummary;
import kr.gukdae.forensics.Evidence.Level;
import kr.gukdae.forensics.Evidence.TensorEvidence;

/**
 * Turns tensor evidence into the programme's verdict against one reference. Thresholds: a tensor is
 * COPIED at Pearson ≥ 0.99 with relative L2 ≤ 2% (storage rounding, e.g. bf16, stays well below),
 * DERIVED at Pearson ≥ 0.5, WEAK at ≥ 0.1 — each only if its calibrated p-value beats 0.001 divided
 * by the number of tensors compared (Bonferroni).
 */
final class Judge {

  static final double COPIED_PEARSON = 0.99;
  static final double COPIED_REL_L2 = 0.02;
  static final double DERIVED_PEARSON = 0.5;
  static final double WEAK_PEARSON = 0.1;
  static final double FINE_TUNED_FRACTION = 0.5;

  private Judge() {}

  static Level level(TensorStats s, double log10p, int comparisons) {
    boolean significant = log10p < Math.log10(0.001 / Math.max(1, comparisons));
    if (!significant) {
      return Level.UNRELATED;
    }
    if (s.pearson() >= COPIED_PEARSON && s.relL2() <= COPIED_REL_L2) {
      return Level.COPIED;
    }
    if (s.pearson() >= DERIVED_PEARSON) {
      return Level.DERIVED;
    }
    return s.pearson() >= WEAK_PEARSON ? Level.WEAK : Level.UNRELATED;
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
        allCopied
            ? Level.COPIED
            : alike * 2 >= params && pearson / w >= DERIVED_PEARSON
                ? Level.DERIVED
                : anyWeak ? Level.WEAK : Level.UNRELATED;
    return new ComponentSummary(
        name, list.size(), params, pearson / w, cosine / w, rel / w, identical / w, minZ, level);
  }

  /** The verdict against one reference and its plain-language explanation. */
  static Evidence.ReferenceFinding judge(
      String reference, long candidateParams, List<TensorEvidence> tensors) {
    List<ComponentSummary> components = summarise(tensors, TensorEvidence::component);
    long matched = tensors.stream().mapToLong(t -> t.stats().elements()).sum();
    long alike =
        tensors.stream()
            .filter(t -> t.level() == Level.COPIED || t.level() == Level.DERIVED)
            .mapToLong(t -> t.stats().elements())
            .sum();
    long copied =
        tensors.stream()
            .filter(t -> t.level() == Level.COPIED)
            .mapToLong(t -> t.stats().elements())
            .sum();
    double fraction = (double) alike / Math.max(1, candidateParams);
    String pct = String.format("%.1f%%", 100 * fraction);
    if (fraction >= FINE_TUNED_FRACTION) {
      String how =
          copied >= 0.99 * alike
              ? "its values equal the reference's up to storage rounding (a copy counts as a derivative)"
              : "the weights correlate strongly with the reference's but moved slightly, the signature"
                  + " of fine-tuning";
      return finding(
          reference,
          new Verdict.FineTunedFrom(reference, fraction),
          pct
              + " of the candidate's parameters match "
              + reference
              + ": "
              + how
              + ". Fine-tuned"
              + " derivatives of other models do not count as original.",
          candidateParams,
          matched,
          components,
          tensors);
    }
    // A whole non-norm group copied unchanged: an external component used frozen.
    List<ComponentSummary> groups =
        summarise(
            tensors.stream().filter(t -> !t.norm()).toList(), t -> Names.group(t.component()));
    List<String> frozen =
        groups.stream()
            .filter(g -> g.level() == Level.COPIED)
            .map(ComponentSummary::component)
            .toList();
    if (!frozen.isEmpty()) {
      String names = String.join(", ", frozen);
      ComponentSummary first =
          groups.stream().filter(g -> g.level() == Level.COPIED).findFirst().orElseThrow();
      return finding(
          reference,
          new Verdict.ContainsFrozenComponent(names, reference),
          "Component "
              + names
              + " is the same as "
              + reference
              + "'s (Pearson "
              + String.format("%.4f", first.pearson())
              + ", relative L2 "
              + String.format("%.4f", first.relL2())
              + ", calibrated z ≥ "
              + String.format("%.0f", first.minZ())
              + ") while the rest of the model is"
              + " unrelated: external weights used frozen do not count as the team's own.",
          candidateParams,
          matched,
          components,
          tensors);
    }
    List<String> suspicious =
        groups.stream()
            .filter(g -> g.level() == Level.DERIVED || g.level() == Level.WEAK)
            .map(g ->
                g.component()
                    + " ("
                    + g.level().name().toLowerCase()
                    + ", Pearson "
                    + String.format("%.3f", g.pearson())
                    + ")")
            .toList();
    if (!suspicious.isEmpty()) {
      String reason =
          "Some components resemble "
              + reference
              + " beyond the independent-model null"
              + " but are neither a copy nor most of the model: "
              + String.join(", ", suspicious)
              + ". A person should review them with the training logs.";
      return finding(
          reference,
          new Verdict.Inconclusive(reason),
          reason,
          candidateParams,
          matched,
          components,
          tensors);
    }
    String coverage =
        matched * 10 < candidateParams
            ? " Only "
                + String.format("%.1f%%", 100.0 * matched / Math.max(1, candidateParams))
                + " of the parameters had a same-shaped counterpart, so the architectures differ."
            : "";
    long norms = tensors.stream().filter(TensorEvidence::norm).count();
    String normNote =
        norms == 0
            ? ""
            : " Norm weights were judged on their deviation from 1,"
                + " so their raw cosine near 1 (shared by every model) raised no alarm.";
    return finding(
        reference,
        new Verdict.Original(),
        "No component resembles "
            + reference
            + " beyond what independent models show."
            + coverage
            + normNote,
        candidateParams,
        matched,
        components,
        tensors);
  }

  private static Evidence.ReferenceFinding finding(
      String reference,
      Verdict verdict,
      String explanation,
      long candidateParams,
      long matched,
      List<ComponentSummary> components,
      List<TensorEvidence> tensors) {
    return new Evidence.ReferenceFinding(
        reference, verdict, explanation, candidateParams, matched, components, tensors);
  }
}
