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

  private static void string(String s, StringBuilder out) {
    kr.gukdae.eval.PythonText.jsonString(s, out);
  }
}
