package kr.gukdae.app.data;

import java.io.PrintStream;
import java.util.Locale;
import kr.gukdae.data.quality.QualityReport;

/** Quality reports and diffs as plain text for the terminal. */
final class QualityText {

  private QualityText() {}

  static void print(QualityReport r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "quality of %s@%s, round %d: %d rows, %s%n",
        r.dataset(),
        r.version(),
        r.round(),
        r.rows(),
        r.passed() ? "PASSED" : "FAILED");
    for (var c : r.criteria()) {
      out.printf(
          Locale.ROOT,
          "  %-16s %6d rows  %7.3f%%  limit %7.3f%%  %s%n",
          c.name(),
          c.rows(),
          100 * c.rate(),
          100 * c.limit(),
          c.passed() ? "ok" : "FAIL");
    }
    out.println("  language mix: " + r.languageMix());
    for (var f : r.findings()) {
      out.println("  " + f.row() + "  " + f.criterion() + ": " + f.detail());
    }
  }

  static void print(QualityReport.Diff d, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "correction round %d -> %d: %s -> %s%n",
        d.fromRound(),
        d.toRound(),
        d.passedBefore() ? "passed" : "failed",
        d.passedAfter() ? "passed" : "failed");
    d.rates().forEach(s -> out.println("  " + s));
    d.resolved()
        .forEach(
            f -> out.println("  - fixed     " + f.row() + " " + f.criterion() + ": " + f.detail()));
    d.remaining()
        .forEach(
            f -> out.println("  = remains   " + f.row() + " " + f.criterion() + ": " + f.detail()));
    d.introduced()
        .forEach(
            f -> out.println("  + new       " + f.row() + " " + f.criterion() + ": " + f.detail()));
  }
}
