package kr.gukdae.forensics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.gukdae.UserError;
import kr.gukdae.forensics.Evidence.TensorEvidence;
import org.jspecify.annotations.Nullable;

/**
 * Originality verification: compares a candidate model's weights with reference models and gives
 * the programme's verdict with its evidence. The entry point of the package.
 */
public final class Forensics {

  /** How to compare: look for reordered copies; how many threads stream tensors. */
  public record Options(boolean permutations, int threads) {
    public Options {
      if (threads < 1) {
        throw new UserError("--threads must be at least 1, got " + threads);
      }
    }

    public static Options defaults() {
      return new Options(true, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
  }

  private Forensics() {}

  public static Evidence.Report compare(
      WeightModel candidate,
      List<WeightModel> references,
      Calibration calibration,
      Options options,
      TrainingLogCheck.@Nullable Result log) {
    if (references.isEmpty()) {
      throw new UserError("give at least one --reference NAME=DIR to compare with");
    }
    List<Evidence.ReferenceFinding> findings = new ArrayList<>();
    for (WeightModel ref : references) {
      findings.add(compareOne(candidate, ref, calibration, options));
    }
    Evidence.ReferenceFinding worst =
        findings.stream().max(Comparator.comparingInt(f -> f.verdict().severity())).orElseThrow();
    String explanation =
        worst.verdict() instanceof Verdict.Original
            ? "No copying found against "
                + references.size()
                + " reference model(s). "
                + worst.explanation()
            : worst.explanation();
    return new Evidence.Report(candidate.name(), worst.verdict(), explanation, findings, log);
  }

  static Evidence.ReferenceFinding compareOne(
      WeightModel candidate, WeightModel ref, Calibration calibration, Options options) {
    List<Matcher.Pair> pairs = new ArrayList<>(Matcher.match(candidate, ref));
    List<TensorStats> stats = statsOf(pairs, options);
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
              s,
              z,
              log10p,
              Judge.level(s, log10p, pairs.size())));
    }
    return Judge.judge(ref.name(), candidate.parameters(), evidence);
  }

  /** Streams every pair, biggest first across the threads; results in the pairs' order. */
  static List<TensorStats> statsOf(List<Matcher.Pair> pairs, Options options) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> -pairs.get(i).candidate().bytes()));
    List<Future<TensorStats>> futures = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      futures.add(null);
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(options.threads())) {
      for (int i : order) {
        Matcher.Pair p = pairs.get(i);
        futures.set(
            i,
            pool.submit(() ->
                TensorComparer.compare(
                    p.candidate(), p.reference(), p.norm(), options.permutations())));
      }
      List<TensorStats> out = new ArrayList<>();
      for (Future<TensorStats> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The null from pairs of independent models: the project's own demo models from different seeds,
   * plus any independent real models given (every pair among them is compared).
   */
  public static Calibration calibrate(List<WeightModel> independent, Options options) {
    List<Calibration.Sample> samples = new ArrayList<>(NullModels.demoSamples());
    for (int i = 0; i < independent.size(); i++) {
      for (int j = i + 1; j < independent.size(); j++) {
        List<Matcher.Pair> pairs = Matcher.match(independent.get(i), independent.get(j));
        List<TensorStats> stats = statsOf(pairs, new Options(false, options.threads()));
        for (int k = 0; k < pairs.size(); k++) {
          Matcher.Pair p = pairs.get(k);
          samples.add(
              new Calibration.Sample(
                  Calibration.kind(p.norm(), p.candidate().rank()),
                  stats.get(k).pearson(),
                  stats.get(k).elements()));
        }
      }
    }
    return Calibration.fit(samples);
  }
}
