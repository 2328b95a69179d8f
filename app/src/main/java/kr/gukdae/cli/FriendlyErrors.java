package kr.gukdae.cli;

import kr.gukdae.UserError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link UserError} (bad file, bad endpoint, bad option) into one clear line on stderr and
 * exit code 2, in the language {@code --lang} chose; anything else is a bug and keeps its stack
 * trace.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

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
}
