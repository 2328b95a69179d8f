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
    // Without morphemes a particle change breaks the word: why the default for Korean is Nori.
    assertThat(terms(Normaliser.WORDS_1, "수도는")).isNotEqualTo(terms(Normaliser.WORDS_1, "수도가"));
  }

  @Test
  void noriOneCutsAWordByItsNeighboursSoItsTokensCannotBeRememberedPerWord() {
    // Nori's lattice runs across spaces: the counterexample that makes a per-word memo a new
    // normaliser (nori-2) instead of a cache in front of nori-1, and nori-2 the default for new
    // n-gram files (an item's n-grams under nori-1 can depend on the text around it).
    assertThat(Normaliser.fromId(Normaliser.DEFAULT_ID)).isEqualTo(Normaliser.NORI_2);
    String sentence = "경제을 기후의 설명한다";
    List<String> inSentence =
        Normaliser.NORI_1.tokens(sentence).stream()
            .filter(t -> t.start() >= 4 && t.start() < 7)
            .map(Normaliser.Token::term)
            .toList();
    assertThat(inSentence).containsExactly("기후");
    assertThat(terms(Normaliser.NORI_1, "기후의")).isNotEqualTo(inSentence);
  }

  @Test
  void noriTwoGivesEveryWordTheSameTokensWhereverItStands() {
    kr.gukdae.data.GeneratedText gen = new kr.gukdae.data.GeneratedText(5);
    for (int d = 0; d < 30; d++) {
      String text = d % 3 == 0 ? gen.english(30) : gen.korean(25) + " 한양이었으며 ＧＰＴ－４를";
      List<Normaliser.Token> expected = new java.util.ArrayList<>();
      java.util.regex.Matcher word = java.util.regex.Pattern.compile("\\S+").matcher(text);
      while (word.find()) {
        for (Normaliser.Token t : Normaliser.NORI_2.tokens(word.group())) {
          expected.add(
              new Normaliser.Token(t.term(), word.start() + t.start(), word.start() + t.end()));
        }
      }
      assertThat(Normaliser.NORI_2.tokens(text)).isEqualTo(expected);
    }
  }

  @Test
  void noriTwoKeepsParticleAndSpacingRobustness() {
    List<String> a = terms(Normaliser.NORI_2, "대한민국의 수도는 서울이다.");
    assertThat(a).containsExactly("대한", "민국", "수도", "서울");
    assertThat(terms(Normaliser.NORI_2, "대한민국 의 수도 는 서울 이다")).isEqualTo(a);
    assertThat(terms(Normaliser.NORI_2, "대한민국이 수도를 서울로")).isEqualTo(a);
    // The word that nori-1 cuts by its neighbours reads the same alone and in a sentence here.
    assertThat(terms(Normaliser.NORI_2, "기후의")).containsExactly("기후");
    assertThat(terms(Normaliser.NORI_2, "ＧＰＴ 모델은 Korean 문장을 읽었다"))
        .containsExactly("gpt", "모델", "korean", "문장", "읽");
  }
}
