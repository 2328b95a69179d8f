package kr.gukdae.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;

/**
 * Finds, in Java source text, the places that build an error a person reads (a {@code UserError},
 * the REST refusals {@code AccessDenied}, {@code ArenaException} and {@code NotFound}, a {@code
 * ResponseStatusException}) whose message text is English only: written with string literals, none
 * of them Korean, or joined English first ({@code "English / 한국어"}). A site that writes no literal
 * passes another error's message on and is not counted.
 */
final class ErrorMessages {

  /** The construction sites of errors people read. */
  static final Pattern SITE =
      Pattern.compile(
          "new (?:kr\\.gukdae\\.)?(?:UserError|ModelException|AccessDenied|ArenaException|ResponseStatusException)\\("
              + "|\\bUserError\\.of\\("
              + "|\\b(?:AccessDenied|ArenaException|NotFound)\\.[a-zA-Z]+\\(");

  private ErrorMessages() {}

  /** The argument lists of the English-only sites in one source text. */
  static List<String> englishOnlySites(String source) {
    List<String> found = new ArrayList<>();
    Matcher m = SITE.matcher(source);
    while (m.find()) {
      List<StringBuilder> literals = new ArrayList<>();
      int end = arguments(source, m.end(), literals);
      // Leading arguments that are codes or field names, not sentences: new AccessDenied(status,
      // "code", message), AccessDenied.badInput("field", message), new ResponseStatusException(
      // status, reason).
      String site = m.group();
      int skip =
          site.startsWith("new AccessDenied") || site.startsWith("new ArenaException")
              ? 2
              : site.startsWith("new ResponseStatusException")
                  ? 1
                  : !site.startsWith("new ") && !site.contains(".of(") && literals.size() > 1
                      ? 1
                      : 0;
      StringBuilder text = new StringBuilder();
      for (int i = skip; i < literals.size(); i++) {
        text.append(literals.get(i));
      }
      if (!text.toString().isBlank()
          && (!UserError.hasKorean(text.toString())
              || (!site.contains(".of(") && englishFirst(text.toString())))) {
        found.add(source.substring(m.start(), Math.min(source.length(), end + 1)));
      }
    }
    return found;
  }

  /**
   * A joined message written English first ({@code "English / 한국어"}): readers split at the first
   * {@code " / "} and find no Korean before it, so the Korean reader gets the whole text.
   */
  private static boolean englishFirst(String text) {
    int cut = text.indexOf(" / ");
    return cut >= 0
        && !UserError.hasKorean(text.substring(0, cut))
        && UserError.hasKorean(text.substring(cut));
  }

  /**
   * Reads an argument list from just after its {@code (} to its closing {@code )}, collecting the
   * text of the string literals of each top-level argument; returns the index of the closing
   * parenthesis.
   */
  private static int arguments(String s, int from, List<StringBuilder> literals) {
    int depth = 1;
    int i = from;
    literals.add(new StringBuilder());
    while (i < s.length()) {
      char c = s.charAt(i);
      StringBuilder current = literals.get(literals.size() - 1);
      if (s.startsWith("\"\"\"", i)) {
        int close = s.indexOf("\"\"\"", i + 3);
        close = close < 0 ? s.length() : close;
        current.append(s, i + 3, close);
        i = close + 3;
        continue;
      }
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          current.append(s, i + 1, Math.min(j, s.length()));
        }
        i = j + 1;
        continue;
      }
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if ((c == ')' || c == '}' || c == ']') && --depth == 0) {
        return i;
      } else if (c == ',' && depth == 1) {
        literals.add(new StringBuilder());
      }
      i++;
    }
    return s.length();
  }
}
