package kr.gukdae.cli;

import java.io.PrintWriter;
import kr.gukdae.UserError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a {@link UserError} (bad file, bad endpoint, bad option) into one clear line on stderr and
 * exit code 2, in the language {@code --lang} chose; anything else is a bug and keeps its stack
 * trace. A command line picocli cannot parse (an unknown option, a missing or mistyped value) is
 * the same kind of mistake: one line in that language (the Korean one from {@link ParseErrors},
 * naming the option), then picocli's suggestions or the usage, exit code 2.
 */
final class FriendlyErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  static final int USER_ERROR_EXIT = 2;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult)
      throws Exception {
    UserError userError = UserError.findIn(ex);
    if (userError == null) {
      throw ex;
    }
    cmd.getErr()
        .println("gukdae " + cmd.getCommandName() + ": " + userError.message(Terminal.korean()));
    cmd.getErr().flush();
    return USER_ERROR_EXIT;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String reason = String.valueOf(ex.getMessage());
    String korean = ParseErrors.korean(ex);
    String command = cmd.getParent() == null ? "gukdae" : "gukdae " + cmd.getCommandName();
    String help = command + " --help";
    UserError error =
        UserError.of(korean + ". '" + help + "'로 옵션을 확인하세요", reason + " (see '" + help + "')");
    err.println(command + ": " + error.message(Terminal.korean()));
    // A near miss is suggested; at the top level the command list follows anyway, since an
    // unknown command is most often a guess at a name the user has not seen yet.
    boolean suggested = UnmatchedArgumentException.printSuggestions(ex, err);
    if (!suggested || cmd.getParent() == null) {
      cmd.usage(err, cmd.getColorScheme());
    }
    err.flush();
    return USER_ERROR_EXIT;
  }
}
