package kr.gukdae.text;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence with placeholders {@code {0}}, {@code {1}}... in its Korean and English forms. It
 * writes the English that is recorded, and reads the Korean back from recorded English when it is
 * shown, so a record keeps its bytes and still reads in both languages.
 */
public record Sentence(String ko, String en) {

  private static final Pattern HOLE = Pattern.compile("\\{\\d}");

  public String english(Object... args) {
    return fill(en, args);
  }

  /**
   * The Korean of {@code english} when this sentence wrote it, each placeholder's value passed
   * through {@code argument} (a value may itself be a word with a Korean form); otherwise empty.
   */
  public Optional<String> korean(String english, UnaryOperator<String> argument) {
    StringBuilder p = new StringBuilder();
    Matcher holes = HOLE.matcher(en);
    int at = 0;
    while (holes.find()) {
      p.append(Pattern.quote(en.substring(at, holes.start()))).append("(.+?)");
      at = holes.end();
    }
    Matcher m =
        Pattern.compile(p.append(Pattern.quote(en.substring(at))).toString()).matcher(english);
    if (!m.matches()) {
      return Optional.empty();
    }
    Object[] args = new Object[m.groupCount()];
    for (int i = 0; i < args.length; i++) {
      args[i] = argument.apply(m.group(i + 1));
    }
    return Optional.of(fill(ko, args));
  }

  private static String fill(String template, Object... args) {
    String s = template;
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }
}
