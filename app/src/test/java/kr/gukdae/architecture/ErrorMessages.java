package kr.gukdae.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.gukdae.UserError;

/**
 * Finds, in Java source text, the places that build an error a person reads (a {@code UserError},
 * the REST refusals {@code AccessDenied}, {@code ArenaException} and {@code NotFound}, a {@code
 * ResponseStatusException}) whose message text is English only: written with string literals, none
 * of them Korean. A site that writes no literal passes another error's message on and is not
 * counted.
 */
final class ErrorMessages {

  /** The construction sites of errors people read. */
  static final Pattern SITE =
      Pattern.compile(
          "new (?:kr\\.gukdae\\.)?(?:UserError|ModelException|AccessDenied|ArenaException|ResponseStatusException)\\("
              + "|\\bUserError\\.of\\("
              + "|\\b(?:AccessDenied|ArenaException|NotFound)\\.[a-zA-Z]+\\(");

  private ErrorMessages() {}

  /** English-only sites per source file (relative to {@code root}), files without any left out. */
  static Map<String, Integer> englishOnly(Path root, List<Path> sourceDirs) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Path dir : sourceDirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          int n = englishOnlySites(Files.readString(file)).size();
          if (n > 0) {
            counts.put(root.relativize(file).toString().replace('\\', '/'), n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return counts;
  }

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
      if (!text.toString().isBlank() && !UserError.hasKorean(text.toString())) {
        found.add(source.substring(m.start(), Math.min(source.length(), end + 1)));
      }
    }
    return found;
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
