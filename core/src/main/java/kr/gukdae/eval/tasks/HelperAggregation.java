package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.eval.Metric;
import kr.gukdae.eval.Metrics;
import kr.gukdae.eval.Score;
import org.jspecify.annotations.Nullable;

/**
 * The aggregations of lm-evaluation-harness's registry ({@code lm_eval/api/metrics.py}) that apply
 * to the per-document values a {@code process_results} helper returns, computed as lm-eval does:
 *
 * <ul>
 *   <li>{@code mean}; {@code median} is lm-eval's {@code sorted(values)[n // 2]} (the upper middle
 *       value, not the average of the two); {@code perplexity} is {@code exp(-mean)}.
 *   <li>{@code f1} (scikit-learn's binary F1 of {@code (gold, prediction)} pairs, positive label 1,
 *       0 when there is no positive at all) and {@code matthews_corrcoef} (scikit-learn's, any
 *       labels, 0 when undefined): the helper returns a pair per document.
 * </ul>
 *
 * Standard errors: the mean's closed form; the others bootstrapped (lm-eval bootstraps these too,
 * with its own generator, so their standard errors are comparable but not identical). Anything else
 * (lm-eval's corpus BLEU/chrF/TER, which need sacrebleu, the weighted perplexities, {@code
 * !function} aggregations) is refused by name.
 */
enum HelperAggregation {
  MEAN("mean", true),
  MEDIAN("median", true),
  PERPLEXITY("perplexity", false),
  F1("f1", true),
  MATTHEWS_CORRCOEF("matthews_corrcoef", true);

  private final String wireName;
  private final boolean higherIsBetter;

  HelperAggregation(String wireName, boolean higherIsBetter) {
    this.wireName = wireName;
    this.higherIsBetter = higherIsBetter;
  }

  String wireName() {
    return wireName;
  }

  /** lm-eval's registered metrics and their default aggregations and directions. */
  private static final Map<String, HelperAggregation> BY_METRIC =
      Map.of(
          "acc", MEAN,
          "acc_norm", MEAN,
          "exact_match", MEAN,
          "likelihood", MEAN,
          "perplexity", PERPLEXITY,
          "f1", F1,
          "mcc", MATTHEWS_CORRCOEF);

  /** lm-eval's registered aggregation names (those gukdae has and those it refuses). */
  private static final Set<String> LM_EVAL_NAMES =
      Set.of(
          "mean",
          "median",
          "perplexity",
          "f1",
          "matthews_corrcoef",
          "nanmean",
          "weighted_perplexity",
          "bits_per_byte",
          "bleu",
          "chrf",
          "ter",
          "brier_score",
          "bypass");

  static List<String> supported() {
    List<String> out = new ArrayList<>();
    for (HelperAggregation a : values()) {
      out.add(a.wireName);
    }
    return out;
  }

  /**
   * The metric's aggregation: the one named, else lm-eval's default for a metric it registers; a
   * metric lm-eval does not know needs one named (lm-eval stops there too).
   */
  static HelperAggregation of(String where, String metric, @Nullable String named) {
    if (named == null) {
      HelperAggregation fallback = BY_METRIC.get(metric);
      if (fallback == null) {
        throw UserError.of(
            where
                + ": process_results의 지표 '"
                + metric
                + "'에 aggregation이 없고, lm-eval에도 이 지표의 기본값이 없습니다. metric_list 항목에 'aggregation: mean'(또는 "
                + supported()
                + " 중 하나)을 넣으세요",
            where
                + ": metric '"
                + metric
                + "' of process_results has no aggregation, and lm-eval has no default for it;"
                + " add 'aggregation: mean' (or one of "
                + supported()
                + ") to its metric_list entry");
      }
      return fallback;
    }
    for (HelperAggregation a : values()) {
      if (a.wireName.equals(named)) {
        return a;
      }
    }
    boolean python = named.startsWith("!function");
    boolean lmEval = LM_EVAL_NAMES.contains(named);
    String whyKo =
        python
            ? "Python 집계 함수는 gukdae가 실행하지 않습니다"
            : lmEval
                ? "gukdae는 lm-eval의 '" + named + "' 집계를 계산하지 않습니다"
                : "'" + named + "'은(는) lm-eval에 등록된 집계가 아닙니다";
    String why =
        python
            ? "a Python aggregation function is not run by gukdae"
            : lmEval
                ? "gukdae does not compute lm-eval's '" + named + "' aggregation"
                : "'" + named + "' is not an aggregation lm-eval registers";
    throw UserError.of(
        where
            + ": 지표 '"
            + metric
            + "'의 aggregation '"
            + named
            + "': "
            + whyKo
            + ". process_results와 함께 쓸 수 있는 집계: "
            + supported(),
        where
            + ": metric '"
            + metric
            + "' aggregation '"
            + named
            + "': "
            + why
            + "; supported with process_results: "
            + supported());
  }

  /** lm-eval's default {@code higher_is_better} for the metric, when the task file gives none. */
  static @Nullable Boolean defaultHigherIsBetter(String metric) {
    HelperAggregation a = BY_METRIC.get(metric);
    return a == null ? null : a.higherIsBetter;
  }

  /**
   * One document's value as a score: a number (True/False as 1/0) for the averages, a {@code [gold,
   * prediction]} pair for F1 and MCC. Null when the value has the wrong shape.
   */
  @Nullable Score score(@Nullable Object value) {
    return switch (this) {
      case MEAN, MEDIAN, PERPLEXITY -> {
        Double number = number(value);
        yield number == null ? null : new Score(number, "", "");
      }
      case F1, MATTHEWS_CORRCOEF -> {
        if (!(value instanceof List<?> pair) || pair.size() != 2) {
          yield null;
        }
        String gold = label(pair.get(0));
        String predicted = label(pair.get(1));
        if (gold == null || predicted == null) {
          yield null;
        }
        if (this == F1 && !(isBinary(gold) && isBinary(predicted))) {
          yield null;
        }
        yield new Score(0, predicted, gold);
      }
    };
  }

  /** What a value should be, for the error message. */
  String expected() {
    return switch (this) {
      case MEAN, MEDIAN, PERPLEXITY -> "a number";
      case F1 -> "a [gold, prediction] pair of 0/1 labels";
      case MATTHEWS_CORRCOEF -> "a [gold, prediction] pair of labels";
    };
  }

  /** {@link #expected()} in Korean. */
  String expectedKorean() {
    return switch (this) {
      case MEAN, MEDIAN, PERPLEXITY -> "숫자";
      case F1 -> "0/1 레이블의 [gold, prediction] 쌍";
      case MATTHEWS_CORRCOEF -> "레이블의 [gold, prediction] 쌍";
    };
  }

  Metric metric(long seed) {
    return switch (this) {
      case MEAN -> Metrics.mean();
      case MEDIAN -> Metrics.bootstrapped(HelperAggregation::median, seed, "median");
      case PERPLEXITY -> Metrics.bootstrapped(HelperAggregation::perplexity, seed, "perplexity");
      case F1 -> Metrics.bootstrapped(HelperAggregation::binaryF1, seed, "f1");
      case MATTHEWS_CORRCOEF ->
          Metrics.bootstrapped(HelperAggregation::matthews, seed, "matthews_corrcoef");
    };
  }

  static double median(List<Score> scores) {
    double[] values = scores.stream().mapToDouble(Score::value).sorted().toArray();
    return values.length == 0 ? Double.NaN : values[values.length / 2];
  }

  static double perplexity(List<Score> scores) {
    return Math.exp(-scores.stream().mapToDouble(Score::value).average().orElse(Double.NaN));
  }

  static double binaryF1(List<Score> scores) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Score s : scores) {
      boolean predicted = s.answer().equals("1");
      boolean actual = s.target().equals("1");
      if (predicted && actual) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (actual) {
        fn++;
      }
    }
    return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** scikit-learn's multiclass form: (c·s − Σ p_k·t_k) / √((s² − Σ p_k²)(s² − Σ t_k²)). */
  static double matthews(List<Score> scores) {
    Map<String, long[]> counts = new LinkedHashMap<>(); // label -> {true count, predicted count}
    long correct = 0;
    for (Score s : scores) {
      counts.computeIfAbsent(s.target(), l -> new long[2])[0]++;
      counts.computeIfAbsent(s.answer(), l -> new long[2])[1]++;
      correct += s.target().equals(s.answer()) ? 1 : 0;
    }
    double n = scores.size();
    double truePred = 0;
    double predSquares = 0;
    double trueSquares = 0;
    for (long[] c : counts.values()) {
      truePred += (double) c[0] * c[1];
      trueSquares += (double) c[0] * c[0];
      predSquares += (double) c[1] * c[1];
    }
    double denominator = Math.sqrt((n * n - predSquares) * (n * n - trueSquares));
    return denominator == 0 ? 0.0 : (correct * n - truePred) / denominator;
  }

  private static @Nullable Double number(@Nullable Object value) {
    if (value instanceof Boolean flag) {
      return flag ? 1.0 : 0.0; // lm-eval averages True/False as 1/0
    }
    if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
      return number.doubleValue();
    }
    return null;
  }

  /** A label as Python compares it: True == 1, 1.0 == 1; texts as they are. */
  private static @Nullable String label(@Nullable Object value) {
    if (value instanceof Boolean flag) {
      return flag ? "1" : "0";
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d)
          ? String.valueOf((long) d)
          : String.valueOf(d);
    }
    return value instanceof String text ? "s:" + text : null;
  }

  private static boolean isBinary(String label) {
    return label.equals("0") || label.equals("1");
  }
}
