package kr.gukdae.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The Korean of picocli's help under {@code --lang ko}: each command's description and its
 * options', picocli's own headings ({@code Usage:}, {@code Commands:}) and its built-in {@code
 * -h}/{@code -V} descriptions. The English stays in the commands' annotations; the Korean is in
 * {@code help-ko.properties} under picocli's resource-bundle keys ({@code gukdae.<command>.<option
 * without dashes>}, {@code gukdae.<command>.usage.description}), so a command's code keeps one
 * language and the help one file. {@code BilingualOutputTest} runs every command's {@code --help}
 * in both languages: an option described in English only fails it.
 */
final class KoreanHelp {

  static final String RESOURCE = "/kr/gukdae/cli/help-ko.properties";

  /** Read once, on the first help or usage printed in Korean. */
  private static final class Holder {
    static final ResourceBundle BUNDLE = load();
  }

  private KoreanHelp() {}

  static ResourceBundle bundle() {
    return Holder.BUNDLE;
  }

  /** The lines of a top-level command's description in Korean, when the file has them. */
  static Optional<String[]> description(String command) {
    String key = "gukdae." + command + ".usage.description.";
    List<String> lines = new ArrayList<>();
    for (int i = 0; bundle().containsKey(key + i); i++) {
      lines.add(bundle().getString(key + i));
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(lines.toArray(String[]::new));
  }

  private static ResourceBundle load() {
    try (InputStream in =
        Objects.requireNonNull(
            KoreanHelp.class.getResourceAsStream(RESOURCE), "bug: " + RESOURCE + " not packaged")) {
      return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
