package kr.gukdae.eval;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named scorer and its aggregation, reported as {@code metric,filter} in results (e.g. {@code
 * acc,none}, {@code exact_match,strict-match}), as lm-evaluation-harness names them.
 *
 * @param aggregationName the aggregation's name as lm-eval's {@code metric_list} writes it
 * @param higherIsBetter lm-eval's {@code higher_is_better} for the metric; null where lm-eval has
 *     none (a metric it does not know, without the key)
 */
public record ScoreSpec(
    String metric,
    String filter,
    Scorer scorer,
    Metric aggregation,
    String aggregationName,
    @Nullable Boolean higherIsBetter) {

  public ScoreSpec {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(aggregationName, "aggregationName");
  }

  /** A metric averaged over samples, higher better (every built-in scorer). */
  public ScoreSpec(String metric, String filter, Scorer scorer, Metric aggregation) {
    this(metric, filter, scorer, aggregation, "mean", true);
  }

  /** The same metric, scored by {@code other} (a filter put before the scorer). */
  public ScoreSpec withScorer(Scorer other) {
    return new ScoreSpec(metric, filter, other, aggregation, aggregationName, higherIsBetter);
  }

  public String key() {
    return metric + "," + filter;
  }
}
