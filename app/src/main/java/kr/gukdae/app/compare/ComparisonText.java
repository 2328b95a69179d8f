package kr.gukdae.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.Bilingual;
import kr.gukdae.cli.Terminal;
import kr.gukdae.eval.reference.Baseline;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.ComparisonRow;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;

/** The comparison as a plain-text table for the terminal. */
final class ComparisonText {

  private static final int MAX_SOURCE = 48;
  private static final int MAX_CELL = 44;

  /** Whole column headers in this run's language. */
  private static List<String> header() {
    return List.of(
        Terminal.pick("과제", "task"),
        Terminal.pick("지표", "metric"),
        Terminal.pick("우리 %", "ours %"),
        Terminal.pick("참조 모델", "reference model"),
        Terminal.pick("참조 %", "reference %"),
        Terminal.pick("출시일", "released"),
        Terminal.pick("달성 비율", "ratio"),
        Terminal.pick("목표 달성", "goal met"),
        Terminal.pick("출처", "source"));
  }

  private ComparisonText() {}

  static String table(Comparison c, ReferenceTable references) {
    StringBuilder out = new StringBuilder();
    out.append(Terminal.pick("결과:      ", "results:    ")).append(c.results()).append('\n');
    out.append(Terminal.pick("참조 점수: ", "references: "))
        .append(Terminal.pick(references.labelKo(), references.label()))
        .append('\n');
    out.append(Terminal.pick("비교 대상: ", "compared with: "))
        .append(baseline(c.baseline()))
        .append(Terminal.pick(" · 목표: 달성 비율 ≥ ", " · goal: ratio ≥ "))
        .append(c.goal())
        .append('\n');
    List<List<String>> cells = new ArrayList<>();
    // Tasks without a reference, grouped by reason: a run's categories would otherwise take a line
    // each.
    Map<Bilingual, List<String>> missing = new LinkedHashMap<>();
    for (ComparisonRow row : c.rows()) {
      switch (row) {
        case Compared r -> cells.add(cells(r));
        case NoReference n ->
            missing.computeIfAbsent(n.reason(), k -> new ArrayList<>()).add(n.task());
      }
    }
    if (!cells.isEmpty()) {
      List<String> header = header();
      cells.addFirst(header);
      int[] widths = new int[header.size()];
      cells.forEach(line -> {
        for (int i = 0; i < line.size(); i++) {
          widths[i] = Math.max(widths[i], Terminal.width(line.get(i)));
        }
      });
      for (List<String> line : cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
          String cell = line.get(i);
          boolean number = i == 2 || i == 4 || i == 6;
          String pad = " ".repeat(widths[i] - Terminal.width(cell));
          text.append(number ? pad + cell : cell + (i == line.size() - 1 ? "" : pad));
          text.append(i == line.size() - 1 ? "" : "  ");
        }
        out.append(text.toString().stripTrailing()).append('\n');
      }
    }
    missing.forEach((reason, tasks) ->
        out.append(Terminal.pick("참조 없음 (", "no reference ("))
            .append(Terminal.pick(reason))
            .append("): ")
            .append(String.join(", ", tasks))
            .append('\n'));
    int compared = c.compared().size();
    int without = c.rows().size() - compared;
    out.append(
            Terminal.pick(
                "비교한 과제 "
                    + compared
                    + "개 중 "
                    + c.meetingGoal()
                    + "개가 목표를 달성; 참조 없는 과제 "
                    + without
                    + "개.",
                c.meetingGoal()
                    + " of "
                    + compared
                    + " compared task(s) meet the goal; "
                    + without
                    + " without a reference."))
        .append('\n');
    out.append(
            Terminal.pick(
                "지표: 실행 결과가 밝힌 과제의 주 지표 (gukdae: 과제 파일의 첫 지표와 필터), 없으면"
                    + " '<metric>,none', '<metric>,strict-match', 그다음 알파벳순 첫 필터; 우리 % = 값 × 100.",
                "metric: the task's primary metric as the run states it (gukdae: first metric and"
                    + " filter of the task file), else '<metric>,none', '<metric>,strict-match',"
                    + " then the alphabetically first filter; ours % = value × 100."))
        .append('\n');
    if (references.demo()) {
      out.append(
              Terminal.pick(
                  "데모 참조 점수: 비교를 시험해 보라고 지어낸 수치입니다.",
                  "DEMO references: invented numbers for trying the comparison."))
          .append('\n');
    }
    return out.toString();
  }

  /** What the run is compared with, in this run's language. */
  static String baseline(Baseline baseline) {
    return switch (baseline) {
      case Baseline.Target t -> Terminal.pick("목표 모델 " + t.model(), t.describe());
      case Baseline.BestWithin w ->
          Terminal.pick(w.asOf() + "까지 " + w.months() + "개월 안에 출시된 최고 모델", w.describe());
    };
  }

  private static List<String> cells(Compared r) {
    return List.of(
        cut(r.task(), MAX_CELL),
        cut(r.metricKey(), MAX_CELL),
        format(r.percent()),
        cut(r.reference().model(), MAX_CELL),
        format(r.reference().score()),
        r.reference().releaseDate().toString(),
        String.format(Locale.ROOT, "%.3f", r.achievement().ratio()),
        r.meetsGoal() ? "✓" : "✗",
        shortSource(r.reference().source()));
  }

  private static String format(double percent) {
    return String.format(Locale.ROOT, "%.2f", percent);
  }

  /** A URL source becomes its host and path; other text is cut to fit. */
  static String shortSource(String source) {
    String s = source.strip();
    if (s.startsWith("https://") || s.startsWith("http://")) {
      int space = s.indexOf(' ');
      s = (space < 0 ? s : s.substring(0, space)).replaceFirst("^https?://", "");
    }
    return cut(s, MAX_SOURCE);
  }

  private static String cut(String text, int max) {
    String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
