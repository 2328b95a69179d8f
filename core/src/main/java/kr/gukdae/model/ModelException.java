package kr.gukdae.model;

import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * A model call that failed. {@link Kind#RETRYABLE} failures (HTTP 429, 5xx, time-outs, dropped
 * connections) are retried with back-off; the others are not, and their message says what to fix.
 */
public class ModelException extends UserError {

  public enum Kind {
    /** Worth another try after a pause: rate limits, server errors, time-outs. */
    RETRYABLE,
    /** Retrying cannot help: wrong key, unknown model, malformed request or response. */
    FATAL,
    /** The endpoint cannot do what the task needs (e.g. no prompt log-probabilities). */
    UNSUPPORTED
  }

  private final Kind kind;
  private final int httpStatus;

  public ModelException(Kind kind, String message) {
    this(kind, -1, message, null);
  }

  public ModelException(Kind kind, int httpStatus, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status that caused this, or -1. */
  public int httpStatus() {
    return httpStatus;
  }

  public boolean isRateLimit() {
    return httpStatus == 429;
  }
}
