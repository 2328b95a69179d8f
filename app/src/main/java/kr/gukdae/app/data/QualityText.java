package kr.gukdae.app.data;

import java.io.PrintStream;
import java.util.Locale;
import kr.gukdae.cli.Terminal;
import kr.gukdae.data.quality.QualityReport;

/** Quality reports and diffs as plain text for the terminal. */
final class QualityText {

  private QualityText() {}

  static void print(QualityReport r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        Terminal.pick("%s@%s 품질, %d차: %d행, %s%n", "quality of %s@%s, round %d: %d rows, %s%n"),
        r.dataset(),
        r.version(),
        r.round(),
        r.rows(),
        r.passed() ? Terminal.pick("통과", "PASSED") : Terminal.pick("미통과", "FAILED"));
    for (var c : r.criteria()) {
      out.printf(
          Locale.ROOT,
          Terminal.pick(
              "  %-16s %6d행  %7.3f%%  한도 %7.3f%%  %s%n",
              "  %-16s %6d rows  %7.3f%%  limit %7.3f%%  %s%n"),
          c.name(),
          c.rows(),
          100 * c.rate(),
          100 * c.limit(),
          c.passed() ? Terminal.pick("통과", "ok") : Terminal.pick("미통과", "FAIL"));
    }
    out.println(Terminal.pick("  언어 구성: ", "  language mix: ") + r.languageMix());
    for (var f : r.findings()) {
      out.println("  " + f.row() + "  " + f.criterion() + ": " + f.detail());
    }
  }

  private static String passed(boolean passed) {
    return passed ? Terminal.pick("통과", "passed") : Terminal.pick("미통과", "failed");
  }

  static void print(QualityReport.Diff d, PrintStream out) {
    out.printf(
        Locale.ROOT,
        Terminal.pick("수정 %d차 -> %d차: %s -> %s%n", "correction round %d -> %d: %s -> %s%n"),
        d.fromRound(),
        d.toRound(),
        passed(d.passedBefore()),
        passed(d.passedAfter()));
    d.rates().forEach(s -> out.println("  " + s));
    d.resolved()
        .forEach(f ->
            out.println(
                Terminal.pick("  - 고침      ", "  - fixed     ")
                    + f.row()
                    + " "
                    + f.criterion()
                    + ": "
                    + f.detail()));
    d.remaining()
        .forEach(f ->
            out.println(
                Terminal.pick("  = 남음      ", "  = remains   ")
                    + f.row()
                    + " "
                    + f.criterion()
                    + ": "
                    + f.detail()));
    d.introduced()
        .forEach(f ->
            out.println(
                Terminal.pick("  + 새로 생김 ", "  + new       ")
                    + f.row()
                    + " "
                    + f.criterion()
                    + ": "
                    + f.detail()));
  }
}
