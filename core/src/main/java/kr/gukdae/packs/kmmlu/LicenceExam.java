package kr.gukdae.packs.kmmlu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.Metric;
import kr.gukdae.eval.Metrics;
import kr.gukdae.eval.OutputType;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Scorer;
import kr.gukdae.eval.Scorers;
import kr.gukdae.eval.tasks.ScorerFactory;

/**
 * {@code licence_exam}: KMMLU-Pro's scoring. Besides accuracy it reports {@code pass_rate}, the
 * share of licences a model would pass under the Korean professional-licence rule the benchmark's
 * authors apply: at least {@code subject_min} (40%) in every subject and at least {@code
 * average_min} (60%) on the average of the subject scores. Each sample is filed under its licence
 * and subject, read from the columns {@code licence_column} and {@code subject_column}.
 */
public final class LicenceExam implements ScorerFactory {

  private static final char SEPARATOR = '\u001f';

  @Override
  public String name() {
    return "licence_exam";
  }

  @Override
  public List<ScoreSpec> create(Context c) {
    String licence = c.options().getOrDefault("licence_column", "license_name");
    String subject = c.options().getOrDefault("subject_column", "subject");
    double subjectMin = fraction(c, "subject_min", 0.4);
    double averageMin = fraction(c, "average_min", 0.6);
    boolean loglikelihood = c.outputType() == OutputType.MULTIPLE_CHOICE;
    Scorer base = loglikelihood ? Scorers.choiceAccuracy() : Scorers.choiceLetter(c.extractor());
    String accuracy = loglikelihood ? "acc" : "exact_match";
    String filter = loglikelihood ? "none" : c.filterName();
    Scorer filed =
        state -> {
          var doc = state.sample().doc();
          String stratum = doc.getString(licence) + SEPARATOR + doc.getString(subject);
          return base.score(state).withStratum(stratum);
        };
    return c.metrics().stream()
        .map(metric -> {
          if (metric.equals(accuracy)) {
            return new ScoreSpec(metric, filter, filed, Metrics.mean());
          }
          if (metric.equals("pass_rate")) {
            return new ScoreSpec(metric, filter, filed, passRate(subjectMin, averageMin));
          }
          throw c.unknownMetric(metric, accuracy + ", pass_rate");
        })
        .toList();
  }

  private static double fraction(Context c, String key, double otherwise) {
    String value = c.options().get(key);
    if (value == null) {
      return otherwise;
    }
    try {
      double d = Double.parseDouble(value);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw UserError.of(
        c.where() + ": scorer_options." + key + "은(는) 0..1 사이의 비율이어야 합니다 (받은 값: '" + value + "')",
        c.where() + ": scorer_options." + key + " must be a fraction 0..1, got '" + value + "'");
  }

  /**
   * Share of licences passed: a licence passes when each of its subjects' mean score is at least
   * {@code subjectMin} and the mean of those subject means at least {@code averageMin}.
   */
  static Metric passRate(double subjectMin, double averageMin) {
    return scores -> {
      Map<String, Map<String, double[]>> byLicence = new LinkedHashMap<>();
      for (Score s : scores) {
        if (s.stratum() == null) {
          // This scorer files every score; a record without a stratum comes from a journal or a
          // distributed worker's records that another scorer or gukdae version wrote.
          throw UserError.of(
              "pass_rate: 실행 기록의 점수에 자격증·과목 분류(stratum)가 없습니다. 다른 채점기나 다른 gukdae 버전이 쓴 기록"
                  + "(journal.jsonl 또는 분산 작업자의 결과)입니다. 모든 작업자를 같은 버전으로 실행하고 새 실행을 시작하세요",
              "pass_rate: a score in the run's records has no licence and subject (stratum): the"
                  + " records (journal.jsonl or a distributed worker's results) were written by"
                  + " another scorer or gukdae version; run every worker with the same version and"
                  + " start a new run");
        }
        int cut = s.stratum().indexOf(SEPARATOR);
        String licence = cut < 0 ? s.stratum() : s.stratum().substring(0, cut);
        String subject = cut < 0 ? "" : s.stratum().substring(cut + 1);
        double[] sumAndCount =
            byLicence
                .computeIfAbsent(licence, k -> new LinkedHashMap<>())
                .computeIfAbsent(subject, k -> new double[2]);
        sumAndCount[0] += s.value();
        sumAndCount[1]++;
      }
      if (byLicence.isEmpty()) {
        return new Metric.MetricValue(Double.NaN, Double.NaN, "licence_pass");
      }
      int passed = 0;
      for (Map<String, double[]> subjects : byLicence.values()) {
        if (passes(subjects, subjectMin, averageMin)) {
          passed++;
        }
      }
      return new Metric.MetricValue(
          (double) passed / byLicence.size(),
          Double.NaN,
          "licence_pass " + passed + "/" + byLicence.size());
    };
  }

  private static boolean passes(Map<String, double[]> subjects, double subjectMin, double avgMin) {
    // A hair of tolerance so that 2 of 5 right counts as the 40% it is.
    double eps = 1e-9;
    double total = 0;
    for (double[] sumAndCount : subjects.values()) {
      double mean = sumAndCount[0] / sumAndCount[1];
      if (mean + eps < subjectMin) {
        return false;
      }
      total += mean;
    }
    return total / subjects.size() + eps >= avgMin;
  }
}
