package kr.gukdae.app.arena;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A refused arena request: an HTTP status, a stable machine code and a sentence for people. */
final class ArenaException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  /**
   * {@code message} is typed nullable because callers pass on another exception's {@code
   * getMessage()}; without one, the code stands in so the refusal still says something.
   */
  ArenaException(HttpStatus status, String code, @Nullable String message) {
    super(message == null ? code : message);
    this.status = status;
    this.code = code;
  }

  HttpStatus status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The sentence for people; never null (see the constructor). */
  String text() {
    return String.valueOf(getMessage());
  }

  static ArenaException badRequest(String field, String message) {
    return new ArenaException(HttpStatus.BAD_REQUEST, "bad_" + field, message);
  }

  static ArenaException forbidden(String message) {
    return new ArenaException(HttpStatus.FORBIDDEN, "forbidden", message);
  }

  static ArenaException notFound(String message) {
    return new ArenaException(HttpStatus.NOT_FOUND, "not_found", message);
  }
}
