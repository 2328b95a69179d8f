package kr.gukdae.cli;

import java.io.Console;
import kr.gukdae.Bilingual;

/**
 * What the terminal user reads, in their language ({@code --lang ko|en}, default the locale) and in
 * the shape their terminal takes: the one place commands pick a label's language and ask whether a
 * person is watching.
 */
public final class Terminal {

  private Terminal() {}

  /** Whether labels are Korean for this run. */
  public static boolean korean() {
    return GlobalOptions.current().equals("ko");
  }

  /** The label in this run's language. */
  public static String pick(String ko, String en) {
    return korean() ? ko : en;
  }

  /** A text the core wrote in both languages, in this run's language. */
  public static String pick(Bilingual text) {
    return text.in(korean());
  }

  /**
   * An enum value as people read it in this run's language: the word the web pages use for it
   * ({@code static/common/labels.js}), never the enum's name. A value the table lacks is shown as
   * its name in lower case (and the bilingual-output tests fail on it in Korean).
   */
  public static String label(Enum<?> value) {
    String word = EnumLabels.table().word(value.name(), korean());
    return word != null ? word : value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** "yes"/"no" in this run's language. */
  public static String yesNo(boolean yes) {
    return yes ? pick("예", "yes") : pick("아니요", "no");
  }

  /**
   * The line printed whenever results come from the task files' bundled rows rather than a real
   * data set ({@code --data-dir}): they are written by the project, so their numbers are no score.
   */
  public static String sampleRowsBanner() {
    return pick(
        "※ 프로젝트가 직접 쓴 샘플 행의 결과입니다. 벤치마크 점수가 아닙니다 (실제 데이터: --data-dir).",
        "NOTE: project-written sample rows, not the benchmark (real data: --data-dir).");
  }

  /** Columns the text takes in a terminal: Hangul and other wide characters take two. */
  public static int width(String text) {
    return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
  }

  public static String padRight(String text, int columns) {
    return text + " ".repeat(Math.max(0, columns - width(text)));
  }

  public static String padLeft(String text, int columns) {
    return " ".repeat(Math.max(0, columns - width(text))) + text;
  }

  private static boolean wide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFF60);
  }

  /**
   * Whether standard output is a terminal a person watches (not a pipe or a file). Java 22 added
   * {@code Console.isTerminal()} because its console no longer means a terminal; Java 21 has no
   * console when redirected.
   */
  public static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
