package kr.gukdae.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words for enum names, read from the web pages' own table ({@code static/common/labels.js},
 * {@code "enum.NAME": "word"} under {@code ko:} and {@code en:}), so a verdict or outcome reads the
 * same in the terminal as on the pages and there is one table to keep.
 */
final class EnumLabels {

  static final String RESOURCE = "/static/common/labels.js";

  private static final Pattern ENTRY =
      Pattern.compile("\"enum\\.([A-Z0-9_]+)\"\\s*:\\s*\"([^\"]*)\"");

  private static final Pattern EN_BLOCK = Pattern.compile("(?m)^\\s*en\\s*:\\s*\\{");

  /** Read once, on the first label a command prints (commands that print none never read it). */
  private static final class Holder {
    static final EnumLabels TABLE = load();
  }

  private final Map<String, String> korean;
  private final Map<String, String> english;

  private EnumLabels(Map<String, String> korean, Map<String, String> english) {
    this.korean = Map.copyOf(korean);
    this.english = Map.copyOf(english);
  }

  static EnumLabels table() {
    return Holder.TABLE;
  }

  /** The word for {@code name} in the language asked for, or null when the table lacks it. */
  @Nullable String word(String name, boolean inKorean) {
    return (inKorean ? korean : english).get(name);
  }

  Map<String, String> korean() {
    return korean;
  }

  Map<String, String> english() {
    return english;
  }

  static EnumLabels parse(String script) {
    Matcher en = EN_BLOCK.matcher(script);
    if (!en.find()) {
      throw new IllegalStateException(RESOURCE + " has no en: block");
    }
    return new EnumLabels(
        entries(script.substring(0, en.start())), entries(script.substring(en.start())));
  }

  private static Map<String, String> entries(String part) {
    Map<String, String> words = new HashMap<>();
    Matcher m = ENTRY.matcher(part);
    while (m.find()) {
      words.put(m.group(1), m.group(2));
    }
    return words;
  }

  private static EnumLabels load() {
    try (InputStream in =
        Objects.requireNonNull(
            EnumLabels.class.getResourceAsStream(RESOURCE),
            RESOURCE + " is not on the class path")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
