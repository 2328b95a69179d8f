package kr.gukdae.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.gukdae.UserError;
import kr.gukdae.eval.reference.ReferenceScore;
import kr.gukdae.eval.reference.ReferenceScores;

/**
 * The moving target: at each stage the reference set is the frontier models released within the
 * last N months before the evaluation date, so the bar rises as new models come out. The window and
 * "best score in it" are {@link ReferenceScores}'s, the same rule {@code gukdae compare} uses; this
 * class only adapts a programme's {@code references} section to it.
 */
public record MovingTarget(List<ReferenceModel> models, LocalDate evaluationDate, int months) {

  /** The metric name programme references are filed under in the shared reference table. */
  static final String METRIC = "score";

  /** The best reference score for a benchmark and the model that set it. */
  public record Reference(String model, double score) {}

  public MovingTarget {
    models = List.copyOf(models);
    if (months < 1) {
      throw UserError.of(
          "referenceWindowMonths " + months + ": 1 이상이어야 합니다 (기준 모델을 찾는 개월 수)",
          "referenceWindowMonths "
              + months
              + ": must be at least 1 (months to look back for"
              + " reference models)");
    }
  }

  /** The programme's references as the shared reference table. */
  public static ReferenceScores table(List<ReferenceModel> models) {
    List<ReferenceScore> rows = new ArrayList<>();
    for (ReferenceModel m : models) {
      m.scores().entrySet().stream()
          .filter(e -> e.getValue() > 0 && Double.isFinite(e.getValue()))
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e ->
              rows.add(
                  new ReferenceScore(
                      m.name(), e.getKey(), METRIC, e.getValue(), m.released(), "programme")));
    }
    return ReferenceScores.of(rows);
  }

  /** Models released in (evaluationDate - months, evaluationDate]. */
  public List<ReferenceModel> referenceSet() {
    return models.stream()
        .filter(m -> ReferenceScores.inWindow(m.released(), evaluationDate, months))
        .toList();
  }

  public Optional<Reference> reference(String benchmark) {
    return table(models)
        .bestWithin(benchmark, METRIC, evaluationDate, months)
        .map(s -> new Reference(s.model(), s.score()));
  }

  /** A declared target model's score, whatever its release date (teams pick their own target). */
  public Optional<Reference> target(String model, String benchmark) {
    return table(models)
        .find(model, benchmark, METRIC)
        .map(s -> new Reference(s.model(), s.score()));
  }

  public static double ratio(double score, double reference) {
    return reference <= 0 ? 0 : score / reference;
  }
}
