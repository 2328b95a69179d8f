package kr.gukdae.eval;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's string semantics where lm-evaluation-harness relies on them, so that prompts, filters
 * and metrics agree with it on any text, not only ASCII.
 *
 * <ul>
 *   <li>{@link #strip}: Python's {@code str.isspace} set (29 code points, incl. U+0085 NEL, U+00A0
 *       NBSP, U+2007 figure space, U+202F and U+001C–U+001F), not Java's {@code strip}, which
 *       keeps the non-breaking spaces and NEL.
 *   <li>{@link #capitalize} and {@link #title}: the first letter in title case with full case
 *       mappings ("ﬁx" → "Fix", "ß" → "Ss", "ǆ" → "ǅ"), the rest in lower case.
 *   <li>{@link #length}: {@code len()} counts code points (an emoji outside the BMP is 1, not 2).
 *   <li>{@link #regex}: a pattern written for Python's {@code re} compiled so {@code \s}, {@code
 *       \d}, {@code \w} mean what they mean there on {@code str} (Unicode whitespace as above,
 *       decimal digits of any script such as full-width "３", letters and numbers of any script),
 *       {@code .} and {@code $} treat only "\n" as a line end, {@code (?P<n>…)} names groups, and
 *       a {@code {} that starts no repetition is a literal brace.
 * </ul>
 */
public final class PythonText {

  /**
   * The code points for which CPython's {@code str.isspace()} is true (Unicode 14, CPython 3.11).
   */
  private static final String SPACE_RANGES =
      "\\t-\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

  private static final String WORD = "\\p{L}\\p{N}_";

  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  public static boolean isSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D)
        || (cp >= 0x1C && cp <= 0x20)
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** {@code s.strip()}. */
  public static String strip(String s) {
    return rstrip(lstrip(s));
  }

  /** {@code s.lstrip()}. */
  public static String lstrip(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  /** {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code s.strip(chars)}: removes any of the given code points from both ends. */
  public static String strip(String s, String chars) {
    int start = 0;
    int end = s.length();
    while (start < end && chars.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && chars.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** {@code len(s)}: code points. */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** {@code s.lower()}: full lower-case mapping, locale-independent. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code s.upper()}: full upper-case mapping, locale-independent. */
  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** {@code s.capitalize()} (Python 3.8+): first code point in title case, the rest lower. */
  public static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    return titleCase(first) + lower(s.substring(Character.charCount(first)));
  }

  /** {@code s.title()}: each cased run starts in title case and continues in lower case. */
  public static String title(String s) {
    var out = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String one = new String(Character.toChars(cp));
      out.append(previousCased ? lower(one) : titleCase(cp));
      previousCased = isCased(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isCased(int cp) {
    return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
  }

  /**
   * Title case with the full mappings of Unicode's SpecialCasing: a code point whose upper case is
   * several characters (ligatures, ß) keeps the first one upper and lowers the rest; U+0149 is the
   * one such code point whose title case is its upper case.
   */
  private static String titleCase(int cp) {
    String one = new String(Character.toChars(cp));
    String upper = upper(one);
    if (upper.codePointCount(0, upper.length()) == 1) {
      return new String(Character.toChars(Character.toTitleCase(cp)));
    }
    if (cp == 0x149) {
      return upper;
    }
    int head = upper.codePointAt(0);
    return new String(Character.toChars(head)) + lower(upper.substring(Character.charCount(head)));
  }

  /** Compiles a Python {@code re} pattern with Python's meaning; flags are {@link Pattern}'s. */
  public static Pattern regex(String python, int flags) {
    return Pattern.compile(translate(python), flags | Pattern.UNIX_LINES);
  }

  /** {@link #regex(String, int)} without flags. */
  public static Pattern regex(String python) {
    return regex(python, 0);
  }

  /** The Java spelling of a Python pattern; see the class comment. */
  static String translate(String p) {
    var out = new StringBuilder(p.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length()) {
        char e = p.charAt(++i);
        out.append(escape(e, inClass));
        continue;
      }
      if (inClass) {
        if (c == ']' && classJustOpened(p, i)) {
          out.append("\\]"); // a leading ']' is a literal in Python
          continue;
        }
        if (c == ']') {
          inClass = false;
        } else if (c == '[' || c == '&') {
          out.append('\\'); // literal in Python; Java would nest or intersect classes
        }
        out.append(c);
      } else if (c == '[') {
        inClass = true;
        out.append(c);
      } else if (c == '(' && p.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (c == '(' && p.startsWith("(?P=", i)) {
        int close = p.indexOf(')', i);
        if (close < 0) {
          throw new PatternSyntaxException("unterminated (?P=", p, i);
        }
        out.append("\\k<").append(p, i + 4, close).append('>');
        i = close;
      } else if (c == '{') {
        int close = p.indexOf('}', i);
        String body = close < 0 ? "" : p.substring(i + 1, close);
        if (body.matches("\\d+(,\\d*)?")) {
          out.append(c);
        } else if (body.matches(",\\d+")) {
          out.append("{0");
        } else {
          out.append("\\{");
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A ']' right after '[' or '[^' is a literal in both languages. */
  private static boolean classJustOpened(String p, int i) {
    return p.charAt(i - 1) == '[' && (i < 2 || p.charAt(i - 2) != '\\')
        || (i >= 2 && p.charAt(i - 1) == '^' && p.charAt(i - 2) == '[');
  }

  private static String escape(char e, boolean inClass) {
    return switch (e) {
      case 's' -> inClass ? SPACE_RANGES : "[" + SPACE_RANGES + "]";
      case 'S' -> "[^" + SPACE_RANGES + "]";
      case 'd' -> "\\p{Nd}";
      case 'D' -> "\\P{Nd}";
      case 'w' -> inClass ? WORD : "[" + WORD + "]";
      case 'W' -> "[^" + WORD + "]";
      case 'Z' -> "\\z";
      default -> "\\" + e;
    };
  }

  /** A string as Python's {@code json.dumps(s, ensure_ascii=False)} writes it, appended. */
  public static void jsonString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
