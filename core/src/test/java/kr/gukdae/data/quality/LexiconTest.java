package kr.gukdae.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Aho–Corasick lexicon answers what a search term by term answers: the first term in list order
 * that the text contains with its white space removed. Terms overlap, nest and share suffixes here
 * (a small alphabet makes that common), which is where failure links go wrong.
 */
class LexiconTest {

  private static @Nullable String termByTerm(List<String> terms, String folded) {
    String squeezed = Patterns.withoutSpace(folded);
    for (String t : terms) {
      if (squeezed.contains(t)) {
        return t;
      }
    }
    return null;
  }

  private static String random(Random r, String alphabet, int max) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  @Test
  void answersAsATermByTermSearchOnOverlappingTerms() {
    Random r = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<String> terms = new ArrayList<>();
      for (int k = 1 + r.nextInt(8); k > 0; k--) {
        terms.add(random(r, "abc", 5)); // may be empty: every text contains ""
      }
      Lexicon lexicon = new Lexicon(terms);
      for (int t = 0; t < 50; t++) {
        String text = random(r, "abc \t\n가", 30);
        assertThat(lexicon.firstIn(text))
            .as(terms + " in '" + text + "'")
            .isEqualTo(termByTerm(terms, text));
      }
    }
  }

  @Test
  void knownOverlaps() {
    Lexicon lexicon = new Lexicon(List.of("hers", "she", "he", "his"));
    assertThat(lexicon.firstIn("ushers")).isEqualTo("hers"); // "she" and "he" end earlier
    assertThat(lexicon.firstIn("u s h e")).isEqualTo("she");
    assertThat(lexicon.firstIn("ahishe")).isEqualTo("she");
    assertThat(lexicon.firstIn("hi s")).isEqualTo("his");
    assertThat(lexicon.firstIn("xyz")).isNull();
    assertThat(Lexicon.HATE.firstIn(Patterns.fold("그 김 치\t녀 말이다"))).isEqualTo("김치녀");
    assertThat(Lexicon.HATE.firstIn(Patterns.fold("ＳＵＢＨＵＭＡＮ"))).isEqualTo("subhuman");
  }
}
