package kr.gukdae.app.stage;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import kr.gukdae.cli.Terminal;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.StageResult.TeamResult;
import kr.gukdae.stage.WhatIf;

/** Plain-text ranking and decision for the terminal. */
public final class ResultPrinter {

  private ResultPrinter() {}

  public static void print(StageResult r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s, version %s%s: stage %d decision (evaluated %s)%n",
        r.programme(),
        r.version(),
        r.demo() ? " [DEMO DATA]" : "",
        r.stage(),
        r.evaluationDate());
    // Whole component names as headers, each column as wide as its name.
    List<String> ids = r.ranking().getFirst().components().stream().map(c -> c.id()).toList();
    String gate = Terminal.pick("관문", "gate");
    int gateWidth = Math.max(Terminal.width(gate), Terminal.width(Terminal.pick("미통과", "FAIL")));
    StringBuilder head =
        new StringBuilder(Terminal.padRight(Terminal.pick("순위", "rank"), 4))
            .append(' ')
            .append(Terminal.padRight(Terminal.pick("팀", "team"), 14))
            .append(' ')
            .append(Terminal.padLeft(Terminal.pick("총점", "total"), 7));
    ids.forEach(id -> head.append(' ').append(Terminal.padLeft(id, Math.max(7, id.length()))));
    head.append("  ").append(Terminal.padRight(gate, gateWidth));
    out.println(head.append("  ").append(Terminal.pick("결과", "outcome")));
    for (TeamResult t : r.ranking()) {
      StringBuilder row =
          new StringBuilder(
              String.format(Locale.ROOT, "%-4d %-14s %7.2f", t.rank(), t.team(), t.total()));
      for (int i = 0; i < t.components().size(); i++) {
        int width = i < ids.size() ? Math.max(7, ids.get(i).length()) : 7;
        row.append(
            String.format(Locale.ROOT, " %" + width + ".2f", t.components().get(i).points()));
      }
      String passed = t.gatePassed() ? Terminal.pick("통과", "pass") : Terminal.pick("미통과", "FAIL");
      row.append("  ")
          .append(Terminal.padRight(passed, gateWidth))
          .append("  ")
          .append(outcome(t.outcome()));
      if (!t.designations().isEmpty()) {
        row.append("  [").append(String.join(", ", t.designations())).append(']');
      }
      out.println(row);
    }
    out.println(
        "continue: "
            + String.join(", ", r.survivors())
            + " (planned "
            + r.plannedSurvivors()
            + ")");
    r.ranking().stream()
        .filter(t -> !t.gatePassed())
        .forEach(t -> out.println("gate failure " + t.team() + ": " + t.gateReason()));
    if (!r.addedByExtraCall().isEmpty()) {
      out.println(
          "added by extra call for the next stage: " + String.join(", ", r.addedByExtraCall()));
    }
    out.println("tie-break: " + r.tieBreakRule());
    out.println(
        "points: "
            + r.pointsFunction()
            + "; reference set: "
            + String.join(", ", r.referenceSet()));
    r.notes().forEach(n -> out.println("note: " + n));
  }

  static void print(WhatIf w, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "what if %s were worth %.2f instead of %.2f points:%n",
        w.component(),
        w.toPoints(),
        w.fromPoints());
    for (WhatIf.Change c : w.changes()) {
      out.printf(
          Locale.ROOT,
          "  %-14s rank %d -> %d, total %.2f -> %.2f, %s%s%n",
          c.team(),
          c.baseRank(),
          c.newRank(),
          c.baseTotal(),
          c.newTotal(),
          outcome(c.baseOutcome()),
          c.outcomeChanged() ? " -> " + outcome(c.newOutcome()) : "");
    }
    out.println(w.decisionChanged() ? "the decision changes" : "the decision stays the same");
  }

  /** An outcome as people read it, in this run's language (not the enum's name). */
  static String outcome(StageResult.Outcome outcome) {
    var label = kr.gukdae.stage.Explanation.label(outcome);
    return Terminal.pick(label.ko(), label.en());
  }
}
