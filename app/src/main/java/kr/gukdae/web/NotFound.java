package kr.gukdae.web;

import kr.gukdae.UserError;

/**
 * A request for something that does not exist (a run, a job, a report): answered as a 404 problem
 * ({@link Problems}, code {@code not_found}) by {@link ApiErrors}, never as an empty 404, so a
 * client reads which id was missing in its language. A {@link UserError}, so the CLI prints it as
 * one line.
 */
public final class NotFound extends UserError {

  private NotFound(String message) {
    super(message);
  }

  /** Not found, said in both languages (joined as {@link UserError#both}). */
  public static NotFound of(String korean, String english) {
    return new NotFound(UserError.both(korean, english));
  }
}
