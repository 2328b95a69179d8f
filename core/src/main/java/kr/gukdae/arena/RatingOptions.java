package kr.gukdae.arena;

import java.util.Objects;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * How to turn battles into ratings. {@code bootstrapRounds} 0 means no confidence intervals (lower
 * = upper = rating). {@code l2} is the ridge penalty on natural-log strengths: tiny, so it moves
 * well-measured ratings by far less than 0.01 points, yet keeps unbeaten or disconnected models
 * finite. Without an anchor ratings are centred on a mean of 1000.
 */
public record RatingOptions(
    int bootstrapRounds, long seed, @Nullable Anchor anchor, double l2, int threads) {

  public static final double DEFAULT_L2 = 1e-4;

  /** The most bootstrap rounds a rating may ask for. */
  public static final int MAX_BOOTSTRAP = 1_000_000;

  /** The bootstrap seed when none is given (also the CLI's {@code --seed} default). */
  public static final long DEFAULT_SEED = 42;

  /** Shift the scale so {@code model} has {@code rating} (FastChat anchors Mixtral at 1114). */
  public record Anchor(String model, double rating) {
    public Anchor {
      if (model == null || model.isBlank() || !Double.isFinite(rating)) {
        throw UserError.of(
            "--anchor: 모델 이름과 유한한 점수가 필요합니다. 예: gpt-4=1200 (받은 값: '" + model + "'=" + rating + ")",
            "--anchor: needs a model name and a finite rating, e.g. gpt-4=1200 (got '"
                + model
                + "'="
                + rating
                + ")");
      }
    }

    /** Parses {@code MODEL=VALUE}; the model name may itself contain '='. */
    public static Anchor parse(String text) {
      int eq = text.lastIndexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw UserError.of(
            "--anchor '" + text + "': MODEL=VALUE 형식이어야 합니다. 예: gpt-4=1200",
            "--anchor '" + text + "': expected MODEL=VALUE, e.g. gpt-4=1200");
      }
      try {
        return new Anchor(
            text.substring(0, eq).strip(), Double.parseDouble(text.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw UserError.of(
            "--anchor '" + text + "': VALUE는 유한한 수여야 합니다. 예: 1200",
            "--anchor '" + text + "': VALUE must be a finite number, e.g. 1200");
      }
    }
  }

  public RatingOptions {
    // Invariants: the CLI and REST check --bootstrap first; l2 and threads are set in code.
    if (bootstrapRounds < 0 || bootstrapRounds > MAX_BOOTSTRAP) {
      throw new IllegalArgumentException("bug: bootstrap rounds must be within 0..1000000");
    }
    if (!(l2 >= 0) || !Double.isFinite(l2)) {
      throw new IllegalArgumentException("bug: l2 must be a finite number >= 0");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("bug: threads must be >= 1");
    }
  }

  public static RatingOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .bootstrap(bootstrapRounds)
        .seed(seed)
        .anchor(anchor)
        .l2(l2)
        .threads(threads);
  }

  /** Defaults: no bootstrap, seed 42, no anchor, {@link #DEFAULT_L2}, all processors. */
  public static final class Builder {
    private int rounds;
    private long seed = DEFAULT_SEED;
    private @Nullable Anchor anchor;
    private double l2 = DEFAULT_L2;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    public Builder bootstrap(int rounds) {
      this.rounds = rounds;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder anchor(@Nullable Anchor anchor) {
      this.anchor = anchor;
      return this;
    }

    public Builder anchor(String model, double rating) {
      this.anchor = new Anchor(Objects.requireNonNull(model), rating);
      return this;
    }

    public Builder l2(double l2) {
      this.l2 = l2;
      return this;
    }

    /** Bootstrap rounds run in parallel; results do not depend on the thread count. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public RatingOptions build() {
      return new RatingOptions(rounds, seed, anchor, l2, threads);
    }
  }
}
