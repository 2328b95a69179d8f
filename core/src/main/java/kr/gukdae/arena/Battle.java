package kr.gukdae.arena;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One judged comparison of two models' answers: the unit every rating is computed from. Fields
 * mirror FastChat's {@code clean_battle} records ({@code judge} is the voter id, {@code category}
 * the scenario or leaderboard slice). {@code styleA}/{@code styleB} are the answers' Markdown style
 * features, present together or not at all; only style-controlled ratings need them. {@code weight}
 * scales the battle's say in every fit (1 = an ordinary vote; the arena gives the n-th battle on
 * the same prompt 1/n): in Bradley–Terry a weight of 2 counts exactly like the battle twice.
 */
public record Battle(
    String modelA,
    String modelB,
    Outcome outcome,
    Instant timestamp,
    String judge,
    String language,
    String category,
    @Nullable StyleFeatures styleA,
    @Nullable StyleFeatures styleB,
    double weight) {

  public Battle {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(judge, "judge");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    // Invariants: BattleRow refuses each of these in a battle file, naming the line, and the
    // arena writes its own votes from a sampled pair of two different models.
    if (modelA == null || modelA.isBlank() || modelB == null || modelB.isBlank()) {
      throw new IllegalArgumentException("bug: a battle needs two named models");
    }
    if (modelA.equals(modelB)) {
      throw new IllegalArgumentException("bug: a model cannot battle itself: " + modelA);
    }
    if ((styleA == null) != (styleB == null)) {
      throw new IllegalArgumentException(
          "bug: style features must be given for both answers or none");
    }
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException(
          "bug: a battle's weight must be finite and > 0, got " + weight);
    }
  }

  /** A battle without style features. */
  public Battle(
      String modelA,
      String modelB,
      Outcome outcome,
      Instant timestamp,
      String judge,
      String language,
      String category) {
    this(modelA, modelB, outcome, timestamp, judge, language, category, null, null, 1.0);
  }

  /** A battle of weight 1, with or without style features. */
  public Battle(
      String modelA,
      String modelB,
      Outcome outcome,
      Instant timestamp,
      String judge,
      String language,
      String category,
      @Nullable StyleFeatures styleA,
      @Nullable StyleFeatures styleB) {
    this(modelA, modelB, outcome, timestamp, judge, language, category, styleA, styleB, 1.0);
  }

  public boolean hasStyle() {
    return styleA != null;
  }

  public Battle withStyle(StyleFeatures a, StyleFeatures b) {
    return new Battle(modelA, modelB, outcome, timestamp, judge, language, category, a, b, weight);
  }

  public Battle withWeight(double w) {
    return new Battle(
        modelA, modelB, outcome, timestamp, judge, language, category, styleA, styleB, w);
  }

  /** 1 if A won, 0 if B won, 0.5 for either kind of tie (FastChat's half-win convention). */
  double scoreA() {
    return switch (outcome) {
      case MODEL_A -> 1.0;
      case MODEL_B -> 0.0;
      case TIE, TIE_BOTHBAD -> 0.5;
    };
  }
}
