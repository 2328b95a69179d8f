package kr.gukdae.packs.kmmlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.gukdae.UserError;
import kr.gukdae.eval.Metric;
import kr.gukdae.eval.Score;
import org.junit.jupiter.api.Test;

/** KMMLU-Pro's licence rule: every subject at least 40%, the subjects' average at least 60%. */
class LicenceExamTest {

  private final Metric passRate = LicenceExam.passRate(0.4, 0.6);

  /** {@code right} correct answers out of {@code of} in one licence's subject. */
  private static void add(List<Score> scores, String licence, String subject, int right, int of) {
    for (int i = 0; i < of; i++) {
      scores.add(Score.correct(i < right, "A", "A").withStratum(licence + '\u001f' + subject));
    }
  }

  @Test
  void aLicenceFailsOnOneSubjectBelowFortyPercentWhateverItsAverage() {
    List<Score> scores = new ArrayList<>();
    add(scores, "세무사", "회계학", 10, 10);
    add(scores, "세무사", "세법", 10, 10);
    add(scores, "세무사", "재정학", 3, 10); // 30%: average 76.7% does not save it
    add(scores, "감정평가사", "민법", 4, 10); // exactly 40% passes the subject floor
    add(scores, "감정평가사", "경제학원론", 8, 10); // average exactly 60%
    Metric.MetricValue value = passRate.aggregate(scores);
    assertThat(value.value()).isEqualTo(0.5);
    assertThat(value.method()).isEqualTo("licence_pass 1/2");
  }

  @Test
  void aLicenceFailsOnAnAverageBelowSixtyPercent() {
    List<Score> scores = new ArrayList<>();
    add(scores, "변리사", "특허법", 5, 10);
    add(scores, "변리사", "민법", 6, 10); // both over 40%, average 55%
    assertThat(passRate.aggregate(scores).value()).isZero();
  }

  @Test
  void subjectsAreAveragedEquallyNotWeightedByQuestions() {
    List<Score> scores = new ArrayList<>();
    add(scores, "L", "big", 50, 100); // 50%
    add(scores, "L", "small", 3, 4); // 75%: subject average 62.5% passes, pooled 51.9% would not
    assertThat(passRate.aggregate(scores).value()).isEqualTo(1.0);
  }

  @Test
  void unfiledScoresAreRefused() {
    // a journal or a worker's records written by another scorer or version carry no stratum
    assertThatThrownBy(() -> passRate.aggregate(List.of(Score.correct(true, "A", "A"))))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          UserError error = (UserError) e;
          assertThat(error.message(true)).contains("pass_rate", "stratum", "새 실행");
          assertThat(error.message(false))
              .contains("pass_rate", "stratum", "same version", "new run");
          assertThat(UserError.hasKorean(error.message(false))).isFalse();
        });
  }

  @Test
  void agreesWithAPlainRecountOnRandomExams() {
    for (long seed = 1; seed <= 200; seed++) {
      var random = new Random(seed);
      List<Score> scores = new ArrayList<>();
      Map<String, Map<String, int[]>> truth = new LinkedHashMap<>();
      int licences = 1 + random.nextInt(5);
      for (int l = 0; l < licences; l++) {
        int subjects = 1 + random.nextInt(4);
        for (int s = 0; s < subjects; s++) {
          int of = 1 + random.nextInt(12);
          int right = random.nextInt(of + 1);
          add(scores, "L" + l, "S" + s, right, of);
          truth
              .computeIfAbsent("L" + l, k -> new LinkedHashMap<>())
              .put("S" + s, new int[] {right, of});
        }
      }
      java.util.Collections.shuffle(scores, random);
      int passed = 0;
      for (var subjects : truth.values()) {
        boolean floor = true;
        double sum = 0;
        for (int[] ro : subjects.values()) {
          // Integer arithmetic: right/of >= 2/5 and the mean >= 3/5, no rounding involved.
          floor &= 5 * ro[0] >= 2 * ro[1];
          sum += (double) ro[0] / ro[1];
        }
        if (floor && sum / subjects.size() >= 0.6 - 1e-12) {
          passed++;
        }
      }
      assertThat(passRate.aggregate(scores).value())
          .as("seed " + seed)
          .isEqualTo((double) passed / truth.size());
    }
  }
}
