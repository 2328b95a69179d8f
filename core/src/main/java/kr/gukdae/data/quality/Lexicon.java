package kr.gukdae.data.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hate/discrimination lexicon ({@code hate-lexicon.txt}) as one Aho–Corasick automaton: a row
 * is read once, whatever the number of terms, instead of once per term. Terms are folded (NFKC,
 * lower case) and have the regex {@code \s} white space removed; the row's folded text is read with
 * that white space skipped, so "김 치 녀" counts as "김치녀". The answer is the first term in file order
 * that occurs anywhere, as a search term by term gave.
 */
final class Lexicon {

  private final List<String> terms;

  /** char → symbol (0: a char no term has, which sends the automaton back to the start). */
  private final char[] symbol = new char[Character.MAX_VALUE + 1];

  private final int width;

  /** The automaton: state × symbol → state, failure links already followed. */
  private final int[] next;

  /** Per state, the smallest index of a term ending there (via suffix links); MAX_VALUE: none. */
  private final int[] ends;

  /** The index of an empty term, which every text contains; MAX_VALUE: none. */
  private final int empty;

  static final Lexicon HATE = new Lexicon(load("hate-lexicon.txt"));

  Lexicon(List<String> terms) {
    this.terms = List.copyOf(terms);
    int symbols = 0;
    int states = 1;
    int emptyAt = Integer.MAX_VALUE;
    for (int t = 0; t < terms.size(); t++) {
      String term = terms.get(t);
      states += term.length();
      if (term.isEmpty()) {
        emptyAt = Math.min(emptyAt, t);
      }
      for (int i = 0; i < term.length(); i++) {
        if (symbol[term.charAt(i)] == 0) {
          symbol[term.charAt(i)] = (char) ++symbols;
        }
      }
    }
    this.empty = emptyAt;
    this.width = symbols + 1;
    int[] trie = new int[states * width]; // 0: no edge (the start state is never a child)
    int[] endsAt = new int[states];
    Arrays.fill(endsAt, Integer.MAX_VALUE);
    int used = 1;
    for (int t = 0; t < terms.size(); t++) {
      int s = 0;
      for (char c : terms.get(t).toCharArray()) {
        int edge = s * width + symbol[c];
        if (trie[edge] == 0) {
          trie[edge] = used++;
        }
        s = trie[edge];
      }
      if (!terms.get(t).isEmpty()) {
        endsAt[s] = Math.min(endsAt[s], t);
      }
    }
    // breadth first: each state's failure link is a shorter state, already complete
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int a = 1; a < width; a++) {
      if (trie[a] != 0) {
        queue.add(trie[a]);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      endsAt[s] = Math.min(endsAt[s], endsAt[fail[s]]);
      for (int a = 1; a < width; a++) {
        int child = trie[s * width + a];
        if (child != 0) {
          fail[child] = trie[fail[s] * width + a];
          queue.add(child);
        } else {
          trie[s * width + a] = trie[fail[s] * width + a];
        }
      }
    }
    this.next = trie;
    this.ends = endsAt;
  }

  /** The first term (in lexicon order) that the folded text contains, white space ignored. */
  @Nullable String firstIn(String folded) {
    int best = empty;
    int s = 0;
    for (int i = 0, n = folded.length(); i < n && best != 0; i++) {
      char c = folded.charAt(i);
      if (Patterns.isRegexSpace(c)) {
        continue;
      }
      char a = symbol[c];
      s = a == 0 ? 0 : next[s * width + a];
      best = Math.min(best, ends[s]);
    }
    return best == Integer.MAX_VALUE ? null : terms.get(best);
  }

  private static List<String> load(String resource) {
    List<String> out = new ArrayList<>();
    try (var r =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(Lexicon.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(Patterns.withoutSpace(Patterns.fold(t)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
