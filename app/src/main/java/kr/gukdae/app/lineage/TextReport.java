package kr.gukdae.app.lineage;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.cli.Terminal;
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
            + Terminal.pick(
                "파생 모델 "
                    + count.counted()
                    + "개 집계 (직접 "
                    + count.direct()
                    + "개, 소유자 "
                    + count.distinctOwners()
                    + "명)",
                count.counted()
                    + " derivatives counted ("
                    + count.direct()
                    + " direct, "
                    + count.distinctOwners()
                    + " owners)"));
    for (var line : count.explanation()) {
      out.println("  " + Terminal.pick(line));
    }
    out.print(ingest(report));
    if (treeLines > 0) {
      out.println(
          Terminal.pick("계보 (너비 우선", "tree (breadth-first")
              + (count.treeTruncated() ? Terminal.pick(", 잘림", ", cut") : "")
              + "):");
      for (DerivativeCount.TreeNode node : count.tree()) {
        out.println(
            "  "
                + "  ".repeat(Math.min(node.depth(), 12))
                + node.id()
                + (node.relation() == null ? "" : " [" + node.relation().wire() + "]")
                + " "
                + Terminal.label(node.verdict())
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
            Terminal.pick(
                "레코드: %,d개 읽음, %,d개 유지, %,d개 건너뜀, %,d건 보정%n",
                "records: %,d read, %,d kept, %,d skipped, %,d repairs%n"),
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
                problem.skips()
                    ? Terminal.pick("건너뜀", "skipped")
                    : Terminal.pick("보정함", "repaired"),
                n,
                Terminal.korean() ? Terminal.label(problem) : problem.meaning()));
      }
    }
    Map<Problem, Integer> shown = new java.util.EnumMap<>(Problem.class);
    for (IngestReport.Issue issue : report.examples()) {
      if (shown.merge(issue.problem(), 1, Integer::sum) <= 3) {
        s.append(Terminal.pick("    예: ", "    e.g. "))
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
