package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import kr.gukdae.UserError;
import kr.gukdae.eval.AnswerExtractor;
import kr.gukdae.eval.PythonText;

/**
 * lm-evaluation-harness's {@code regex} filter: Python's {@code findall} over the answer, the match
 * at {@code group_select} (negative counts from the end), then the first non-empty group when the
 * pattern has several, stripped; {@code [invalid]} when nothing matched. GSM8K's flexible-extract
 * ({@code group_select: -1}) takes the last number this way.
 */
final class LmEvalRegex {

  private LmEvalRegex() {}

  static AnswerExtractor of(String where, String pattern, int select) {
    Pattern compiled;
    try {
      compiled = PythonText.regex(pattern);
    } catch (PatternSyntaxException e) {
      throw UserError.of(
          where + ": regex_pattern '" + pattern + "'이(가) 올바르지 않습니다: " + e.getMessage(),
          where + ": regex_pattern '" + pattern + "' is invalid: " + e.getMessage());
    }
    return completion -> {
      String text =
          completion.length() <= AnswerExtractor.MAX_SCAN
              ? completion
              : completion.substring(0, AnswerExtractor.MAX_SCAN);
      List<String> matches = findall(compiled.matcher(text));
      int index = select < 0 ? matches.size() + select : select;
      if (index < 0 || index >= matches.size()) {
        return AnswerExtractor.INVALID;
      }
      String match = matches.get(index);
      return match == null ? AnswerExtractor.INVALID : PythonText.strip(match);
    };
  }

  /** One entry per match, as findall gives it; null stands for a tuple of empty groups. */
  private static List<String> findall(Matcher m) {
    List<String> out = new ArrayList<>();
    int groups = m.groupCount();
    while (m.find()) {
      if (groups == 0) {
        out.add(m.group());
      } else if (groups == 1) {
        out.add(m.group(1) == null ? "" : m.group(1));
      } else {
        String first = null;
        for (int g = 1; g <= groups && first == null; g++) {
          String value = m.group(g);
          if (value != null && !value.isEmpty()) {
            first = value;
          }
        }
        out.add(first);
      }
    }
    return out;
  }
}
