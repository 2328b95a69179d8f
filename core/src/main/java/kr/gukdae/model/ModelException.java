package kr.gukdae.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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

  /**
   * The result of a request sent on another thread (continuations are scored in parallel), its
   * failure rethrown as it was; an interrupt while waiting is worth another try.
   */
  public static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ModelException(
          Kind.FATAL,
          -1,
          UserError.both("요청이 예상하지 못한 오류로 끝났습니다", "the request ended with an unexpected error"),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(
          Kind.RETRYABLE,
          UserError.both("이어지는 답의 점수를 매기는 중에 중단되었습니다", "interrupted while scoring continuations"));
    }
  }
}
