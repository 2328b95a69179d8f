package kr.gukdae.stage;

import java.util.Map;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence about one team at one stage. Other features produce these (evaluation runs,
 * arena ratings, lineage counts, originality verdicts); files and the ledger carry them.
 */
public sealed interface Evidence {

  String team();

  int stage();

  enum Group {
    KOREAN,
    GLOBAL,
    TARGET
  }

  /**
   * A benchmark score (same scale as the reference scores, e.g. accuracy in percent), with the
   * contamination audit of the run it came from when one was made.
   */
  record BenchmarkResult(
      String team,
      int stage,
      String benchmark,
      Group group,
      double score,
      @Nullable CleanSubset clean)
      implements Evidence {

    public BenchmarkResult(String team, int stage, String benchmark, Group group, double score) {
      this(team, stage, benchmark, group, score, null);
    }
  }

  /**
   * The contamination audit of a benchmark result: how many items were checked and found in the
   * team's training n-grams, and the metric (same scale as the score) on every audited item and on
   * the clean ones only. The audit's means are per item, so they sit next to the official score
   * rather than replace it; the score itself stays what the eval run reported.
   */
  record CleanSubset(String method, int items, int contaminated, double full, double clean) {
    public CleanSubset {
      if (method == null || method.isBlank()) {
        throw UserError.of("clean subset: method를 적으세요", "clean subset: method is required");
      }
      if (items < 0 || contaminated < 0 || contaminated > items) {
        throw UserError.of(
            "clean subset: contaminated (" + contaminated + ")은(는) 0.." + items + " 범위여야 합니다",
            "clean subset: contaminated (" + contaminated + ") must be within 0.." + items);
      }
    }

    /** Share of audited items found in the training n-grams. */
    public double rate() {
      return items == 0 ? 0 : (double) contaminated / items;
    }
  }

  /** One reviewer's sheet: rubric item scores and the comment. */
  record ReviewScore(
      String team, int stage, String reviewer, Map<String, Double> items, String comment)
      implements Evidence {
    public ReviewScore {
      items = Map.copyOf(items);
      comment = comment == null ? "" : comment;
    }
  }

  /** A user-evaluation rating (e.g. arena Bradley-Terry) with its 95% interval and vote count. */
  record UserEvaluation(String team, int stage, double rating, double low, double high, int votes)
      implements Evidence {}

  /** Derivative models built on the team's model (lineage counts). */
  record DerivativeCount(String team, int stage, int count) implements Evidence {}

  /** The originality gate's verdict, applied regardless of points. */
  record OriginalityVerdict(String team, int stage, boolean passed, String reason)
      implements Evidence {}
}
