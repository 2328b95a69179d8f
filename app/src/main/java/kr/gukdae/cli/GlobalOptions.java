package kr.gukdae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Options every command takes, wherever they stand before a {@code --}: {@code --verbose} (show
 * framework logs) and {@code --lang ko|en} (labels in the terminal; default: the locale). The
 * launcher takes them out before picocli sees the rest.
 *
 * @param language "ko" or "en"
 */
public record GlobalOptions(boolean verbose, String language, List<String> rest) {

  public GlobalOptions {
    if (!language.equals("ko") && !language.equals("en")) {
      throw new IllegalArgumentException("language: " + language);
    }
    rest = List.copyOf(rest);
  }

  static GlobalOptions parse(String... args) {
    boolean verbose = false;
    @Nullable String language = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        rest.addAll(List.of(args).subList(i, args.length));
        break;
      } else if (arg.equals("--verbose")) {
        verbose = true;
      } else if (arg.equals("--lang")) {
        if (i + 1 == args.length) {
          throw UserError.of(
              "--lang에는 값이 필요합니다: ko(한국어) 또는 en(English)",
              "--lang needs a value: ko (한국어) or en (English)");
        }
        language = language(args[++i]);
      } else if (arg.startsWith("--lang=")) {
        language = language(arg.substring("--lang=".length()));
      } else {
        rest.add(arg);
      }
    }
    return new GlobalOptions(verbose, language != null ? language : fromLocale(), rest);
  }

  String[] args() {
    return rest.toArray(String[]::new);
  }

  /** The language set for this JVM: what {@code --lang} chose, else the locale's. */
  public static String current() {
    return fromLocale();
  }

  /** Makes the choice visible to every label lookup in this JVM. */
  void apply() {
    if (!language.equals(fromLocale())) {
      Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(language));
    }
  }

  static String fromLocale() {
    return Locale.getDefault(Locale.Category.DISPLAY).getLanguage().equals("ko") ? "ko" : "en";
  }

  private static String language(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "ko", "kr", "korean", "한국어" -> "ko";
      case "en", "english" -> "en";
      default ->
          throw UserError.of(
              "--lang '" + value + "': ko(한국어) 또는 en(English)이어야 합니다",
              "--lang '" + value + "': expected ko (한국어) or en (English)");
    };
  }
}
