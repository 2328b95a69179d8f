package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  private static List<String> terms(Normaliser n, String text) {
    return n.tokens(text).stream().map(Normaliser.Token::term).toList();
  }

  @Test
  void particlesEndingsAndSpacingDoNotChangeKoreanTokens() {
    List<String> a = terms(Normaliser.NORI_1, "대한민국의 수도는 서울이다.");
    List<String> b = terms(Normaliser.NORI_1, "대한민국 의 수도 는 서울 이다");
    List<String> c = terms(Normaliser.NORI_1, "대한민국이 수도를 서울로");
    assertThat(a).isEqualTo(b).containsExactly("대한", "민국", "수도", "서울");
    assertThat(c).isEqualTo(a);
  }

  @Test
  void fullWidthAndCaseAreFoldedAndOffsetsPointIntoTheOriginal() {
    String text = "ＧＰＴ 모델은 Korean 문장을 읽었다";
    var tokens = Normaliser.NORI_1.tokens(text);
    assertThat(tokens.get(0).term()).isEqualTo("gpt");
    var korean = tokens.stream().filter(t -> t.term().equals("korean")).findFirst().orElseThrow();
    assertThat(text.substring(korean.start(), korean.end())).isEqualTo("Korean");
  }

  @Test
  void wordsNormaliserFollowsLmEval() {
    assertThat(terms(Normaliser.WORDS_1, "Hello, World!  It's 2025."))
        .containsExactly("hello", "world", "its", "2025");
    // Without morphemes a particle change breaks the word: why NORI_1 is the default for Korean.
    assertThat(terms(Normaliser.WORDS_1, "수도는")).isNotEqualTo(terms(Normaliser.WORDS_1, "수도가"));
  }
}
