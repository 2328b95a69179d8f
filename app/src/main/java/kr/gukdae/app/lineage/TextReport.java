package kr.gukdae.app.lineage;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.lineage.DerivativeCount;
import kr.gukdae.lineage.IngestReport;
import kr.gukdae.lineage.Problem;

/** The CLI's plain-text output: explanation, skip report, and optionally the tree. */
final class TextReport {

  private TextReport() {}

  static void print(PrintStream out, DerivativeCount count, IngestReport report, int treeLines) {
    out.println(
        count.root()
            + ": "
            + count.counted()
            + " derivatives counted ("
            + count.direct()
            + " direct, "
            + count.distinctOwners()
            + " owners)");
    for (String line : count.explanation()) {
      out.println("  " + line);
    }
    out.print(ingest(report));
    if (treeLines > 0) {
      out.println("tree (breadth-first" + (count.treeTruncated() ? ", cut" : "") + "):");
      for (DerivativeCount.TreeNode node : count.tree()) {
        out.println(
            "  "
                + "  ".repeat(Math.min(node.depth(), 12))
                + node.id()
                + (node.relation() == null ? "" : " [" + node.relation().wire() + "]")
                + " "
                + node.verdict().name().toLowerCase(Locale.ROOT)
                + (node.createdAt() == Long.MIN_VALUE
                    ? ""
                    : " " + Instant.ofEpochMilli(node.createdAt()).toString().substring(0, 10)));
      }
    }
  }

  static String ingest(IngestReport report) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "records: %,d read, %,d kept, %,d skipped, %,d repairs%n",
            report.read(),
            report.kept(),
            report.skipped(),
            report.repaired()));
    for (Problem problem : Problem.values()) {
      Long n = report.byProblem().get(problem);
      if (n != null) {
        s.append(
            String.format(
                Locale.ROOT,
                "  %s %,d: %s%n",
                problem.skips() ? "skipped" : "repaired",
                n,
                problem.meaning()));
      }
    }
    Map<Problem, Integer> shown = new java.util.EnumMap<>(Problem.class);
    for (IngestReport.Issue issue : report.examples()) {
      if (shown.merge(issue.problem(), 1, Integer::sum) <= 3) {
        s.append("    e.g. ")
            .append(issue.where())
            .append(issue.id().isEmpty() ? "" : " " + issue.id())
            .append(": ")
            .append(issue.detail())
            .append(System.lineSeparator());
      }
    }
    return s.toString();
  }
}
