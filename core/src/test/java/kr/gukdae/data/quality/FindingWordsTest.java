package kr.gukdae.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import kr.gukdae.Bilingual;
import kr.gukdae.text.Sentence;
import org.junit.jupiter.api.Test;

/** Every detail a quality check writes, and every rate line of a diff, reads back in Korean. */
class FindingWordsTest {

  private static boolean hangul(String text) {
    return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }

  @Test
  void everyTemplateReadsBackInKorean() {
    for (Sentence t : FindingWords.DETAILS) {
      String english = t.english("data.jsonl:7", 0.8);
      Bilingual read =
          FindingWords.detail(new QualityReport.Finding("ocrNoise", "r", "k", english));
      assertThat(read.en()).isEqualTo(english);
      assertThat(hangul(read.ko())).as(english).isTrue();
    }
    assertThat(
            FindingWords.detail(new QualityReport.Finding("hate", "r", "k", "lexicon term 'x'"))
                .ko())
        .isEqualTo("혐오 표현 사전의 낱말 'x'");
  }

  @Test
  void personalDataNamesEachKindInKorean() {
    var f = new QualityReport.Finding("personalData", "r", "k", "phone 010-****, email a***@b.kr");
    assertThat(FindingWords.detail(f).ko()).isEqualTo("전화번호 010-****, 이메일 a***@b.kr");
  }

  @Test
  void rateLinesNameTheCriterionInKorean() {
    String failed = FindingWords.RATE_FAILED.english("personalData", "0.5000", "0.2500", "0.0010");
    assertThat(failed).isEqualTo("personalData: 0.5000 -> 0.2500 (limit 0.0010) FAIL");
    assertThat(FindingWords.rate(failed).ko()).isEqualTo("개인정보: 0.5000 -> 0.2500 (한도 0.0010) 미통과");
    String ok = FindingWords.RATE.english("hate", "0.0000", "0.0000", "0.0010");
    assertThat(FindingWords.rate(ok).ko()).isEqualTo("혐오 표현: 0.0000 -> 0.0000 (한도 0.0010)");
  }
}
