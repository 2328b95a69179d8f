package kr.gukdae.eval.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The bundled published table: sourced rows only, usable by the moving-target comparison. */
class PublishedReferenceScoresTest {

  private final ReferenceScores published = ReferenceScores.published();

  @Test
  void everyRowNamesAModelCardAndNoneIsDemo() {
    assertThat(published.all()).hasSize(18);
    assertThat(published.all())
        .allSatisfy(s -> {
          assertThat(s.source()).startsWith("https://").contains("model card");
          assertThat(s.model()).doesNotContainIgnoringCase("demo");
          assertThat(s.score()).isBetween(1.0, 100.0);
        });
  }

  @Test
  void numbersAreTheOnesPrintedOnTheCards() {
    assertThat(published.find("EXAONE-4.0-32B (reasoning)", "ko/kmmlu_pro", "acc"))
        .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(67.7));
    assertThat(published.find("EXAONE-4.0-32B (non-reasoning)", "global/mmlu_pro", "exact_match"))
        .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(77.6));
    assertThat(published.find("A.X-4.0", "ko/kmmlu_redux", "acc"))
        .hasValueSatisfying(s -> {
          assertThat(s.score()).isEqualTo(74.18);
          assertThat(s.releaseDate()).isEqualTo(LocalDate.of(2025, 7, 3));
        });
  }

  @Test
  void movingTargetOnKmmluProPicksTheBestRecentCard() {
    var best = published.bestWithin("ko/kmmlu_pro", "acc", LocalDate.of(2025, 12, 31), 12);
    assertThat(best).hasValueSatisfying(s -> assertThat(s.model()).isEqualTo("A.X-4.0"));
    // Before EXAONE 4.0's release only A.X 4.0's cards count; before July 2025 none.
    assertThat(published.bestWithin("ko/kmmlu_redux", "acc", LocalDate.of(2025, 7, 10), 6))
        .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(74.18));
    assertThat(published.bestWithin("ko/kmmlu_redux", "acc", LocalDate.of(2025, 6, 30), 6))
        .isEmpty();
    // On MMLU-Pro, K-EXAONE (2025-12-31) overtakes EXAONE 4.0 once it is released.
    assertThat(
            published.bestWithin("global/mmlu_pro", "exact_match", LocalDate.of(2025, 12, 30), 6))
        .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(81.8));
    assertThat(published.bestWithin("global/mmlu_pro", "exact_match", LocalDate.of(2026, 1, 15), 6))
        .hasValueSatisfying(s -> assertThat(s.model()).isEqualTo("K-EXAONE-236B-A23B (reasoning)"));
  }
}
