package planted;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The same code kept to the rules: no finding may point here. */
final class Clean {

  static @Nullable String find(String key) {
    return key.isEmpty() ? null : key;
  }

  static int length(String key) {
    String found = find(key);
    return found == null ? 0 : found.length();
  }

  static String score(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String folded(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
