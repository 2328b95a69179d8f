package kr.gukdae.eval.tasks;

import java.util.List;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.OutputType;
import kr.gukdae.eval.Sample;
import org.jspecify.annotations.Nullable;

/** Renders one dataset row into prompt, choices and target, with lm-evaluation-harness's rules. */
final class SampleRenderer {

  private final TaskDefinition def;
  private final OutputType type;
  private final HelperValues helpers;

  SampleRenderer(TaskDefinition def, OutputType type, HelperValues helpers) {
    this.def = def;
    this.type = type;
    this.helpers = helpers;
  }

  /** The row's sample, its prompt and turns laid out by {@link ContextLayout}. */
  Sample sample(int docId, Row row, ContextLayout layout, @Nullable String groupBy) {
    List<String> choices = type == OutputType.MULTIPLE_CHOICE ? choices(row) : choicesIfAny(row);
    Golds golds = targets(row, choices);
    String category = groupBy == null ? null : row.getString(groupBy);
    return new Sample(
        docId,
        layout.prompt(),
        choices,
        golds.first(),
        category,
        row,
        layout.turns(),
        golds.multiple() ? golds.values() : List.of());
  }

  /** Whether the task has choices (a few-shot example's answer is then a choice). */
  boolean hasChoices() {
    return def.docToChoice() != null;
  }

  String text(Row row) {
    // TaskBuilder reports a missing doc_to_text to the user before a renderer is made.
    return text(Objects.requireNonNull(def.docToText(), "doc_to_text"), "doc_to_text", row);
  }

  /** A text key's value: a helper's answer, a column named exactly, or a Jinja template. */
  String text(String spec, String field, Row row) {
    if (HelperValues.isHelper(spec)) {
      return helperText(helpers.value(field, row), field, row);
    }
    if (row.fields().containsKey(spec)) {
      return String.valueOf(row.fields().get(spec));
    }
    return Templates.render(spec, row, field);
  }

  /** lm-eval puts a helper's non-string answer into the prompt as Python's str() would. */
  private static String helperText(Object value, String field, Row row) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Number) {
      return String.valueOf(value);
    }
    throw UserError.of(
        row.where() + ": " + field + " 도우미가 텍스트가 아닌 " + value + "을(를) 돌려주었습니다",
        row.where() + ": the " + field + " helper returned " + value + ", not a text");
  }

  /**
   * lm-eval's rule for {@code doc_to_text}, {@code doc_to_target} and {@code doc_to_choice}: a
   * value that is exactly a column's name is that column (even a name Jinja cannot parse as a
   * variable, such as {@code gt}, a comparison keyword there); anything else is a template.
   */
  private Object resolve(Object spec, Row row, String field) {
    if (HelperValues.isHelper(spec)) {
      return helpers.value(field, row);
    }
    if (spec instanceof String name && row.fields().containsKey(name)) {
      return row.fields().get(name);
    }
    return spec instanceof String template ? Templates.evaluate(template, row, field) : spec;
  }

  /** The gold answer as text, as it appears after a few-shot example's question. */
  String targetText(Row row) {
    List<String> choices = choicesIfAny(row);
    // a list of golds gives its first, as lm-eval's build_qa_turn (a[0])
    String target = targets(row, choices).first();
    return choices.isEmpty() ? target : choices.get(Integer.parseInt(target));
  }

  private List<String> choicesIfAny(Row row) {
    return def.docToChoice() == null ? List.of() : choices(row);
  }

  private List<String> choices(Row row) {
    Object spec = def.docToChoice();
    if (spec == null) {
      throw UserError.of(
          row.where() + ": multiple_choice 과제에는 doc_to_choice가 필요합니다",
          row.where() + ": multiple_choice tasks need doc_to_choice");
    }
    Object value = resolve(spec, row, "doc_to_choice");
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw UserError.of(
          row.where() + ": doc_to_choice는 비어 있지 않은 목록을 주어야 하는데 '" + value + "'을(를) 주었습니다",
          row.where() + ": doc_to_choice must give a non-empty list, got '" + value + "'");
    }
    return TaskLoader.strings(list);
  }

  /**
   * For multiple choice the target becomes the gold choice's index: an integer is taken as the
   * index, a string must be one of the choices. Anything else names the row and the choices.
   */
  /**
   * The gold answers: a list when {@code doc_to_target} gives one (lm-eval's multiple targets: gold
   * choice indices for multiple choice, reference texts for generation), else one.
   */
  Golds targets(Row row, List<String> choices) {
    Object spec = def.docToTarget();
    if (spec == null) {
      throw UserError.of(
          row.where() + ": doc_to_target이 없습니다", row.where() + ": doc_to_target is missing");
    }
    Object value = resolve(spec, row, "doc_to_target");
    if (!(value instanceof List<?> list)) {
      return new Golds(List.of(target(row, choices, value)), false);
    }
    if (list.isEmpty()) {
      throw UserError.of(
          row.where() + ": doc_to_target이 빈 정답 목록을 주었습니다",
          row.where() + ": doc_to_target gave an empty list of gold answers");
    }
    List<String> golds = new java.util.ArrayList<>();
    for (Object gold : list) {
      if (!choices.isEmpty() && !(gold instanceof Number)) {
        // lm-eval compares each gold with the number of choices, so only indices work there
        throw UserError.of(
            row.where()
                + ": doc_to_target이 목록 "
                + list
                + "을(를) 주었습니다. doc_to_choice가 있으면 정답 목록은 선택지 번호여야 합니다",
            row.where()
                + ": doc_to_target gave the list "
                + list
                + "; with doc_to_choice a list of gold answers must be choice indices");
      }
      golds.add(target(row, choices, gold));
    }
    return new Golds(golds, true);
  }

  /** The gold answers, and whether doc_to_target gave a list (lm-eval's multiple targets). */
  record Golds(List<String> values, boolean multiple) {

    String first() {
      return values.get(0);
    }
  }

  private String target(Row row, List<String> choices, @Nullable Object value) {
    if (choices.isEmpty()) {
      return String.valueOf(value);
    }
    int index;
    if (value instanceof Number number) {
      index = number.intValue();
    } else {
      String text = String.valueOf(value).strip();
      index = text.matches("-?\\d+") ? Integer.parseInt(text) : choices.indexOf(text);
      if (index < 0) {
        throw UserError.of(
            row.where() + ": 답 '" + text + "'은(는) 선택지 " + choices + " 중 하나가 아닙니다",
            row.where() + ": answer '" + text + "' is not one of the choices " + choices);
      }
    }
    if (index < 0 || index >= choices.size()) {
      throw UserError.of(
          row.where()
              + ": 답 번호 "
              + index
              + "이(가) 선택지 "
              + choices.size()
              + "개 "
              + choices
              + "의 범위를 벗어납니다 (답이 1부터 시작하나요? 그렇다면 {{answer - 1}}을 쓰세요)",
          row.where()
              + ": answer index "
              + index
              + " is out of range for "
              + choices.size()
              + " choices "
              + choices
              + " (is the answer 1-based? then use {{answer - 1}})");
    }
    return String.valueOf(index);
  }
}
