package kr.gukdae;

import java.util.Objects;

/**
 * One sentence a person reads, in Korean and English: stage explanations, lineage counts, ledger
 * verdicts, forensics explanations and every other text the core writes for people. It lives in the
 * root package so that every layer (sources, evidence, scoring, decision) can say things in both
 * languages without depending on another; the CLI prints one with {@code Terminal.pick(text.ko(),
 * text.en())}, REST sends both. A text that also needs a stable code (a reason kept in the ledger)
 * is a {@link kr.gukdae.text.Reason}, which is a code and one of these.
 */
public record Bilingual(String ko, String en) {

  public Bilingual {
    Objects.requireNonNull(ko, "ko");
    Objects.requireNonNull(en, "en");
  }

  /** The text in one language. */
  public String in(boolean korean) {
    return korean ? ko : en;
  }

  /** This text and another joined by {@code separator} in each language. */
  public Bilingual joined(String separator, Bilingual more) {
    return new Bilingual(ko + separator + more.ko, en + separator + more.en);
  }

  /**
   * This text followed by another as the next sentence (a space between); an empty side adds
   * nothing, so texts can be built up from an empty one.
   */
  public Bilingual plus(Bilingual more) {
    return new Bilingual(sentences(ko, more.ko), sentences(en, more.en));
  }

  private static String sentences(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }
}
