package kr.gukdae.data.ngram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How text becomes the tokens n-grams are taken over. Both sides of an audit (the team's training
 * text and gukdae's benchmark items) must use the same one, so its name and version travel in the
 * header of every n-gram file.
 */
public enum Normaliser {
  /**
   * Korean-aware: NFKC, Nori morphemes with compounds split, particles, endings, copula, suffixes
   * and punctuation dropped, hanja read as hangul, lower case. "학생이 읽었다" and "학생은 읽었고" share the
   * n-gram "학생 읽"; a re-spaced copy still matches.
   */
  NORI_1,
  /**
   * {@link #NORI_1}'s tokens, but each white-space-separated word analysed on its own in a fixed
   * frame ({@link WordwiseNori}), so a word gives the same tokens wherever it stands and the
   * analysis of repeated words is remembered: many times faster on real and generated text.
   */
  NORI_2,
  /** lm-eval/GPT-3 style: NFKC, lower case, punctuation removed, split on white space. */
  WORDS_1;

  /**
   * The normaliser of a new n-gram file when none is named ({@code gukdae data ngrams}, the {@code
   * ngrams} job): {@code nori-2}, whose tokens for a word do not depend on the words around it, so
   * a copied item has its n-grams wherever it stands. Existing files keep theirs: an audit takes
   * the normaliser from the file's header.
   */
  public static final String DEFAULT_ID = "nori-2";

  /** One token and where it came from in the original text (for matched spans). */
  public record Token(String term, int start, int end) {}

  // Tags whose morphemes change with grammar rather than content (조사, 어미, 접미사, 부호).
  private static final Set<POS.Tag> DROPPED =
      EnumSet.of(
          POS.Tag.EP,
          POS.Tag.EF,
          POS.Tag.EC,
          POS.Tag.ETN,
          POS.Tag.ETM,
          POS.Tag.JKS,
          POS.Tag.JKC,
          POS.Tag.JKG,
          POS.Tag.JKO,
          POS.Tag.JKB,
          POS.Tag.JKV,
          POS.Tag.JKQ,
          POS.Tag.JX,
          POS.Tag.JC,
          POS.Tag.VCP,
          POS.Tag.XSV,
          POS.Tag.XSA,
          POS.Tag.XSN,
          POS.Tag.SF,
          POS.Tag.SP,
          POS.Tag.SSC,
          POS.Tag.SSO,
          POS.Tag.SC,
          POS.Tag.SY,
          POS.Tag.SE);

  private static final Analyzer NORI =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer tokenizer =
              new KoreanTokenizer(
                  TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                  null,
                  KoreanTokenizer.DecompoundMode.DISCARD,
                  false,
                  true);
          TokenStream s = new KoreanPartOfSpeechStopFilter(tokenizer, DROPPED);
          s = new KoreanReadingFormFilter(s);
          return new TokenStreamComponents(tokenizer, new LowerCaseFilter(s));
        }
      };

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Normaliser fromId(String id) {
    for (Normaliser n : values()) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "unknown normaliser '" + id + "'; use nori-1, nori-2 or words-1");
  }

  /**
   * Receives each token as it is found: its term in {@code chars[0..length)} (an array the caller
   * reuses: copy what must outlive the call) and its offsets.
   */
  @FunctionalInterface
  interface TermSink {
    void term(char[] chars, int length, int start, int end);
  }

  /** Tokens of {@code text}; offsets index into {@code text} itself. */
  public List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    forEachTerm(
        text,
        (chars, length, start, end) ->
            out.add(new Token(new String(chars, 0, length), start, end)));
    return out;
  }

  /**
   * The tokens of {@code text} without a String or record per token: what indexing gigabytes needs
   * (the terms only feed a hash). {@link #tokens} is this plus the copies, so both give the same.
   */
  void forEachTerm(String text, TermSink sink) {
    // NFKC keeps length for almost all Korean and English text; where it does not, offsets fall
    // back to the normalised text, which only affects how a matched span is displayed. Most text
    // is already NFKC, and the quick check is cheaper than building the same string again.
    String nfkc =
        Normalizer.isNormalized(text, Normalizer.Form.NFKC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFKC);
    switch (this) {
      case NORI_1 -> nori(nfkc, sink);
      case NORI_2 -> WordwiseNori.forEachTerm(nfkc, sink);
      case WORDS_1 -> words(nfkc, sink);
    }
  }

  static void nori(String text, TermSink sink) {
    // The analyzer keeps one tokenizer chain per thread and resets it per call (Lucene's reuse
    // strategy), so no dictionary or lattice is built per document.
    try (TokenStream ts = NORI.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        sink.term(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tokenise text held in memory", e);
    }
  }

  private static void words(String text, TermSink sink) {
    char[] word = new char[64];
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      int start = i;
      int length = 0;
      while (i < n && !Character.isWhitespace(text.codePointAt(i))) {
        int cp = text.codePointAt(i);
        if (Character.isLetterOrDigit(cp)) {
          if (length + 2 > word.length) {
            word = java.util.Arrays.copyOf(word, word.length * 2);
          }
          length += Character.toChars(Character.toLowerCase(cp), word, length);
        }
        i += Character.charCount(cp);
      }
      if (length > 0) {
        sink.term(word, length, start, i);
      }
    }
  }
}
