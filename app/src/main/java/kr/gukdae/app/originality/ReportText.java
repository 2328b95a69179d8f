package kr.gukdae.app.originality;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import kr.gukdae.originality.Findings;
import kr.gukdae.originality.TrainingLogCheck;

/** The human-readable report: verdict, explanation, evidence table per reference, log flags. */
final class ReportText {
  private ReportText() {}

  private static String share(kr.gukdae.originality.Verdict v) {
    return v.share() > 0
        ? String.format(Locale.ROOT, "  (%.1f%% of the parameters)", 100 * v.share())
        : "";
  }

  static void print(Findings.Report r, PrintStream out) {
    out.println("candidate: " + r.candidate());
    out.println("verdict:   " + r.verdict().label() + share(r.verdict()));
    out.println("판정:      " + r.verdict().labelKo());
    out.println(r.explanation().en());
    out.println(r.explanation().ko());
    out.println(r.nullModels().describe().en());
    for (Findings.ReferenceFinding f : r.findings()) {
      out.println();
      out.printf(
          Locale.ROOT,
          "against %s: %s  (%,d of %,d parameters compared, coverage %.1f%%)%n",
          f.reference(),
          f.verdict().label(),
          f.matchedParameters(),
          f.candidateParameters(),
          100 * f.coverage());
      List<String> moved =
          f.mapping().stream()
              .filter(b -> b.referenceBlock() >= 0)
              .map(b -> b.candidateBlock() + "=" + b.referenceBlock())
              .toList();
      if (!moved.isEmpty()) {
        out.println("  block mapping (candidate=reference): " + String.join(" ", moved));
      }
      out.printf(
          "  %-22s %7s %13s %9s %9s %9s %9s %10s  %s%n",
          "component",
          "tensors",
          "params",
          "pearson",
          "cosine",
          "rel L2",
          "identical",
          "min z",
          "similarity");
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
            c.level());
      }
      long permuted =
          f.tensors().stream()
              .filter(t ->
                  t.stats().alignment() != kr.gukdae.originality.TensorStats.Alignment.IDENTITY)
              .count();
      if (permuted > 0) {
        out.println(
            "  "
                + permuted
                + " tensor(s) matched only after undoing a reordering of"
                + " rows or columns (heads / hidden units)");
      }
    }
    TrainingLogCheck.Result log = r.log();
    if (log != null) {
      out.println();
      out.printf(
          Locale.ROOT,
          "training log %s: %d rows, steps %.0f..%.0f, loss %.3f -> %.3f%n",
          log.file(),
          log.rows(),
          log.firstStep(),
          log.lastStep(),
          log.firstLoss(),
          log.lastLoss());
      for (TrainingLogCheck.Flag flag : log.flags()) {
        out.printf(
            Locale.ROOT,
            "  [%s] %s (line %d): %s%n",
            flag.severity(),
            flag.kind(),
            flag.line(),
            flag.explanation());
      }
    }
  }

  /** The line printed once a check is stored, after its report. */
  static void printStored(String id, PrintStream out) {
    out.println();
    out.println("stored as evidence " + id + " (web: /originality/?id=" + id + ")");
  }
}
