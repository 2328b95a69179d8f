package kr.gukdae.arena;

/**
 * One leaderboard row. {@code lower}/{@code upper} bound the 95% bootstrap percentile interval
 * (both equal {@code rating} without bootstrap); {@code rank} is 1 + the number of models whose
 * lower bound lies above this model's upper bound, so models that cannot be told apart share a
 * rank.
 */
public record ModelRating(
    String model, double rating, double lower, double upper, int battles, int rank) {

  public ModelRating {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("bug: model name is required (ratings are computed)");
    }
    if (battles < 0 || rank < 1) {
      throw new IllegalArgumentException("bug: battles must be >= 0 and rank >= 1");
    }
  }
}
