package kr.gukdae.eval.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.eval.Metric.MetricValue;

/** The results as a Markdown table, in the layout lm-evaluation-harness prints. */
public final class ResultsTable {

  private ResultsTable() {}

  /** The table with English headers and notes, as lm-evaluation-harness prints it. */
  public static String format(EvalOutcome outcome) {
    return format(outcome, false);
  }

  /** The table with headers and notes in Korean or English (the terminal's {@code --lang}). */
  public static String format(EvalOutcome outcome, boolean korean) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        korean
            ? new String[] {"과제", "필터", "지표", "값", "", "표준오차", "표본 수", "집계"}
            : new String[] {
              "Tasks", "Filter", "Metric", "Value", "", "Stderr", "n", "Aggregation"
            });
    addRows(rows, outcome.results(), "", korean);
    for (TaskResult group : outcome.groups()) {
      boolean macro = group.aggregation().equals(ResultsBuilder.MACRO);
      addRows(rows, List.of(group), macro ? (korean ? " (매크로 평균)" : " (macro)") : "", korean);
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    var out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      out.append('|');
      for (int i = 0; i < widths.length; i++) {
        String cell = rows.get(r)[i];
        boolean numeric = i == 3 || i == 5 || i == 6;
        String pad = " ".repeat(widths[i] - width(cell));
        out.append(numeric ? pad + cell : cell + pad).append('|');
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int w : widths) {
          out.append("-".repeat(w)).append('|');
        }
        out.append('\n');
      }
    }
    String runId = outcome.manifest().runId();
    String model = outcome.manifest().model();
    if (outcome.errors() > 0) {
      out.append("\n")
          .append(
              korean
                  ? "표본 "
                      + outcome.errors()
                      + "개가 실패해 채점되지 않았습니다. 다시 물으려면 --resume "
                      + runId
                      + "로 다시 실행하세요."
                  : outcome.errors()
                      + " sample(s) failed and are not scored; rerun with --resume "
                      + runId
                      + " to ask them again.")
          .append('\n');
    }
    if (outcome.manifest().modelInfo().demo()) {
      out.append("\n")
          .append(
              korean
                  ? "데모: " + model + "은(는) 내장 데모 모델입니다. 이 수치는 실제 모델에 대해 아무것도 말하지 않습니다."
                  : "DEMO: "
                      + model
                      + " is a built-in demo model; these numbers say nothing about real models.")
          .append('\n');
    }
    return out.toString();
  }

  private static void addRows(
      List<String[]> rows, List<TaskResult> results, String suffix, boolean korean) {
    for (TaskResult r : results) {
      for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
        String[] key = e.getKey().split(",", 2);
        MetricValue v = e.getValue();
        rows.add(
            new String[] {
              r.alias().startsWith(" - ") ? r.alias() : r.name() + suffix,
              key[1],
              key[0],
              number(v.value()),
              "±",
              number(v.stderr()),
              String.valueOf(r.samples()),
              aggregation(r.aggregation(), korean)
            });
      }
    }
  }

  /** The aggregation's short name ({@code micro}, {@code macro}), in Korean a word of its own. */
  private static String aggregation(String aggregation, boolean korean) {
    String name = aggregation.substring(0, aggregation.indexOf(':'));
    if (!korean) {
      return name;
    }
    return switch (aggregation) {
      case ResultsBuilder.MICRO -> "표본 평균";
      case ResultsBuilder.MACRO -> "범주 평균";
      default -> name;
    };
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "N/A" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** Display width: Hangul and other wide characters take two terminal columns. */
  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      w +=
          (c >= 0x1100 && c <= 0x115F)
                  || (c >= 0x2E80 && c <= 0xD7A3)
                  || (c >= 0xFF00 && c <= 0xFF60)
              ? 2
              : 1;
    }
    return w;
  }
}
