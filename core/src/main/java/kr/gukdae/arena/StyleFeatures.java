package kr.gukdae.arena;

/**
 * Markdown style of one answer, the covariates of style-controlled ratings (FastChat's "style
 * control"): length in characters, number of headers, list items and bold spans. Voters favour
 * longer, more decorated answers; style control separates that from substance.
 */
public record StyleFeatures(long length, int headers, int listItems, int bold) {

  /** Number of covariates, in the order {@link #values()} returns them. */
  public static final int COUNT = 4;

  public static final java.util.List<String> NAMES =
      java.util.List.of("length", "headers", "list_items", "bold");

  public StyleFeatures {
    if (length < 0 || headers < 0 || listItems < 0 || bold < 0) {
      // BattleStyle refuses a negative count in a file, naming the row; the rest are counted
      throw new IllegalArgumentException("bug: style counts cannot be negative");
    }
  }

  double[] values() {
    return new double[] {length, headers, listItems, bold};
  }

  /**
   * Counts the features of a Markdown answer (code-point length, ATX headers, list items, bold).
   */
  public static StyleFeatures of(String markdown) {
    int headers = 0;
    int lists = 0;
    boolean inFence = false;
    for (String raw : markdown.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      if (line.matches("#{1,6}\\s.*")) {
        headers++;
      } else if (line.matches("([-*+]|\\d{1,9}[.)])\\s.*")) {
        lists++;
      }
    }
    int bold = countPairs(markdown, "**") + countPairs(markdown, "__");
    return new StyleFeatures(markdown.codePointCount(0, markdown.length()), headers, lists, bold);
  }

  private static int countPairs(String text, String marker) {
    int n = 0;
    for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
      n++;
    }
    return n / 2;
  }
}
