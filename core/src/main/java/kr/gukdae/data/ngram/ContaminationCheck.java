package kr.gukdae.data.ngram;

import java.util.List;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** Checks benchmark items against a team's n-gram filter under one published convention. */
public final class ContaminationCheck {

  /** The published conventions. */
  public enum Method {
    /** GPT-3 / lm-evaluation-harness: an item is dirty if any of its 13-grams occurs. */
    GPT3_13GRAM(13, 0.0),
    /** PaLM: an item is contaminated if at least 70% of its 8-grams occur. */
    PALM_8GRAM_70(8, 0.70);

    public final int n;
    public final double threshold;

    Method(int n, double threshold) {
      this.n = n;
      this.threshold = threshold;
    }
  }

  public enum Status {
    CLEAN,
    CONTAMINATED,
    /** Shorter than one n-gram: nothing can be tested; counted with the clean items. */
    TOO_SHORT
  }

  /** One item's verdict; {@code span} is the longest matched stretch of the item's own text. */
  public record ItemResult(
      int docId, Status status, int ngrams, int matched, double fraction, @Nullable String span) {}

  private final NgramFilter filter;
  private final Method method;
  private final Normaliser normaliser;

  /**
   * Refuses a filter built with other parameters than {@code method} and {@code normaliser} need:
   * its hashes could never match, and every item would look clean.
   */
  public ContaminationCheck(
      NgramFilter filter, Method method, Normaliser normaliser, String source) {
    NgramParams p = filter.params();
    if (p.n() != method.n || !p.normaliser().equals(normaliser.id())) {
      throw UserError.of(
          source
              + ": n="
              + p.n()
              + ", 정규화기 "
              + p.normaliser()
              + "(으)로 만들었지만 "
              + method
              + "에는 n="
              + method.n
              + "과(와) "
              + normaliser.id()
              + "이(가) 필요합니다. gukdae data ngrams --n "
              + method.n
              + " --normaliser "
              + normaliser.id()
              + "로 다시 만드세요",
          source
              + ": built with n="
              + p.n()
              + " and normaliser "
              + p.normaliser()
              + ", but "
              + method
              + " needs n="
              + method.n
              + " and "
              + normaliser.id()
              + "; rebuild it with gukdae data ngrams --n "
              + method.n
              + " --normaliser "
              + normaliser.id());
    }
    this.filter = filter;
    this.method = method;
    this.normaliser = normaliser;
  }

  public Method method() {
    return method;
  }

  public Normaliser normaliser() {
    return normaliser;
  }

  /** Checks an item given as its text fields (n-grams never span two fields). */
  public ItemResult check(int docId, List<String> fields) {
    int total = 0;
    int matched = 0;
    String bestSpan = null;
    int bestLength = 0;
    int n = method.n;
    for (String text : fields) {
      List<Normaliser.Token> tokens = normaliser.tokens(text);
      int runStart = -1;
      for (int i = 0; i + n <= tokens.size(); i++) {
        total++;
        boolean hit = filter.mightContain(NgramHash.of(tokens, i, n));
        if (hit) {
          matched++;
          if (runStart < 0) {
            runStart = i;
          }
        }
        boolean runEnds = runStart >= 0 && (!hit || i + n == tokens.size());
        if (runEnds) {
          int last = hit ? i : i - 1;
          int length = last - runStart + n;
          if (length > bestLength) {
            bestLength = length;
            bestSpan = span(text, tokens, runStart, last + n - 1);
          }
          runStart = -1;
        }
      }
    }
    double fraction = total == 0 ? 0 : (double) matched / total;
    Status status;
    if (total == 0) {
      status = Status.TOO_SHORT;
    } else if (method.threshold == 0 ? matched > 0 : fraction >= method.threshold) {
      status = Status.CONTAMINATED;
    } else {
      status = Status.CLEAN;
    }
    return new ItemResult(docId, status, total, matched, fraction, bestSpan);
  }

  private static String span(String text, List<Normaliser.Token> tokens, int first, int last) {
    int start = tokens.get(first).start();
    int end = tokens.get(last).end();
    // Offsets come from the NFKC text; where NFKC changed the length they may not fit the
    // original, and a cut through a surrogate pair would make the verdict file unwritable.
    if (start < 0
        || end > text.length()
        || start >= end
        || Character.isLowSurrogate(text.charAt(start))
        || Character.isHighSurrogate(text.charAt(end - 1))) {
      StringBuilder joined = new StringBuilder();
      for (int i = first; i <= last; i++) {
        joined.append(i > first ? " " : "").append(tokens.get(i).term());
      }
      return joined.toString();
    }
    return text.substring(start, end);
  }
}
