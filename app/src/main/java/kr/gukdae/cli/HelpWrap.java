package kr.gukdae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help wrapped at spaces only. picocli breaks lines where {@link java.text.BreakIterator} allows,
 * which is between any two Hangul syllables and inside addresses and abbreviations ({@code
 * http://127.0.0.1:} | {@code 8000/v1}, {@code e.} | {@code g.}): a Korean word split in two reads
 * as two words. The description, parameter, option and command sections are rendered unwrapped and
 * wrapped here at the terminal's width, each line's continuation under the column its text starts
 * in.
 */
final class HelpWrap {

  private HelpWrap() {}

  private static final String WIDTH_PROPERTY = "picocli.usage.width";

  /** Wide enough that picocli wraps nothing of a section. */
  private static final int UNWRAPPED = 1000;

  private static final List<String> SECTIONS =
      List.of(
          UsageMessageSpec.SECTION_KEY_DESCRIPTION,
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST);

  /** Where a column's text starts on a line: after the line's first run of two spaces or more. */
  private static final Pattern COLUMN = Pattern.compile("^(\\s*\\S.*?\\s{2,})(?=\\S)");

  /** Installs the wrapping on {@code command} and every subcommand under it. */
  static void install(CommandLine command) {
    Map<String, IHelpSectionRenderer> sections = command.getHelpSectionMap();
    for (String key : SECTIONS) {
      IHelpSectionRenderer picocli = sections.get(key);
      if (picocli != null) {
        sections.put(key, help -> wrapped(picocli, help));
      }
    }
    command.setHelpSectionMap(sections);
    command.getSubcommands().values().stream().distinct().forEach(HelpWrap::install);
  }

  private static String wrapped(IHelpSectionRenderer picocli, Help help) {
    UsageMessageSpec usage = help.commandSpec().usageMessage();
    int width = usage.width();
    // picocli reads the width from its system property first when one is set (a test sets it)
    String property = System.getProperty(WIDTH_PROPERTY);
    String text;
    usage.width(UNWRAPPED);
    if (property != null) {
      System.setProperty(WIDTH_PROPERTY, String.valueOf(UNWRAPPED));
    }
    try {
      text = picocli.render(help);
    } finally {
      usage.width(width);
      if (property != null) {
        System.setProperty(WIDTH_PROPERTY, property);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(String.join("\n", wrap(line, width))).append('\n');
    }
    // split keeps what follows the last new line: drop the one added after it
    return out.substring(0, out.length() - 1);
  }

  /** One unwrapped line as lines of at most {@code width} columns, broken at spaces only. */
  static List<String> wrap(String line, int width) {
    if (Terminal.width(line) <= width) {
      return List.of(line);
    }
    Matcher column = COLUMN.matcher(line);
    int indent =
        column.find() && Terminal.width(column.group(1)) < width / 2
            ? Terminal.width(column.group(1))
            : line.length() - line.stripLeading().length();
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(line.substring(0, Math.min(indent, line.length())));
    boolean empty = true;
    for (String word : line.substring(Math.min(indent, line.length())).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && Terminal.width(current.toString()) + 1 + Terminal.width(word) > width) {
        lines.add(current.toString());
        current = new StringBuilder(" ".repeat(indent));
        empty = true;
      }
      current.append(empty ? "" : " ").append(word);
      empty = false;
    }
    lines.add(current.toString());
    return lines;
  }
}
