package kr.gukdae.app.data;

import java.io.PrintStream;
import java.util.Locale;
import kr.gukdae.cli.Terminal;
import kr.gukdae.data.quality.FindingWords;
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
              "  %s %6d행  %7.3f%%  한도 %7.3f%%  %s%n",
              "  %s %6d rows  %7.3f%%  limit %7.3f%%  %s%n"),
          Terminal.padRight(Terminal.pick(FindingWords.criterion(c.name())), 16),
          c.rows(),
          100 * c.rate(),
          100 * c.limit(),
          c.passed() ? Terminal.pick("통과", "ok") : Terminal.pick("미통과", "FAIL"));
    }
    out.println(Terminal.pick("  언어 구성: ", "  language mix: ") + r.languageMix());
    for (var f : r.findings()) {
      out.println("  " + f.row() + "  " + finding(f));
    }
  }

  /** "criterion: detail" in this run's language. */
  private static String finding(QualityReport.Finding f) {
    return Terminal.pick(FindingWords.criterion(f.criterion()))
        + ": "
        + Terminal.pick(FindingWords.detail(f));
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
    d.rates().forEach(s -> out.println("  " + Terminal.pick(FindingWords.rate(s))));
    d.resolved()
        .forEach(f ->
            out.println(
                Terminal.pick("  - 고침      ", "  - fixed     ") + f.row() + " " + finding(f)));
    d.remaining()
        .forEach(f ->
            out.println(
                Terminal.pick("  = 남음      ", "  = remains   ") + f.row() + " " + finding(f)));
    d.introduced()
        .forEach(f ->
            out.println(
                Terminal.pick("  + 새로 생김 ", "  + new       ") + f.row() + " " + finding(f)));
  }
}
