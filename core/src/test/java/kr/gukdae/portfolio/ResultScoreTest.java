package kr.gukdae.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.gukdae.UserError;
import kr.gukdae.office.OfficeFiles;
import org.junit.jupiter.api.Test;

/** A results file's score outside 0-100 is refused naming the line, model, benchmark and range. */
class ResultScoreTest {

  @Test
  void aScoreAboveOneHundredIsNamedInBothLanguages() {
    String file =
        """
        results:
          - {model: kilaw-law-7b, benchmark: ko-bar-exam, score: 70}
          - {model: kilaw-law-7b, benchmark: ko-tax-exam, score: 170}
        """;
    assertThatThrownBy(() -> OfficeFiles.portfolioResults(file, "results.yaml"))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          UserError error = (UserError) e;
          assertThat(error.message(true))
              .contains("results.yaml", "kilaw-law-7b/ko-tax-exam", "score는 0-100")
              .doesNotContain("값이 올바르지 않습니다");
          assertThat(error.message(false))
              .contains("results.yaml", "kilaw-law-7b/ko-tax-exam", "score must be 0-100, got 170");
          assertThat(UserError.hasKorean(error.message(false))).isFalse();
        });
    assertThat(OfficeFiles.portfolioResults(file.replace("170", "100"), "results.yaml")).hasSize(2);
  }
}
