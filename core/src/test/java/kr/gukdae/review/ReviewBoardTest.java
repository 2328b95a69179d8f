package kr.gukdae.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

class ReviewBoardTest {

  private final Panel panel =
      new Panel(
          List.of(
              new Reviewer("r1", "", Set.of("Acme AI")),
              new Reviewer("r2", "", Set.of()),
              new Reviewer("r3", "", Set.of()),
              new Reviewer("r4", "", Set.of())),
          List.of(new RubricItem("design", "", 3, 10), new RubricItem("report", "", 1, 10)),
          Aggregation.DROP_HIGH_LOW);
  private final ReviewBoard board =
      new ReviewBoard(panel, Map.of("acme", Set.of(" ACME  ai"), "other", Set.of("Other Lab")));

  private static ReviewSheet sheet(String r, String team, double design, double report) {
    return new ReviewSheet(r, team, Map.of("design", design, "report", report), "ok");
  }

  @Test
  void conflictedReviewerIsRefusedEvenWithDifferentSpelling() {
    assertThat(panel.eligibleFor(Set.of("acme ai"))).containsExactly("r2", "r3", "r4");
    assertThatThrownBy(() -> board.submit(sheet("r1", "acme", 5, 5)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("conflict of interest");
    board.submit(sheet("r1", "other", 5, 5));
  }

  @Test
  void scoresStayHiddenUntilTheReviewerSubmits() {
    board.submit(sheet("r2", "other", 8, 8));
    assertThat(board.visibleTo("r3", "other")).isEmpty();
    board.submit(sheet("r3", "other", 6, 6));
    assertThat(board.visibleTo("r3", "other")).hasSize(2);
    assertThatThrownBy(() -> board.submit(sheet("r3", "other", 9, 9)))
        .hasMessageContaining("already submitted");
  }

  @Test
  void weightedRubricAndDropHighLow() {
    assertThat(panel.normalised(sheet("r2", "other", 10, 0))).isCloseTo(0.75, within(1e-12));
    board.submit(sheet("r1", "other", 10, 10)); // 1.0, dropped as highest
    board.submit(sheet("r2", "other", 6, 6)); // 0.6
    board.submit(sheet("r3", "other", 8, 8)); // 0.8
    board.submit(sheet("r4", "other", 0, 0)); // 0.0, dropped as lowest
    assertThat(board.aggregate("other")).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void outOfRangeAndUnknownItemsAreNamed() {
    assertThatThrownBy(() ->
            board.submit(new ReviewSheet("r2", "other", Map.of("design", 11.0, "extra", 1.0), "")))
        .hasMessageContaining("item 'design' score 11.0 is outside 0..10.0")
        .hasMessageContaining("item 'report' has no score")
        .hasMessageContaining("item 'extra' is not in the rubric");
    // each check reads alone in each language, in the order the sheet is checked
    var problems =
        panel.problems(new ReviewSheet("r9", "other", Map.of("design", 11.0, "extra", 1.0), ""));
    assertThat(problems.stream().map(Bilingual::ko))
        .containsExactly(
            "평가위원 'r9'은(는) 이 패널에 없습니다",
            "항목 'design'의 점수 11.0이(가) 0..10.0 범위를 벗어났습니다",
            "항목 'report'에 점수가 없습니다",
            "항목 'extra'은(는) 채점 기준표에 없습니다");
    assertThat(problems.stream().map(Bilingual::en))
        .containsExactly(
            "reviewer 'r9' is not on the panel",
            "item 'design' score 11.0 is outside 0..10.0",
            "item 'report' has no score",
            "item 'extra' is not in the rubric");
    // the board's refusal: the Korean half has no English check in it, and the other way round
    assertThatThrownBy(() ->
            board.submit(new ReviewSheet("r2", "other", Map.of("design", 11.0, "extra", 1.0), "")))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true))
                  .startsWith("평가위원 'r2'의 팀 'other' 평가표: ")
                  .contains("항목 'report'에 점수가 없습니다; 항목 'extra'은(는) 채점 기준표에 없습니다")
                  .doesNotContain("has no score", "review by");
              assertThat(e.message(false))
                  .contains("item 'report' has no score; item 'extra' is not in the rubric")
                  .doesNotContainPattern("[가-힣]");
            });
  }

  @Test
  void dropHighLowEqualsMeanOfTheMiddleForRandomScores() {
    for (int seed = 0; seed < 100; seed++) {
      Random rnd = new Random(seed);
      List<Double> s = rnd.doubles(3 + rnd.nextInt(10)).boxed().toList();
      double expected =
          (s.stream().mapToDouble(d -> d).sum()
                  - s.stream().mapToDouble(d -> d).max().orElseThrow()
                  - s.stream().mapToDouble(d -> d).min().orElseThrow())
              / (s.size() - 2);
      assertThat(Aggregation.DROP_HIGH_LOW.apply(s)).isCloseTo(expected, within(1e-9));
      assertThat(Aggregation.MEDIAN.apply(s))
          .isBetween(
              s.stream().mapToDouble(d -> d).min().orElseThrow(),
              s.stream().mapToDouble(d -> d).max().orElseThrow());
    }
    assertThatThrownBy(() -> Aggregation.DROP_HIGH_LOW.apply(List.of(1.0, 2.0)))
        .hasMessageContaining("at least 3");
  }
}
