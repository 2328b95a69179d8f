package kr.gukdae.data.ngram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nori-2}: Nori on each white-space-separated word (어절) alone, inside a fixed frame, so a
 * word's tokens are a function of the word and can be remembered.
 *
 * <p>Why a new normaliser rather than a cache in front of {@code nori-1}: Nori's lattice runs
 * across spaces (the cost of joining the previous word's last morpheme to this word's first one
 * decides between parses), so in {@code nori-1} the same word is cut differently in different
 * sentences ("기후의" gives 기후 in one sentence and 기/후의 alone). Remembering {@code nori-1}'s tokens
 * per word would therefore change its output; {@code NormaliserTest} keeps that counterexample.
 * Here every word is analysed as {@link #BEFORE} + word + {@link #AFTER} (a mid-sentence position,
 * so a trailing particle is read as one, not as a sentence end) and only the tokens that start
 * inside the word are kept. A verbatim copy of a benchmark item then gives the item's tokens
 * whatever text surrounds it, which {@code nori-1} does not promise for the item's first and last
 * word.
 *
 * <p>The memo is per thread and only a speed-up: an entry is the word's analysis, a pure function
 * of the word, so whether a word is found in it, or the memo was emptied when full, cannot change a
 * token (the differential check in {@code benchmarks/data} compares it with a plain re-analysis).
 */
final class WordwiseNori {

  static final String BEFORE = "학교 ";
  static final String AFTER = " 그리고";

  // Words longer than this are analysed every time (rare, and they would crowd the memo).
  private static final int MAX_REMEMBERED_LENGTH = 48;
  // ~130k words (a few tens of MB per thread); emptied when full, which keeps it simple and
  // deterministic while the frequent words come straight back. The system property exists for the
  // benchmark's differential check (0 = analyse every word afresh), not for tuning.
  private static final int MAX_ENTRIES =
      Math.max(0, Integer.getInteger("gukdae.nori2.memoEntries", 1 << 17));

  private static final ThreadLocal<WordwiseNori> PER_THREAD =
      ThreadLocal.withInitial(() -> new WordwiseNori(MAX_ENTRIES));

  /** One word's tokens: each term, and its offsets in the word. */
  private record Analysis(char[][] terms, int[] starts, int[] stops) {}

  private final Map<String, Analysis> memo = new HashMap<>();
  private final StringBuilder frame = new StringBuilder();
  private final int maxEntries;

  WordwiseNori(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  static void forEachTerm(String text, Normaliser.TermSink sink) {
    PER_THREAD.get().run(text, sink);
  }

  void run(String text, Normaliser.TermSink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSeparator(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        emit(analysis(text.substring(start, i)), start, sink);
      }
    }
  }

  /** Separators never are surrogates, so a cut never splits a pair. */
  static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private Analysis analysis(String word) {
    if (word.length() > MAX_REMEMBERED_LENGTH || maxEntries == 0) {
      return analyse(word);
    }
    Analysis known = memo.get(word);
    if (known == null) {
      if (memo.size() >= maxEntries) {
        memo.clear();
      }
      known = analyse(word);
      memo.put(word, known);
    }
    return known;
  }

  private Analysis analyse(String word) {
    frame.setLength(0);
    frame.append(BEFORE).append(word).append(AFTER);
    int from = BEFORE.length();
    int to = from + word.length();
    Packer packer = new Packer();
    Normaliser.nori(
        frame.toString(),
        (chars, length, start, end) -> {
          if (start >= from && start < to) {
            packer.add(chars, length, start - from, Math.min(end, to) - from);
          }
        });
    return packer.done();
  }

  private static void emit(Analysis a, int offset, Normaliser.TermSink sink) {
    for (int t = 0; t < a.terms.length; t++) {
      sink.term(a.terms[t], a.terms[t].length, offset + a.starts[t], offset + a.stops[t]);
    }
  }

  private static final class Packer {
    private final List<char[]> terms = new ArrayList<>(4);
    private int[] starts = new int[4];
    private int[] stops = new int[4];

    void add(char[] term, int length, int start, int stop) {
      int count = terms.size();
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        stops = Arrays.copyOf(stops, count * 2);
      }
      terms.add(Arrays.copyOf(term, length));
      starts[count] = start;
      stops[count] = stop;
    }

    Analysis done() {
      int count = terms.size();
      return new Analysis(
          terms.toArray(new char[0][]), Arrays.copyOf(starts, count), Arrays.copyOf(stops, count));
    }
  }
}
