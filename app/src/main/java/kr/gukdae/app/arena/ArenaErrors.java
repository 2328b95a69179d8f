package kr.gukdae.app.arena;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as {@code {"error": code, "message": ...}} with their status; only for the arena. */
@RestControllerAdvice(basePackageClasses = ArenaErrors.class)
class ArenaErrors {

  @ExceptionHandler(ArenaException.class)
  ResponseEntity<Map<String, String>> refused(ArenaException e) {
    return ResponseEntity.status(e.status()).body(Map.of("error", e.code(), "message", e.text()));
  }

  /**
   * A form record that rejects a field in its constructor arrives wrapped by Jackson; unwrap it so
   * the caller still learns which field to fix.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ArenaException arena) {
        return refused(arena);
      }
    }
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("error", "bad_json", "message", "request body: expected a JSON object"));
  }
}
