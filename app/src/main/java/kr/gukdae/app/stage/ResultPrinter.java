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
        Terminal.pick(
            "%s, 버전 %s%s: %d단계 결정 (평가일 %s)%n",
            "%s, version %s%s: stage %d decision (evaluated %s)%n"),
        r.programme(),
        r.version(),
        r.demo() ? Terminal.pick(" [데모 데이터]", " [DEMO DATA]") : "",
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
        Terminal.pick("진출: ", "continue: ")
            + String.join(", ", r.survivors())
            + Terminal.pick(" (계획 ", " (planned ")
            + r.plannedSurvivors()
            + ")");
    r.ranking().stream()
        .filter(t -> !t.gatePassed())
        .forEach(t ->
            out.println(
                Terminal.pick("관문 미통과 ", "gate failure ")
                    + t.team()
                    + ": "
                    + Terminal.pick(t.gateReasonText())));
    if (!r.addedByExtraCall().isEmpty()) {
      out.println(
          Terminal.pick("다음 단계 추가 공모로 더함: ", "added by extra call for the next stage: ")
              + String.join(", ", r.addedByExtraCall()));
    }
    out.println(Terminal.pick("동점 처리: ", "tie-break: ") + Terminal.pick(r.tieBreakText()));
    out.println(
        Terminal.pick("배점: ", "points: ")
            + Terminal.pick(r.pointsFunctionText())
            + Terminal.pick("; 기준 집합: ", "; reference set: ")
            + String.join(", ", r.referenceSet()));
    r.notesText().forEach(n -> out.println(Terminal.pick("참고: ", "note: ") + Terminal.pick(n)));
  }

  static void print(WhatIf w, PrintStream out) {
    out.printf(
        Locale.ROOT,
        Terminal.pick(
            "%s의 배점이 %.2f점 대신 %.2f점이라면:%n", "what if %s were worth %.2f instead of %.2f points:%n"),
        w.component(),
        Terminal.korean() ? w.fromPoints() : w.toPoints(),
        Terminal.korean() ? w.toPoints() : w.fromPoints());
    for (WhatIf.Change c : w.changes()) {
      out.printf(
          Locale.ROOT,
          Terminal.pick(
              "  %-14s 순위 %d -> %d, 총점 %.2f -> %.2f, %s%s%n",
              "  %-14s rank %d -> %d, total %.2f -> %.2f, %s%s%n"),
          c.team(),
          c.baseRank(),
          c.newRank(),
          c.baseTotal(),
          c.newTotal(),
          outcome(c.baseOutcome()),
          c.outcomeChanged() ? " -> " + outcome(c.newOutcome()) : "");
    }
    out.println(
        w.decisionChanged()
            ? Terminal.pick("결정이 바뀝니다", "the decision changes")
            : Terminal.pick("결정은 그대로입니다", "the decision stays the same"));
  }

  /** An outcome as people read it, in this run's language (not the enum's name). */
  static String outcome(StageResult.Outcome outcome) {
    var label = kr.gukdae.stage.Explanation.label(outcome);
    return Terminal.pick(label);
  }
}
