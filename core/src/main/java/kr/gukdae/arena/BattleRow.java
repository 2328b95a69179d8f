package kr.gukdae.arena;

import java.time.Instant;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;

/** One row of a battle file to a {@link Battle}, with errors naming file, line and field. */
final class BattleRow {

  /** Names, judges and tags are untrusted; longer values are refused, not truncated silently. */
  static final int MAX_TEXT = 200;

  enum Shape {
    FASTCHAT("model_a", "model_b"),
    LLMFAO("left", "right");

    final String a;
    final String b;

    Shape(String a, String b) {
      this.a = a;
      this.b = b;
    }

    static Shape detect(String name, Row first) {
      var columns = first.fields().keySet();
      for (Shape s : values()) {
        if (columns.contains(s.a) && columns.contains(s.b)) {
          if (!columns.contains("winner")) {
            throw UserError.of(
                first.where() + ": 'winner' 열이 없습니다. 이 행의 열: " + columns,
                first.where() + ": no 'winner' column; the row has " + columns);
          }
          return s;
        }
      }
      throw UserError.of(
          name
              + ": 열 "
              + columns
              + "은(는) 대결 파일이 아닙니다. model_a,model_b,winner(FastChat clean_battle)"
              + " 또는 left,right,winner(llmfao)가 필요합니다",
          name
              + ": columns "
              + columns
              + " are not a battle file; expected model_a,model_b,winner (FastChat clean_battle)"
              + " or left,right,winner (llmfao)");
    }
  }

  private BattleRow() {}

  static Battle parse(Row row, Shape shape) {
    String a = text(row, shape.a, true);
    String b = text(row, shape.b, true);
    if (a.equals(b)) {
      throw UserError.of(
          row.where()
              + ": "
              + shape.a
              + "와(과) "
              + shape.b
              + "이(가) 모두 '"
              + a
              + "'입니다. 모델은 자기 자신과 대결할 수 없으니 이 행을 지우세요",
          row.where()
              + ": "
              + shape.a
              + " and "
              + shape.b
              + " are both '"
              + a
              + "'; a model cannot battle itself; drop this row");
    }
    Outcome outcome = outcome(row, shape);
    String category = shape == Shape.LLMFAO ? optional(row, "prompt") : optional(row, "category");
    String judge = shape == Shape.LLMFAO ? optional(row, "worker") : optional(row, "judge");
    var battle =
        new Battle(a, b, outcome, timestamp(row), judge, optional(row, "language"), category)
            .withWeight(weight(row));
    StyleFeatures sa = BattleStyle.read(row, "a");
    StyleFeatures sb = BattleStyle.read(row, "b");
    if ((sa == null) != (sb == null)) {
      throw UserError.of(
          row.where() + ": 스타일 특성이 한쪽 답변에만 있습니다. style_a_*와 style_b_*를 모두 주세요",
          row.where() + ": style features given for one answer only; give style_a_* and style_b_*");
    }
    return sa == null ? battle : battle.withStyle(sa, sb);
  }

  private static Outcome outcome(Row row, Shape shape) {
    String w = text(row, "winner", true);
    if (shape == Shape.LLMFAO) {
      return switch (w) {
        case "left" -> Outcome.MODEL_A;
        case "right" -> Outcome.MODEL_B;
        case "tie" -> Outcome.TIE;
        default ->
            throw UserError.of(
                row.where() + ": 알 수 없는 winner '" + w + "'입니다. left, right, tie 중 하나를 쓰세요",
                row.where() + ": unknown winner '" + w + "'; expected left, right or tie");
      };
    }
    try {
      return Outcome.fromWire(w);
    } catch (UserError e) {
      String at = row.where() + ": ";
      throw UserError.of(at + e.message(true), at + e.message(false), e);
    }
  }

  private static Instant timestamp(Row row) {
    Object v = row.fields().get("tstamp");
    if (v == null || v.toString().isBlank()) {
      return Instant.EPOCH;
    }
    try {
      double seconds = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
      if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e11) {
        throw new NumberFormatException();
      }
      return Instant.ofEpochMilli(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      throw UserError.of(
          row.where()
              + ": tstamp '"
              + bounded(v.toString())
              + "'은(는) epoch 초가 아닙니다. 예: 1700000000.5",
          row.where()
              + ": tstamp '"
              + bounded(v.toString())
              + "' is not epoch seconds, e.g. 1700000000.5");
    }
  }

  /** The optional duplicate-prompt weight: missing or blank means 1. */
  private static double weight(Row row) {
    Object v = row.fields().get("weight");
    if (v == null || v.toString().isBlank()) {
      return 1.0;
    }
    double w;
    try {
      w = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
    } catch (NumberFormatException e) {
      w = Double.NaN;
    }
    if (!Double.isFinite(w) || !(w > 0)) {
      throw UserError.of(
          row.where()
              + ": weight '"
              + bounded(v.toString())
              + "'은(는) 0보다 큰 유한한 수여야 합니다(1 = 보통 한 표, 예: 0.5). 고치거나 비워 두세요",
          row.where()
              + ": weight '"
              + bounded(v.toString())
              + "' must be a finite number > 0 (1 = an ordinary vote, e.g. 0.5); fix it or leave"
              + " it empty");
    }
    return w;
  }

  private static String optional(Row row, String column) {
    return row.fields().containsKey(column) ? text(row, column, false) : "";
  }

  static String text(Row row, String column, boolean required) {
    Object v = row.get(column);
    String s = v == null ? "" : v.toString().replaceAll("\\p{Cntrl}", " ").strip();
    if (required && s.isEmpty()) {
      throw UserError.of(
          row.where() + ": " + column + "이(가) 비어 있습니다. 모든 대결에는 두 모델과 승자가 있어야 합니다",
          row.where() + ": " + column + " is empty; every battle names both models and a winner");
    }
    if (s.length() > MAX_TEXT) {
      throw UserError.of(
          row.where() + ": " + column + "이(가) " + MAX_TEXT + "자보다 깁니다. 줄이세요",
          row.where() + ": " + column + " is longer than " + MAX_TEXT + " characters; shorten it");
    }
    return s;
  }

  static String bounded(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  static void putStyle(Map<String, Object> m, String side, @Nullable StyleFeatures f) {
    if (f == null) {
      return;
    }
    m.put("style_" + side + "_length", f.length());
    m.put("style_" + side + "_headers", f.headers());
    m.put("style_" + side + "_list_items", f.listItems());
    m.put("style_" + side + "_bold", f.bold());
  }
}
