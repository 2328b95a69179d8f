package kr.gukdae.eval.reference;

import java.time.LocalDate;
import java.util.Objects;
import kr.gukdae.UserError;

/**
 * One published score: a model's result on a benchmark metric, on the scale the source prints
 * (percent for almost every leaderboard), the model's release date and where the number comes from.
 */
public record ReferenceScore(
    String model,
    String benchmark,
    String metric,
    double score,
    LocalDate releaseDate,
    String source) {

  public ReferenceScore {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(releaseDate, "releaseDate");
    Objects.requireNonNull(source, "source");
    if (model.isBlank() || benchmark.isBlank() || metric.isBlank() || source.isBlank()) {
      throw UserError.of(
          "model, benchmark, metric, source는 비워 둘 수 없습니다",
          "model, benchmark, metric and source must not be blank");
    }
    if (!Double.isFinite(score) || score <= 0) {
      throw UserError.of(
          "score는 양수여야 합니다 (받은 값: " + score + ")", "score must be a positive number, got " + score);
    }
  }
}
