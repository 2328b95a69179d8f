package kr.gukdae.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the answer out of a model's free text before scoring (lm-evaluation-harness calls these
 * filters). Model text is untrusted: extractors only read it, with bounded input.
 */
@FunctionalInterface
public interface AnswerExtractor {

  /** Returned when nothing could be extracted, as lm-evaluation-harness does. */
  String INVALID = "[invalid]";

  /** Patterns run on at most this many characters of an answer, to bound regex time. */
  int MAX_SCAN = 20_000;

  String extract(String completion);

  /** The text as it is (filter {@code none}). */
  static AnswerExtractor identity() {
    return completion -> completion;
  }

  /**
   * The first match's group of a regular expression written for Python's {@code re} ({@link
   * PythonText#regex}), or {@link #INVALID}.
   */
  static AnswerExtractor regex(String pattern, int group) {
    Pattern compiled = PythonText.regex(pattern);
    return completion -> {
      Matcher m = compiled.matcher(bounded(completion));
      return m.find() && m.group(group) != null ? m.group(group) : INVALID;
    };
  }

  /**
   * A choice letter from answers such as "정답: B", "정답은 (B)입니다", "Answer: B", "(B)" or a bare "B".
   * Explicit answer markers win over a letter in parentheses, which wins over a leading letter; the
   * last explicit marker counts, since models restate the question before answering.
   */
  static AnswerExtractor choiceLetter(int choiceCount) {
    char last = (char) ('A' + Math.max(1, choiceCount) - 1);
    String letters = "[A-" + last + "]";
    Pattern marker =
        Pattern.compile(
            "(?:정답|답|answer|Answer|ANSWER)\\s*(?:은|는|:|：|is)?\\s*[:：]?\\s*\\(?("
                + letters
                + ")\\)?(?![A-Za-z])");
    Pattern parenthesised = Pattern.compile("\\((" + letters + ")\\)");
    Pattern leading = Pattern.compile("^\\s*(" + letters + ")(?:[.)\\s:]|$)");
    return completion -> {
      String text = bounded(completion);
      Matcher m = marker.matcher(text);
      String found = null;
      while (m.find()) {
        found = m.group(1);
      }
      if (found != null) {
        return found;
      }
      m = parenthesised.matcher(text);
      if (m.find()) {
        return m.group(1);
      }
      m = leading.matcher(text);
      return m.find() ? m.group(1) : INVALID;
    };
  }

  /** The contents of the last {@code \boxed{...}}, braces balanced, or {@link #INVALID}. */
  static AnswerExtractor boxed() {
    return completion -> {
      String text = bounded(completion);
      int start = text.lastIndexOf("\\boxed{");
      if (start < 0) {
        return INVALID;
      }
      int depth = 0;
      for (int i = start + "\\boxed".length(); i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          return text.substring(start + "\\boxed{".length(), i);
        }
      }
      return INVALID;
    };
  }

  private static String bounded(String text) {
    return text.length() <= MAX_SCAN ? text : text.substring(0, MAX_SCAN);
  }
}
