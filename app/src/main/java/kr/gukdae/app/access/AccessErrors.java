package kr.gukdae.app.access;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals at the trust boundary, from any controller: {@code {"error": code, "message": …}}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessErrors {

  @ExceptionHandler(AccessDenied.class)
  ResponseEntity<Map<String, String>> denied(AccessDenied e) {
    return ResponseEntity.status(e.status())
        .body(Map.of("error", e.code(), "message", e.getMessage()));
  }
}
