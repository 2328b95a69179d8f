package kr.gukdae.eval.tasks;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.PythonText;
import org.jspecify.annotations.Nullable;

/**
 * Jinja templates over dataset rows, as lm-evaluation-harness's {@code doc_to_text}, {@code
 * doc_to_target} and {@code doc_to_choice} use them. Unknown variables are errors, not blanks: a
 * silently empty prompt would produce a wrong score that looks right.
 *
 * <p>lm-eval renders with Python's Jinja, where {@code question.strip()} is Python's {@code
 * str.strip}. Those string methods ({@code strip}, {@code lstrip}, {@code rstrip}, {@code lower},
 * {@code upper}, {@code capitalize}, {@code title}) are rewritten inside template tags into filters
 * with Python's semantics ({@link PythonText}), so a question padded with NBSP or U+2007 renders as
 * lm-eval renders it.
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

  private static final Pattern TAG = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
  private static final Pattern PY_METHOD =
      Pattern.compile("\\.(strip|lstrip|rstrip|lower|upper|capitalize|title)\\(");
  private static final Map<String, String> PYTHONIC = new ConcurrentHashMap<>();

  static {
    register(JINJA);
  }

  private static Jinjava register(Jinjava jinja) {
    for (String name :
        List.of("strip", "lstrip", "rstrip", "lower", "upper", "capitalize", "title")) {
      jinja.getGlobalContext().registerFilter(new PythonStringFilter(name));
    }
    return jinja;
  }

  private Templates() {}

  /** The template with Python string-method calls inside its tags turned into filters. */
  static String pythonic(String template) {
    if (!template.contains("(")) {
      return template;
    }
    return PYTHONIC.computeIfAbsent(
        template,
        t ->
            TAG.matcher(t)
                .replaceAll(tag ->
                    Matcher.quoteReplacement(
                        PY_METHOD.matcher(tag.group()).replaceAll("|py_$1("))));
  }

  /** One Python {@code str} method as a Jinja filter ({@code py_strip}, …). */
  private record PythonStringFilter(String method) implements Filter {
    @Override
    public String getName() {
      return "py_" + method;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      String s = var == null ? "None" : var.toString();
      return switch (method) {
        case "strip" -> args.length == 0 ? PythonText.strip(s) : PythonText.strip(s, args[0]);
        case "lstrip" -> PythonText.lstrip(s);
        case "rstrip" -> PythonText.rstrip(s);
        case "lower" -> PythonText.lower(s);
        case "upper" -> PythonText.upper(s);
        case "capitalize" -> PythonText.capitalize(s);
        default -> PythonText.title(s);
      };
    }
  }

  /** Renders a text template against a row. */
  static String render(String template, Row row, String field) {
    String source = pythonic(template);
    JinjavaInterpreter interpreter = interpreter(row);
    String output;
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      output = interpreter.render(source);
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
    Matcher m = SINGLE_EXPRESSION.matcher(pythonic(template));
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
        LENIENT.renderForResult(pythonic(template), Map.<String, Object>of()); // unknowns are ok
    List<TemplateError> syntax =
        result.getErrors().stream()
            .filter(e -> e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
            .toList();
    if (!syntax.isEmpty()) {
      throw UserError.of(
          where + ": 템플릿 문법 오류: " + syntax.get(0).getMessage(),
          where + ": template syntax error: " + syntax.get(0).getMessage());
    }
  }

  private static final Jinjava LENIENT = register(new Jinjava());

  private static void failOnErrors(List<TemplateError> errors, Row row, String field, String t) {
    for (TemplateError error : errors) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL
          || error.getReason() == TemplateError.ErrorReason.UNKNOWN) {
        throw error(row, field, t, error.getMessage());
      }
    }
  }

  private static UserError error(Row row, String field, String template, @Nullable String message) {
    return UserError.of(
        row.where()
            + ": "
            + field
            + " '"
            + template
            + "' 처리에 실패했습니다: "
            + message
            + ". 이 행의 열은 "
            + row.fields().keySet()
            + "입니다",
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
