package kr.gukdae.app.stage;

import java.io.PrintStream;
import java.util.Locale;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.StageResult.ComponentScore;
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
    StringBuilder head =
        new StringBuilder(String.format("%-4s %-14s %7s", "rank", "team", "total"));
    r.ranking()
        .getFirst()
        .components()
        .forEach(c -> head.append(String.format(" %9s", abbreviate(c.id()))));
    out.println(head.append("  gate  outcome"));
    for (TeamResult t : r.ranking()) {
      StringBuilder row =
          new StringBuilder(
              String.format(Locale.ROOT, "%-4d %-14s %7.2f", t.rank(), t.team(), t.total()));
      for (ComponentScore c : t.components()) {
        row.append(String.format(Locale.ROOT, " %9.2f", c.points()));
      }
      row.append(t.gatePassed() ? "  pass  " : "  FAIL  ")
          .append(kr.gukdae.stage.Explanation.label(t.outcome()).en());
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
          c.baseOutcome(),
          c.outcomeChanged() ? " -> " + c.newOutcome() : "");
    }
    out.println(w.decisionChanged() ? "the decision changes" : "the decision stays the same");
  }

  private static String abbreviate(String id) {
    return id.length() <= 9 ? id : id.substring(0, 9);
  }
}
