package kr.gukdae.arena;

import java.util.List;
import java.util.Optional;

/**
 * Ratings for one slice of battles, best first. {@code battles} is how many battles were used;
 * {@code style} holds the fitted style effects (empty unless the method is {@link Method#STYLE}).
 */
public record Leaderboard(
    Method method,
    List<ModelRating> ratings,
    int battles,
    int bootstrapRounds,
    List<StyleCoefficient> style) {

  public Leaderboard {
    ratings = List.copyOf(ratings);
    style = List.copyOf(style);
  }

  public Optional<ModelRating> find(String model) {
    return ratings.stream().filter(r -> r.model().equals(model)).findFirst();
  }

  /** CSV with a header: model,rating,lower,upper,battles,rank (ratings to 4 decimals). */
  public String toCsv() {
    return LeaderboardText.csv(this);
  }

  /** A JSON object with method, battles, bootstrap rounds, ratings and style coefficients. */
  public String toJson() {
    return LeaderboardText.json(this);
  }
}
