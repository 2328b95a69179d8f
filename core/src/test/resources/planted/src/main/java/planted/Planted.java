package planted;

import org.jspecify.annotations.Nullable;

/** Planted breaks, one per rule; each line marked BREAK must be reported. */
final class Planted {

  static @Nullable String find(String key) {
    return key.isEmpty() ? null : key;
  }

  static int length(String key) {
    return find(key).length(); // BREAK NullAway
  }

  static String score(double value) {
    return String.format("%.2f", value); // BREAK DefaultLocale
  }

  static String folded(String text) {
    return text.toLowerCase(); // BREAK StringCaseLocaleUsage
  }

  static void close(AutoCloseable a) {
    try {
      a.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      throw new IllegalStateException("always"); // BREAK Finally
    }
  }
}
