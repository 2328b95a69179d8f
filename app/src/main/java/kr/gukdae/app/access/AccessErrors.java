package kr.gukdae.app.access;

import kr.gukdae.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals at the trust boundary, from any controller, as problems ({@link Problems}). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessErrors {

  @ExceptionHandler(AccessDenied.class)
  ResponseEntity<ProblemDetail> denied(AccessDenied e) {
    return Problems.response(e.status(), e.code(), String.valueOf(e.getMessage()));
  }
}
