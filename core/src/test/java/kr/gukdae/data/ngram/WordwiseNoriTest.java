package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-word memo of nori-2 is only a speed-up: full, emptied or absent, the tokens agree. */
class WordwiseNoriTest {

  private static List<String> tokens(WordwiseNori nori, List<String> docs) {
    List<String> out = new ArrayList<>();
    for (String doc : docs) {
      nori.run(
          doc,
          (chars, length, start, end) ->
              out.add(new String(chars, 0, length) + "@" + start + "-" + end));
      out.add("|");
    }
    return out;
  }

  @Test
  void rememberedForgottenAndFreshAnalysesAgree() {
    List<String> docs = NgramGoldenTest.corpus();
    List<String> fresh = tokens(new WordwiseNori(0), docs);
    assertThat(fresh).hasSizeGreaterThan(10_000);
    // 3 entries: emptied every few words, so hits, misses and clears all happen.
    assertThat(tokens(new WordwiseNori(3), docs)).isEqualTo(fresh);
    WordwiseNori warm = new WordwiseNori(1 << 17);
    assertThat(tokens(warm, docs)).isEqualTo(fresh);
    assertThat(tokens(warm, docs)).isEqualTo(fresh); // second pass: every word from the memo
  }

  @Test
  void separatorsAreWhiteSpaceOfAnyKindAndNeverSplitASurrogatePair() {
    assertThat(WordwiseNori.isSeparator(' ')).isTrue();
    assertThat(WordwiseNori.isSeparator('\t')).isTrue();
    assertThat(WordwiseNori.isSeparator('\u00A0')).isTrue(); // no-break space: Nori skips it too
    assertThat(WordwiseNori.isSeparator('\u3000')).isTrue();
    assertThat(WordwiseNori.isSeparator('\u200B')).isFalse(); // zero-width space is a format char
    for (char c = Character.MIN_SURROGATE; c < Character.MAX_SURROGATE; c++) {
      assertThat(WordwiseNori.isSeparator(c)).isFalse();
    }
  }
}
