package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.originality.Findings.TensorEvidence;
import org.jspecify.annotations.Nullable;

/**
 * Originality verification: compares a candidate model's weights with reference models and gives
 * the programme's verdict with its evidence. The entry point of the package.
 */
public final class Originality {

  /**
   * How to compare: look for reordered rows/columns; align layers by content ({@code align}; off
   * pairs by name only, as before alignment existed); how many threads stream tensors.
   */
  public record Options(boolean permutations, boolean align, int threads) {
    public Options {
      if (threads < 1) {
        throw UserError.of(
            "--threads는 1 이상이어야 합니다. 받은 값: " + threads,
            "--threads must be at least 1, got " + threads);
      }
    }

    /** With content alignment on, as by default. */
    public Options(boolean permutations, int threads) {
      this(permutations, true, threads);
    }

    public static Options defaults() {
      return new Options(true, true, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
  }

  /** A null model whose probes agree with a reference or another null model more than this. */
  static final double RELATED = 0.3;

  private Originality() {}

  public static Findings.Report compare(
      WeightModel candidate,
      List<WeightModel> references,
      Calibration calibration,
      Options options,
      TrainingLogCheck.@Nullable Result log) {
    if (references.isEmpty()) {
      throw UserError.of(
          "비교할 --reference NAME=DIR를 하나 이상 지정하세요",
          "give at least one --reference NAME=DIR to compare with");
    }
    Map<TensorInfo, Probe> probes = new HashMap<>();
    if (options.align()) {
      probe(candidate, probes, options);
      references.forEach(r -> probe(r, probes, options));
    }
    List<Findings.ReferenceFinding> findings = new ArrayList<>();
    for (WeightModel ref : references) {
      findings.add(compareOne(candidate, ref, calibration, options, probes));
    }
    return assemble(candidate, references, calibration, options, log, findings);
  }

  /** The report from each reference's finding: the most severe verdict, explained. */
  static Findings.Report assemble(
      WeightModel candidate,
      List<WeightModel> references,
      Calibration calibration,
      Options options,
      TrainingLogCheck.@Nullable Result log,
      List<Findings.ReferenceFinding> findings) {
    Calibration.Composition composition = withReferenceWarnings(calibration, references, options);
    Findings.ReferenceFinding worst =
        findings.stream().max(Comparator.comparingInt(f -> f.verdict().severity())).orElseThrow();
    Bilingual explanation =
        worst.verdict() instanceof Verdict.Original
            ? new Bilingual(
                    "기준 모델 " + references.size() + "개와 비교해 복사를 찾지 못했습니다.",
                    "No copying found against " + references.size() + " reference model(s).")
                .plus(worst.explanation())
            : worst.explanation();
    return new Findings.Report(
        candidate.name(),
        worst.verdict(),
        explanation.plus(composition.warningText()),
        findings,
        composition,
        log);
  }

  /**
   * The tensor pairs one reference is compared on: aligned by content (with the block mapping) or
   * by name, and the embedding rows paired by token string.
   */
  record Planned(
      List<Matcher.Pair> pairs,
      List<Findings.BlockMatch> mapping,
      Map<TensorInfo, int[]> rowMaps) {}

  static Planned plan(
      WeightModel candidate, WeightModel ref, Options options, Map<TensorInfo, Probe> probes) {
    List<Matcher.Pair> pairs;
    List<Findings.BlockMatch> mapping = List.of();
    if (options.align()) {
      Aligner.Result aligned = Aligner.align(candidate, ref, probes);
      pairs = aligned.pairs();
      mapping = aligned.mapping();
    } else {
      pairs = Matcher.match(candidate, ref);
    }
    return new Planned(pairs, mapping, tokenRowMaps(candidate, ref, pairs));
  }

  static Findings.ReferenceFinding compareOne(
      WeightModel candidate,
      WeightModel ref,
      Calibration calibration,
      Options options,
      Map<TensorInfo, Probe> probes) {
    Planned planned = plan(candidate, ref, options, probes);
    return judge(
        candidate, ref, calibration, planned, statsOf(planned.pairs(), options, planned.rowMaps()));
  }

  /** The reference's finding from the statistics of every planned pair, in the plan's order. */
  static Findings.ReferenceFinding judge(
      WeightModel candidate,
      WeightModel ref,
      Calibration calibration,
      Planned planned,
      List<TensorStats> stats) {
    List<Matcher.Pair> pairs = planned.pairs();
    List<Findings.BlockMatch> mapping = planned.mapping();
    List<TensorEvidence> evidence = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Matcher.Pair p = pairs.get(i);
      TensorStats s = stats.get(i);
      double z =
          calibration.z(
              Calibration.kind(p.norm(), p.candidate().rank()), s.pearson(), s.elements());
      double log10p = Calibration.log10UpperTail(z);
      evidence.add(
          new TensorEvidence(
              p.candidate().name(),
              p.reference().name(),
              p.component(),
              p.norm(),
              p.matchedBy(),
              p.candidate().dtype(),
              p.reference().dtype(),
              s,
              z,
              log10p,
              Judge.level(s, p.candidate().dtype(), p.reference().dtype(), log10p, pairs.size())));
    }
    long body =
        candidate.tensors().stream()
            .filter(t -> {
              String n = TensorNames.normalize(t.name());
              return TensorNames.inBlock(TensorNames.component(n, t.shape()));
            })
            .mapToLong(TensorInfo::elements)
            .sum();
    return Judge.judge(
        ref.name(), new Judge.Scope(candidate.parameters(), body), evidence, mapping);
  }

  /** Probes of every tensor of a model (a few rows each), in parallel. */
  static void probe(WeightModel model, Map<TensorInfo, Probe> into, Options options) {
    List<TensorInfo> todo = model.tensors().stream().filter(t -> !into.containsKey(t)).toList();
    List<Probe> got =
        parallel(
            todo,
            t -> t.rows(),
            t -> () -> Probe.of(t, TensorNames.isNorm(TensorNames.normalize(t.name()), t.shape())),
            options.threads());
    for (int i = 0; i < todo.size(); i++) {
      into.put(todo.get(i), got.get(i));
    }
  }

  /**
   * Embedding and head rows paired by token string, when both models have a {@code tokenizer.json}
   * beside their weights and the vocabularies differ.
   */
  static Map<TensorInfo, int[]> tokenRowMaps(
      WeightModel candidate, WeightModel ref, List<Matcher.Pair> pairs) {
    Map<TensorInfo, int[]> out = new HashMap<>();
    Tokens ct = Tokens.near(candidate);
    Tokens rt = ct == null ? null : Tokens.near(ref);
    if (ct == null || rt == null) {
      return out;
    }
    for (Matcher.Pair p : pairs) {
      boolean vocabulary = p.component().equals("embeddings") || p.component().equals("head");
      if (vocabulary && p.candidate().rank() == 2 && p.reference().rank() == 2) {
        int[] map = Tokens.rowMap(ct, rt, p.candidate().rows(), p.reference().rows());
        if (map != null) {
          out.put(p.candidate(), map);
        }
      }
    }
    return out;
  }

  /** Streams every pair, biggest first across the threads; results in the pairs' order. */
  static List<TensorStats> statsOf(List<Matcher.Pair> pairs, Options options) {
    return statsOf(pairs, options, Map.of());
  }

  static List<TensorStats> statsOf(
      List<Matcher.Pair> pairs, Options options, Map<TensorInfo, int[]> rowMaps) {
    return parallel(
        pairs,
        p -> p.candidate().bytes(),
        p ->
            () -> {
              int[] rows = rowMaps.get(p.candidate());
              return rows != null
                  ? Overlap.byRowMap(p.candidate(), p.reference(), rows)
                  : TensorComparer.compare(
                      p.candidate(), p.reference(), p.norm(), options.permutations());
            },
        options.threads());
  }

  static <T, R> List<R> parallel(
      List<T> items,
      ToLongFunction<T> size,
      java.util.function.Function<T, Callable<R>> task,
      int threads) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> -size.applyAsLong(items.get(i))));
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      futures.add(null);
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int i : order) {
        futures.set(i, pool.submit(task.apply(items.get(i))));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UserError.of(
          "텐서를 비교하는 중에 중단되었습니다. 다시 실행하세요", "interrupted while comparing tensors; run again", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      // the comparisons (Probe.of, TensorComparer, Overlap) declare no checked exception
      throw new IllegalStateException("bug: a tensor comparison threw " + e.getCause(), e);
    }
  }

  /**
   * The null from pairs of independent models: the project's own demo models from different seeds,
   * plus any independent real models given (every pair among them is compared). A pair that is not
   * independent (its matrices correlate beyond {@link #RELATED} on average) would make every
   * verdict weaker: it is left out of the null, with a warning.
   */
  public static Calibration calibrate(List<WeightModel> independent, Options options) {
    List<List<Matcher.Pair>> pairs = nullPairs(independent);
    List<List<TensorStats>> stats = new ArrayList<>();
    for (List<Matcher.Pair> p : pairs) {
      stats.add(statsOf(p, nullOptions(options)));
    }
    return fitNull(independent, pairs, stats);
  }

  /** The tensor pairs of every pair of independent models, (0,1), (0,2), …, (1,2), …. */
  static List<List<Matcher.Pair>> nullPairs(List<WeightModel> independent) {
    List<List<Matcher.Pair>> out = new ArrayList<>();
    for (int i = 0; i < independent.size(); i++) {
      for (int j = i + 1; j < independent.size(); j++) {
        out.add(Matcher.match(independent.get(i), independent.get(j)));
      }
    }
    return out;
  }

  /** Null pairs are compared in place, as found: no permutation search, no alignment. */
  static Options nullOptions(Options options) {
    return new Options(false, false, options.threads());
  }

  /** The null fitted on the statistics of {@link #nullPairs}, in that order. */
  static Calibration fitNull(
      List<WeightModel> independent,
      List<List<Matcher.Pair>> nullPairs,
      List<List<TensorStats>> nullStats) {
    List<Calibration.Sample> samples = new ArrayList<>(NullModels.demoSamples());
    List<Bilingual> warnings = new ArrayList<>();
    int pairsUsed = 0;
    int index = 0;
    for (int i = 0; i < independent.size(); i++) {
      for (int j = i + 1; j < independent.size(); j++) {
        WeightModel a = independent.get(i);
        WeightModel b = independent.get(j);
        List<Matcher.Pair> pairs = nullPairs.get(index);
        List<TensorStats> stats = nullStats.get(index++);
        double weighted = 0;
        long weight = 0;
        List<Calibration.Sample> these = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
          Matcher.Pair p = pairs.get(k);
          TensorStats s = stats.get(k);
          these.add(
              new Calibration.Sample(
                  Calibration.kind(p.norm(), p.candidate().rank()), s.pearson(), s.elements()));
          if (!p.norm() && p.candidate().rank() >= 2) {
            weighted += s.pearson() * s.elements();
            weight += s.elements();
          }
        }
        double mean = weight == 0 ? 0 : weighted / weight;
        if (mean > RELATED) {
          warnings.add(Calibration.Composition.related(a.name(), b.name(), mean));
        } else {
          samples.addAll(these);
          pairsUsed++;
        }
      }
    }
    Calibration fitted = Calibration.fit(samples);
    return fitted.with(
        new Calibration.Composition(
            NullModels.demoPairs(), independent, pairsUsed, List.copyOf(warnings)));
  }

  /** Adds a warning for each null model whose probes agree with a reference's. */
  private static Calibration.Composition withReferenceWarnings(
      Calibration calibration, List<WeightModel> references, Options options) {
    Calibration.Composition c = calibration.composition();
    if (c.models().isEmpty()) {
      return c;
    }
    Map<TensorInfo, Probe> probes = new HashMap<>();
    List<Bilingual> warnings = new ArrayList<>(c.warnings());
    for (WeightModel n : c.models()) {
      probe(n, probes, options);
      for (WeightModel r : references) {
        probe(r, probes, options);
        double s = relatedness(n, r, probes);
        if (s > RELATED) {
          warnings.add(Calibration.Composition.relatedToReference(n.name(), r.name(), s));
        }
      }
    }
    return new Calibration.Composition(c.demoPairs(), c.models(), c.pairsUsed(), warnings);
  }

  /** Parameter-weighted probe agreement of same-named matrices. */
  static double relatedness(WeightModel a, WeightModel b, Map<TensorInfo, Probe> probes) {
    Map<String, TensorInfo> byName = new HashMap<>();
    b.tensors().forEach(t -> byName.putIfAbsent(TensorNames.normalize(t.name()), t));
    double sum = 0;
    double weight = 0;
    for (TensorInfo t : a.tensors()) {
      TensorInfo u = byName.get(TensorNames.normalize(t.name()));
      if (u != null
          && t.rank() >= 2
          && Aligner.probe(probes, t).overlap(Aligner.probe(probes, u)) >= 64) {
        sum += t.elements() * Aligner.probe(probes, t).similarity(Aligner.probe(probes, u));
        weight += t.elements();
      }
    }
    return weight == 0 ? 0 : sum / weight;
  }
}
