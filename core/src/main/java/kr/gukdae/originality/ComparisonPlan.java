package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * An originality check cut into pieces that processes on several machines can compute apart and one
 * of them can join: every tensor pair to stream, per comparison (each reference, then each pair of
 * null models), in a fixed order. Streaming the pairs is the cost of a check; the plan (headers,
 * probes, block alignment) is cheap and the same wherever it is made from the same files, so each
 * process makes its own and only the statistics travel. {@link #report} puts them through the
 * single-process code unchanged, so the report equals {@link Originality#compare}'s.
 */
public final class ComparisonPlan {

  private final WeightModel candidate;
  private final List<WeightModel> references;
  private final List<WeightModel> nulls;
  private final Originality.Options options;
  private final List<Originality.Planned> planned = new ArrayList<>();
  private final List<List<Matcher.Pair>> nullPairs;

  private ComparisonPlan(
      WeightModel candidate,
      List<WeightModel> references,
      List<WeightModel> nulls,
      Originality.Options options) {
    if (references.isEmpty()) {
      throw UserError.of(
          "비교할 --reference NAME=DIR를 하나 이상 주세요",
          "give at least one --reference NAME=DIR to compare with");
    }
    this.candidate = candidate;
    this.references = List.copyOf(references);
    this.nulls = List.copyOf(nulls);
    this.options = options;
    Map<TensorInfo, Probe> probes = new HashMap<>();
    if (options.align()) {
      Originality.probe(candidate, probes, options);
      references.forEach(r -> Originality.probe(r, probes, options));
    }
    for (WeightModel ref : references) {
      planned.add(Originality.plan(candidate, ref, options, probes));
    }
    this.nullPairs = Originality.nullPairs(nulls);
  }

  public static ComparisonPlan of(
      WeightModel candidate,
      List<WeightModel> references,
      List<WeightModel> nulls,
      Originality.Options options) {
    return new ComparisonPlan(candidate, references, nulls, options);
  }

  /** Comparisons: one per reference, then one per pair of null models. */
  public int comparisons() {
    return planned.size() + nullPairs.size();
  }

  /** What a comparison is about, for progress: "vs llama", "null indep-1 / indep-2". */
  public String label(int comparison) {
    if (comparison < planned.size()) {
      return "vs " + references.get(comparison).name();
    }
    int k = comparison - planned.size();
    int index = 0;
    for (int i = 0; i < nulls.size(); i++) {
      for (int j = i + 1; j < nulls.size(); j++) {
        if (index++ == k) {
          return "null " + nulls.get(i).name() + " / " + nulls.get(j).name();
        }
      }
    }
    throw new IllegalArgumentException("comparison " + comparison + " is not planned");
  }

  /** Tensor pairs of a comparison. */
  public int pairs(int comparison) {
    return pairList(comparison).size();
  }

  /** Candidate-side bytes of a pair: what streaming it costs. */
  public long bytes(int comparison, int pair) {
    return pairList(comparison).get(pair).candidate().bytes();
  }

  /**
   * The names of pairs [from, to) of a comparison ("candidate tensor → reference tensor"), so a
   * process can check that its plan is the plan a shard was cut from.
   */
  public List<String> names(int comparison, int from, int to) {
    return pairList(comparison).subList(from, to).stream()
        .map(p -> p.candidate().name() + " -> " + p.reference().name())
        .toList();
  }

  /** Streams pairs [from, to) of a comparison, as the single-process check would. */
  public List<TensorStats> stats(int comparison, int from, int to) {
    List<Matcher.Pair> part = pairList(comparison).subList(from, to);
    if (comparison < planned.size()) {
      return Originality.statsOf(part, options, planned.get(comparison).rowMaps());
    }
    return Originality.statsOf(part, Originality.nullOptions(options));
  }

  /**
   * The report from every comparison's statistics (each in its pairs' order): the null fitted
   * first, then each reference judged, as {@link Originality#calibrate} and {@link
   * Originality#compare} do in one process.
   */
  public Findings.Report report(
      List<List<TensorStats>> stats, TrainingLogCheck.@Nullable Result log) {
    if (stats.size() != comparisons()) {
      throw new IllegalArgumentException(
          "statistics of " + stats.size() + " comparisons, the plan has " + comparisons());
    }
    for (int c = 0; c < comparisons(); c++) {
      if (stats.get(c).size() != pairs(c)) {
        throw new IllegalArgumentException(
            label(c) + ": statistics of " + stats.get(c).size() + " pairs, planned " + pairs(c));
      }
    }
    Calibration calibration =
        Originality.fitNull(nulls, nullPairs, stats.subList(planned.size(), comparisons()));
    List<Findings.ReferenceFinding> findings = new ArrayList<>();
    for (int r = 0; r < planned.size(); r++) {
      findings.add(
          Originality.judge(
              candidate, references.get(r), calibration, planned.get(r), stats.get(r)));
    }
    return Originality.assemble(candidate, references, calibration, options, log, findings);
  }

  private List<Matcher.Pair> pairList(int comparison) {
    if (comparison < 0 || comparison >= comparisons()) {
      throw new IllegalArgumentException(
          "comparison " + comparison + " of " + comparisons() + " planned");
    }
    return comparison < planned.size()
        ? planned.get(comparison).pairs()
        : nullPairs.get(comparison - planned.size());
  }
}
