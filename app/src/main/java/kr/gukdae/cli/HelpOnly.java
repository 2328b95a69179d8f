package kr.gukdae.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} alone, for a command that has a {@code --version} option of its own (a
 * dataset's version), so picocli's standard options cannot be mixed in whole. The description's key
 * is the standard one, so the Korean help bundle words it as it does every other command's.
 */
public final class HelpOnly {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      descriptionKey = "mixinStandardHelpOptions.help",
      description = "Show this help message and exit.")
  @SuppressWarnings("unused") // read by picocli
  private boolean help;
}
