package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTest {

  @Test
  void aBilingualMessageIsSplitKeepingTheFieldPrefixInBothHalves() {
    var text = Problems.Bilingual.split("model 'x': 모델이 없습니다 / no such model");
    assertThat(text.ko()).isEqualTo("model 'x': 모델이 없습니다");
    assertThat(text.en()).isEqualTo("model 'x': no such model");
  }

  @Test
  void anEnglishOnlyMessageIsTheSameInBothLanguages() {
    // a slash that does not follow Korean text is part of the English sentence
    String text = "references: a file path / URL is not allowed here";
    assertThat(Problems.Bilingual.split(text)).isEqualTo(new Problems.Bilingual(text, text));
    assertThat(Problems.Bilingual.split("plain"))
        .isEqualTo(new Problems.Bilingual("plain", "plain"));
  }

  @Test
  void aProblemCarriesStatusCodeAndBothLanguages() {
    var problem = Problems.of(HttpStatus.CONFLICT, "revealed", "공개 후입니다 / after the reveal");
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getTitle()).isEqualTo("Conflict");
    assertThat(problem.getDetail()).isEqualTo("공개 후입니다 / after the reveal");
    assertThat(problem.getProperties())
        .containsEntry("error", "revealed")
        .containsEntry("message", "공개 후입니다 / after the reveal")
        .containsEntry("messageKo", "공개 후입니다")
        .containsEntry("messageEn", "after the reveal");
  }
}
