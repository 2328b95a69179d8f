package kr.gukdae.eval.reference;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for model names: containment first, then edit distance. */
final class Names {

  private Names() {}

  static List<String> closest(String wanted, List<String> names, int limit) {
    String w = wanted.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(2, w.length() / 3);
    return names.stream()
        .filter(n -> contains(n, w) || distance(n.toLowerCase(Locale.ROOT), w) <= tolerance)
        .sorted(
            Comparator.comparingInt((String n) -> contains(n, w) ? 0 : 1)
                .thenComparingInt(n -> distance(n.toLowerCase(Locale.ROOT), w)))
        .limit(limit)
        .toList();
  }

  private static boolean contains(String name, String wanted) {
    String n = name.toLowerCase(Locale.ROOT);
    return wanted.length() >= 3 && (n.contains(wanted) || wanted.contains(n));
  }

  /** Levenshtein distance; names are short, so the quadratic table is fine. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
