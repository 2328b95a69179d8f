package kr.gukdae.selection;

import java.util.List;
import java.util.Map;
import kr.gukdae.text.Reason;

/**
 * A round's decision with its explanation: every candidate's per-criterion means, weighted total,
 * approvals, rank and outcome with the reason, the rule applied, and whether nobody was selected.
 * The rule, reasons and notes carry a code and both languages ({@link Reason}); decisions recorded
 * before that hold English sentences and read back as {@link Reason#recorded(String)} (the rule
 * became bilingual after the reasons: a decision may hold bilingual reasons and an English rule).
 */
public record RoundResult(
    String round,
    Round.Kind kind,
    Reason rule,
    int candidates,
    List<Line> lines,
    List<String> selected,
    boolean noAward,
    List<Reason> notes) {

  public enum Outcome {
    SELECTED,
    NOT_SELECTED,
    BELOW_THRESHOLD,
    NO_MAJORITY
  }

  public record Line(
      String application,
      String consortium,
      Map<String, Double> means,
      double total,
      int approvals,
      int reviewers,
      int rank,
      Outcome outcome,
      Reason reason) {}

  public RoundResult {
    lines = List.copyOf(lines);
    selected = List.copyOf(selected);
    notes = List.copyOf(notes);
  }

  public Line line(String application) {
    return lines.stream()
        .filter(l -> l.application().equals(application))
        .findFirst()
        .orElseThrow(() ->
            kr.gukdae.UserError.of(
                "라운드 " + round + "에 후보 '" + application + "'이(가) 없습니다",
                "no candidate '" + application + "' in round " + round));
  }
}
