package kr.gukdae.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule every bilingual-output test applies to what a command printed: in Korean no line a
 * person reads is English only, in English none carries Hangul. A line is English only when it has
 * a plain English word (letters only, not an option, path, identifier or number) and no Hangul;
 * words that are the user's own data (model, task, team and repo names) are taken out first, and
 * {@link #SHARED} words read the same in both languages.
 */
public final class LineRule {

  private LineRule() {}

  /** A plain word: letters only, standing alone (not part of an option, path or identifier). */
  private static final Pattern WORD =
      Pattern.compile("(?<![\\p{Alnum}_./@=<-])\\p{Alpha}{2,}(?![\\p{Alnum}_./@=>-])");

  /**
   * Words that read the same in both languages: units, acronyms, names of methods and tools, and
   * picocli's placeholders for an option's value (upper case, as the option declares them).
   */
  private static final Set<String> SHARED =
      Set.of(
          "seq",
          "sha",
          "SHA",
          "URL",
          "JSON",
          "CSV",
          "YAML",
          "GGUF",
          "id",
          "ids",
          "ok",
          "Hub",
          "hub",
          "Bradley",
          "Terry",
          "Elo",
          "demo",
          "DEMO",
          "eval",
          "gukdae",
          "YYYY",
          "MM",
          "DD",
          "web",
          "vLLM",
          "SGLang",
          "TGI",
          "Ollama",
          "API",
          "HTTP",
          "base",
          "model",
          "run",
          "lm",
          "none",
          "acc",
          "exact",
          "match",
          "strict",
          "flexible",
          "extract",
          "metric",
          "NAME",
          "DIR",
          "FILE",
          "cpp",
          "llama",
          "key",
          "host",
          "port",
          "openai",
          "lexical",
          "constant");

  /** Checks every line of both outputs of one command line ({@code what} names it in a failure). */
  public static void check(String what, String korean, String english, List<String> data) {
    assertThat(korean).as("Korean and English output differ: " + what).isNotEqualTo(english);
    checkOne(what, "ko", korean, data);
    checkOne(what, "en", english, data);
  }

  /** Checks every line of one output in its language ({@code ko} or {@code en}). */
  public static void checkOne(String what, String language, String output, List<String> data) {
    for (String line : output.lines().toList()) {
      if (language.equals("ko")) {
        assertThat(englishOnly(line, data))
            .as("English-only line under --lang ko in 'gukdae %s':%n%s", what, line)
            .isFalse();
      } else {
        assertThat(hangul(withoutData(line, data)))
            .as("Hangul under --lang en in 'gukdae %s':%n%s", what, line)
            .isFalse();
      }
    }
  }

  /** Whether a line has an English word left once data, options and paths are taken out. */
  public static boolean englishOnly(String line, List<String> data) {
    if (hangul(line)) {
      return false;
    }
    String rest =
        withoutData(line, data)
            .replaceAll("\\S*[/\\\\]\\S*", " ")
            .replaceAll("(?<!\\S)--?[\\w-]+", " ");
    var m = WORD.matcher(rest);
    while (m.find()) {
      if (!SHARED.contains(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** The line with the user's data taken out, longest first (a name may contain another). */
  public static String withoutData(String line, List<String> data) {
    String rest = line;
    for (String d : data.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      if (!d.isBlank()) {
        rest = rest.replace(d, " ");
      }
    }
    return rest;
  }

  public static boolean hangul(String text) {
    return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
