package kr.gukdae.app.arena;

import kr.gukdae.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Arena refusals as problems ({@link Problems}) with their status and code; only for the arena. */
@RestControllerAdvice(basePackageClasses = ArenaErrors.class)
class ArenaErrors {

  @ExceptionHandler(ArenaException.class)
  ResponseEntity<ProblemDetail> refused(ArenaException e) {
    return Problems.response(e.status(), e.code(), e.text());
  }

  /**
   * A form record that rejects a field in its constructor arrives wrapped by Jackson; unwrap it so
   * the caller still learns which field to fix.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ArenaException arena) {
        return refused(arena);
      }
    }
    return Problems.response(
        HttpStatus.BAD_REQUEST, "bad_json", "request body: JSON 객체여야 합니다 / expected a JSON object");
  }
}
