package kr.gukdae.web;

import java.util.Map;
import kr.gukdae.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Input problems reach API clients as 400 with the same one-line message the CLI prints. */
@RestControllerAdvice
public class UserErrorAdvice {

  @ExceptionHandler(UserError.class)
  ResponseEntity<Map<String, String>> userError(UserError error) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", error.getMessage()));
  }
}
