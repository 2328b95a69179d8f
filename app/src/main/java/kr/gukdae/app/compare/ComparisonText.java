package kr.gukdae.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.ComparisonRow;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;

/** The comparison as a plain-text table for the terminal. */
final class ComparisonText {

  private static final int MAX_SOURCE = 48;
  private static final int MAX_CELL = 44;
  private static final List<String> HEADER =
      List.of(
          "task", "metric", "ours %", "reference", "ref %", "released", "ratio", "goal", "source");

  private ComparisonText() {}

  static String table(Comparison c, ReferenceTable references) {
    StringBuilder out = new StringBuilder();
    out.append("results:    ").append(c.results()).append('\n');
    out.append("references: ").append(references.label()).append('\n');
    out.append("compared with: ")
        .append(c.baseline().describe())
        .append(" · goal: ratio ≥ ")
        .append(c.goal())
        .append('\n');
    List<List<String>> cells = new ArrayList<>();
    // Tasks without a reference, grouped by reason: a run's categories would otherwise take a line
    // each.
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (ComparisonRow row : c.rows()) {
      switch (row) {
        case Compared r -> cells.add(cells(r));
        case NoReference n ->
            missing.computeIfAbsent(n.reason(), k -> new ArrayList<>()).add(n.task());
      }
    }
    if (!cells.isEmpty()) {
      cells.addFirst(HEADER);
      int[] widths = new int[HEADER.size()];
      cells.forEach(line -> {
        for (int i = 0; i < line.size(); i++) {
          widths[i] = Math.max(widths[i], line.get(i).codePointCount(0, line.get(i).length()));
        }
      });
      for (List<String> line : cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
          String cell = line.get(i);
          boolean number = i == 2 || i == 4 || i == 6;
          String pad = " ".repeat(widths[i] - cell.codePointCount(0, cell.length()));
          text.append(number ? pad + cell : cell + (i == line.size() - 1 ? "" : pad));
          text.append(i == line.size() - 1 ? "" : "  ");
        }
        out.append(text.toString().stripTrailing()).append('\n');
      }
    }
    missing.forEach((reason, tasks) ->
        out.append("no reference (")
            .append(reason)
            .append("): ")
            .append(String.join(", ", tasks))
            .append('\n'));
    int compared = c.compared().size();
    out.append(c.meetingGoal())
        .append(" of ")
        .append(compared)
        .append(" compared task(s) meet the goal; ")
        .append(c.rows().size() - compared)
        .append(" without a reference.\n");
    out.append(
        "metric: the task's primary metric as the run states it (gukdae: first metric and"
            + " filter of the task file), else '<metric>,none', '<metric>,strict-match', then the"
            + " alphabetically first filter; ours % = value × 100.\n");
    if (references.demo()) {
      out.append("DEMO references: invented numbers for trying the comparison.\n");
    }
    return out.toString();
  }

  private static List<String> cells(Compared r) {
    return List.of(
        cut(r.task(), MAX_CELL),
        cut(r.metricKey(), MAX_CELL),
        format(r.percent()),
        cut(r.reference().model(), MAX_CELL),
        format(r.reference().score()),
        r.reference().releaseDate().toString(),
        String.format(Locale.ROOT, "%.3f", r.achievement().ratio()),
        r.meetsGoal() ? "✓" : "✗",
        shortSource(r.reference().source()));
  }

  private static String format(double percent) {
    return String.format(Locale.ROOT, "%.2f", percent);
  }

  /** A URL source becomes its host and path; other text is cut to fit. */
  static String shortSource(String source) {
    String s = source.strip();
    if (s.startsWith("https://") || s.startsWith("http://")) {
      int space = s.indexOf(' ');
      s = (space < 0 ? s : s.substring(0, space)).replaceFirst("^https?://", "");
    }
    return cut(s, MAX_SOURCE);
  }

  private static String cut(String text, int max) {
    String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
