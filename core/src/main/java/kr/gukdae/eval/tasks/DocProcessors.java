package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.PythonText;
import org.jspecify.annotations.Nullable;

/**
 * Row preprocessing that lm-evaluation-harness writes in Python ({@code process_docs}), written
 * here in code and named from task files with {@code process_docs: NAME}. Each adds columns and
 * keeps the published ones, so prompts can use both.
 */
final class DocProcessors {

  private static final Pattern BRACKETS = Pattern.compile("\\[.*?]");

  private static final Map<String, UnaryOperator<Row>> BY_NAME =
      Map.of("hellaswag", DocProcessors::hellaswag, "gpqa", DocProcessors::gpqa);

  private DocProcessors() {}

  static UnaryOperator<Row> named(String where, String name) {
    UnaryOperator<Row> processor = BY_NAME.get(name);
    if (processor == null) {
      throw UserError.of(
          where
              + ": process_docs '"
              + name
              + "'은(는) 알 수 없는 처리기입니다. "
              + BY_NAME.keySet()
              + " 중 하나를 쓰세요",
          where + ": process_docs '" + name + "' is unknown; use one of " + BY_NAME.keySet());
    }
    return processor;
  }

  /** HellaSwag: {@code query} from activity label and context, cleaned {@code choices}. */
  static Row hellaswag(Row row) {
    String ctxB = row.getString("ctx_b");
    String ctx = row.getString("ctx_a") + " " + PythonText.capitalize(ctxB);
    List<String> choices = new ArrayList<>();
    if (row.get("endings") instanceof List<?> endings) {
      endings.forEach(e -> choices.add(preprocess(String.valueOf(e))));
    } else {
      throw UserError.of(
          row.where() + ": 'endings' 열은 목록이어야 합니다",
          row.where() + ": column 'endings' must be a list");
    }
    Map<String, Object> out = new LinkedHashMap<>(row.fields());
    out.put("query", preprocess(row.getString("activity_label") + ": " + ctx));
    out.put("choices", choices);
    out.put("gold", Integer.parseInt(row.getString("label").strip()));
    return new Row(row.source(), row.line(), out);
  }

  /** lm-eval's WikiHow clean-up: strip, " [title]" to ". ", drop [tags], halve double spaces. */
  static String preprocess(String text) {
    String s = PythonText.strip(text).replace(" [title]", ". ");
    s = BRACKETS.matcher(s).replaceAll("");
    return s.replace("  ", " ");
  }

  /**
   * GPQA: the correct and three incorrect answers shuffled into {@code choice1..4}, {@code answer}
   * "(A)".."(D)". lm-eval shuffles with Python's unseeded random, so its order is not reproducible;
   * here the shuffle is seeded by the question text, so reruns agree.
   */
  static Row gpqa(Row row) {
    String correct = gpqaClean(row.get("Correct Answer"));
    List<String> choices =
        new ArrayList<>(
            List.of(
                gpqaClean(row.get("Incorrect Answer 1")),
                gpqaClean(row.get("Incorrect Answer 2")),
                gpqaClean(row.get("Incorrect Answer 3")),
                correct));
    var random = new SplittableRandom(row.getString("Question").hashCode());
    for (int i = choices.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String tmp = choices.get(i);
      choices.set(i, choices.get(j));
      choices.set(j, tmp);
    }
    Map<String, Object> out = new LinkedHashMap<>(row.fields());
    for (int i = 0; i < 4; i++) {
      out.put("choice" + (i + 1), choices.get(i));
    }
    out.put("answer", "(" + (char) ('A' + choices.indexOf(correct)) + ")");
    return new Row(row.source(), row.line(), out);
  }

  private static String gpqaClean(@Nullable Object value) {
    if (value == null) {
      return " ";
    }
    return PythonText.strip(value.toString()).replace(" [title]", ". ").replace("  ", " ");
  }
}
