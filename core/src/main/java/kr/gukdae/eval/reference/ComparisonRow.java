package kr.gukdae.eval.reference;

import java.util.Objects;
import kr.gukdae.Bilingual;

/** One task of a run set against its reference, or the reason it could not be. */
public sealed interface ComparisonRow {

  String task();

  /**
   * A compared task. {@code metricKey} is the results key that was read ({@code "acc,none"}, or the
   * first filter present such as {@code "exact_match,strict-match"}); {@code percent} is that value
   * times 100, the reference tables' scale.
   */
  record Compared(String task, String metricKey, Achievement achievement, boolean meetsGoal)
      implements ComparisonRow {
    public Compared {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(metricKey, "metricKey");
      Objects.requireNonNull(achievement, "achievement");
    }

    public double percent() {
      return achievement.score();
    }

    public ReferenceScore reference() {
      return achievement.reference();
    }
  }

  /**
   * A task with no reference row (or none in the window); {@code reason} says which, in Korean and
   * English.
   */
  record NoReference(String task, Bilingual reason) implements ComparisonRow {
    public NoReference {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
