package kr.gukdae.eval.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code json.dumps(value, indent=2, ensure_ascii=False)}, byte for byte, for the values a
 * dataset row holds: lm-eval's {@code doc_hash} is the SHA-256 of exactly that text, so the hash
 * only matches when the text does.
 */
final class PythonJson {

  private PythonJson() {}

  static String dumpsIndent2(Object value) {
    var out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b ? "true" : "false");
      case Double d -> out.append(floatRepr(d));
      case Float f -> out.append(floatRepr(f.doubleValue()));
      case BigDecimal b -> out.append(floatRepr(b.doubleValue()));
      case Number n -> out.append(n.toString());
      case Map<?, ?> map -> {
        if (map.isEmpty()) {
          out.append("{}");
          return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
          string(String.valueOf(e.getKey()), out);
          out.append(": ");
          write(e.getValue(), out, depth + 1);
          first = false;
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
      }
      case List<?> list -> {
        if (list.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "\n" : ",\n").append("  ".repeat(depth + 1));
          write(list.get(i), out, depth + 1);
        }
        out.append('\n').append("  ".repeat(depth)).append(']');
      }
      default -> string(value.toString(), out);
    }
  }

  /** Python's float repr: shortest round-trip digits, 1e-05 / 1e+16 outside [1e-4, 1e16). */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d));
    double abs = Math.abs(d);
    if (d == 0 || (abs >= 1e-4 && abs < 1e16)) {
      String plain = exact.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    BigDecimal stripped = exact.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - stripped.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exponent < 0 ? "-" : "+";
    return (d < 0 ? "-" : "")
        + mantissa
        + "e"
        + sign
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }

  /**
   * Python's {@code repr(str)}: single quotes unless the text has one and no double quote;
   * backslash, the quote, tab, newline and carriage return escaped; other characters Python does
   * not print (controls, format characters, separators other than the space, unassigned) as
   * backslash-x, backslash-u or backslash-U escapes.
   */
  static String repr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    s.codePoints()
        .forEach(cp -> {
          switch (cp) {
            case '\\' -> out.append("\\\\");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            default -> {
              if (cp == quote) {
                out.append('\\').append(quote);
              } else if (printable(cp)) {
                out.appendCodePoint(cp);
              } else if (cp < 0x100) {
                out.append(String.format(Locale.ROOT, "\\x%02x", cp));
              } else if (cp < 0x10000) {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
              } else {
                out.append(String.format(Locale.ROOT, "\\U%08x", cp));
              }
            }
          }
        });
    return out.append(quote).toString();
  }

  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static void string(String s, StringBuilder out) {
    kr.gukdae.eval.PythonText.jsonString(s, out);
  }
}
