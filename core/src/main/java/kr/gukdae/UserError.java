package kr.gukdae;

import org.jspecify.annotations.Nullable;

/**
 * An error caused by what the user gave us (a file, a column, an endpoint, an option), not by a
 * bug. The message names the place (file, line, field or URL) and says what to do; the CLI prints
 * it as one line without a stack trace.
 */
public class UserError extends RuntimeException {

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Never null: both constructors require the message a user reads. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? getClass().getSimpleName() : message;
  }

  /** The first {@code UserError} in a cause chain, or null. */
  public static @Nullable UserError findIn(@Nullable Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UserError userError) {
        return userError;
      }
    }
    return null;
  }
}
