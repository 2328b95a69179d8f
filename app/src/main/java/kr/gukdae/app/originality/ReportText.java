package kr.gukdae.app.originality;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import kr.gukdae.cli.Terminal;
import kr.gukdae.originality.Findings;
import kr.gukdae.originality.TrainingLogCheck;

/** The human-readable report: verdict, explanation, evidence table per reference, log flags. */
final class ReportText {
  private ReportText() {}

  private static String share(kr.gukdae.originality.Verdict v) {
    return v.share() > 0
        ? String.format(
            Locale.ROOT,
            Terminal.pick("  (파라미터의 %.1f%%)", "  (%.1f%% of the parameters)"),
            100 * v.share())
        : "";
  }

  private static String label(kr.gukdae.originality.Verdict v) {
    return Terminal.pick(v.labelKo(), v.label());
  }

  static void print(Findings.Report r, PrintStream out) {
    out.println(Terminal.pick("후보:      ", "candidate: ") + r.candidate());
    out.println(
        Terminal.pick("판정:      ", "verdict:   ") + label(r.verdict()) + share(r.verdict()));
    out.println(Terminal.pick(r.explanation()));
    out.println(Terminal.pick(r.nullModels().describe()));
    for (Findings.ReferenceFinding f : r.findings()) {
      out.println();
      out.printf(
          Locale.ROOT,
          Terminal.pick(
              "%s 대비: %s  (파라미터 %,d / %,d개 비교, 포괄률 %.1f%%)%n",
              "against %s: %s  (%,d of %,d parameters compared, coverage %.1f%%)%n"),
          f.reference(),
          label(f.verdict()),
          f.matchedParameters(),
          f.candidateParameters(),
          100 * f.coverage());
      List<String> moved =
          f.mapping().stream()
              .filter(b -> b.referenceBlock() >= 0)
              .map(b -> b.candidateBlock() + "=" + b.referenceBlock())
              .toList();
      if (!moved.isEmpty()) {
        out.println(
            Terminal.pick("  블록 대응 (후보=참조): ", "  block mapping (candidate=reference): ")
                + String.join(" ", moved));
      }
      out.println(
          "  "
              + Terminal.padRight(Terminal.pick("구성 요소", "component"), 22)
              + " "
              + Terminal.padLeft(Terminal.pick("텐서 수", "tensors"), 7)
              + " "
              + Terminal.padLeft(Terminal.pick("파라미터 수", "parameters"), 13)
              + " "
              + Terminal.padLeft(Terminal.pick("피어슨 r", "Pearson r"), 9)
              + " "
              + Terminal.padLeft(Terminal.pick("코사인", "cosine"), 9)
              + " "
              + Terminal.padLeft(Terminal.pick("상대 L2", "rel. L2"), 9)
              + " "
              + Terminal.padLeft(Terminal.pick("동일 비율", "identical"), 9)
              + " "
              + Terminal.padLeft(Terminal.pick("최소 z", "min z"), 10)
              + "  "
              + Terminal.pick("유사도", "similarity"));
      for (Findings.ComponentSummary c : f.components()) {
        out.printf(
            Locale.ROOT,
            "  %-22s %7d %,13d %9.4f %9.4f %9.4f %9.3f %10.1f  %s%n",
            c.component(),
            c.tensors(),
            c.parameters(),
            c.pearson(),
            c.cosine(),
            c.relL2(),
            c.identical(),
            c.minZ(),
            Terminal.label(c.level()));
      }
      long permuted =
          f.tensors().stream()
              .filter(t ->
                  t.stats().alignment() != kr.gukdae.originality.TensorStats.Alignment.IDENTITY)
              .count();
      if (permuted > 0) {
        out.println(
            Terminal.pick(
                "  텐서 " + permuted + "개는 행이나 열의 순서 바꿈(헤드 / 은닉 유닛)을 되돌린 뒤에야 일치했습니다",
                "  "
                    + permuted
                    + " tensor(s) matched only after undoing a reordering of"
                    + " rows or columns (heads / hidden units)"));
      }
    }
    TrainingLogCheck.Result log = r.log();
    if (log != null) {
      out.println();
      out.printf(
          Locale.ROOT,
          Terminal.pick(
              "학습 로그 %s: %d행, 스텝 %.0f..%.0f, 손실 %.3f -> %.3f%n",
              "training log %s: %d rows, steps %.0f..%.0f, loss %.3f -> %.3f%n"),
          log.file(),
          log.rows(),
          log.firstStep(),
          log.lastStep(),
          log.firstLoss(),
          log.lastLoss());
      for (TrainingLogCheck.Flag flag : log.flags()) {
        out.printf(
            Locale.ROOT,
            Terminal.pick("  [%s] %s (%d행): %s%n", "  [%s] %s (line %d): %s%n"),
            Terminal.label(flag.severity()),
            Terminal.label(flag.kind()),
            flag.line(),
            Terminal.pick(flag.explanation()));
      }
    }
  }

  /** The line printed once a check is stored, after its report. */
  static void printStored(String id, PrintStream out) {
    out.println();
    out.println(
        Terminal.pick("증거로 저장함: ", "stored as evidence ")
            + id
            + " (web: /originality/?id="
            + id
            + ")");
  }
}
