package kr.gukdae.eval.tasks;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;

/**
 * Jinja templates over dataset rows, as lm-evaluation-harness's {@code doc_to_text}, {@code
 * doc_to_target} and {@code doc_to_choice} use them. Unknown variables are errors, not blanks: a
 * silently empty prompt would produce a wrong score that looks right.
 */
final class Templates {

  private static final Pattern SINGLE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$");
  private static final Jinjava JINJA =
      new Jinjava(
          JinjavaConfig.newBuilder()
              .withFailOnUnknownTokens(true)
              // Jinjava would otherwise render template syntax found inside a value: dataset text
              // (a LaTeX question, an untrusted upload) must print as it is, never run
              .withNestedInterpretationEnabled(false)
              .withMaxOutputSize(4L * 1024 * 1024)
              .build());

  private Templates() {}

  /** Renders a text template against a row. */
  static String render(String template, Row row, String field) {
    JinjavaInterpreter interpreter = interpreter(row);
    String output;
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      output = interpreter.render(template);
    } catch (RuntimeException e) {
      throw error(row, field, template, e.getMessage());
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    failOnErrors(interpreter.getErrorsCopy(), row, field, template);
    return output;
  }

  /**
   * An interpreter whose scope is the row, over the shared library of filters and functions.
   * Jinjava's own entry points copy that whole library for every render, which cost more than the
   * render itself: a KMMLU-sized task renders about 100,000 templates before its first request. The
   * library is only read here; the row's scope takes whatever a template sets.
   */
  private static JinjavaInterpreter interpreter(Row row) {
    return new JinjavaInterpreter(
        JINJA, new Context(JINJA.getGlobalContext(), row.fields()), JINJA.getGlobalConfig());
  }

  /**
   * Evaluates a template that is a single expression ({@code {{ choices.text }}}) to its value, so
   * lists and numbers keep their type; any other template renders to text.
   */
  static Object evaluate(String template, Row row, String field) {
    Matcher m = SINGLE_EXPRESSION.matcher(template);
    if (!m.matches() || m.group(1).contains("}}")) {
      return render(template, row, field);
    }
    JinjavaInterpreter interpreter = interpreter(row);
    Object value;
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      value = interpreter.resolveELExpression(m.group(1).strip(), 1);
    } catch (RuntimeException e) {
      throw error(row, field, template, e.getMessage());
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    failOnErrors(interpreter.getErrorsCopy(), row, field, template);
    return value;
  }

  /** Checks a template's syntax once, at task load, without a row. */
  static void checkSyntax(String template, String where) {
    RenderResult result =
        new Jinjava().renderForResult(template, Map.<String, Object>of()); // lenient on unknowns
    List<TemplateError> syntax =
        result.getErrors().stream()
            .filter(e -> e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
            .toList();
    if (!syntax.isEmpty()) {
      throw new UserError(where + ": template syntax error: " + syntax.get(0).getMessage());
    }
  }

  private static void failOnErrors(List<TemplateError> errors, Row row, String field, String t) {
    for (TemplateError error : errors) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL
          || error.getReason() == TemplateError.ErrorReason.UNKNOWN) {
        throw error(row, field, t, error.getMessage());
      }
    }
  }

  private static UserError error(Row row, String field, String template, String message) {
    return new UserError(
        row.where()
            + ": "
            + field
            + " '"
            + template
            + "' failed: "
            + message
            + "; the row's columns are "
            + row.fields().keySet());
  }
}
