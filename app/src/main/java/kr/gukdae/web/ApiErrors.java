package kr.gukdae.web;

import kr.gukdae.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Input problems reach API clients as 400 problems ({@link Problems}) with the same one-line
 * message the CLI prints, a missing thing ({@link NotFound}) as a 404 problem; so do the request
 * mistakes Spring itself catches before a controller runs (a missing or malformed parameter, an
 * unreadable body, a wrong method or content type), so that every refusal has one shape.
 */
@RestControllerAdvice
public class ApiErrors {

  @ExceptionHandler(UserError.class)
  ResponseEntity<ProblemDetail> userError(UserError error) {
    return Problems.response(
        HttpStatus.BAD_REQUEST, "bad_input", String.valueOf(error.getMessage()));
  }

  /** More specific than {@link UserError}, so Spring picks it for a missing run, job or report. */
  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound error) {
    return Problems.response(HttpStatus.NOT_FOUND, "not_found", error.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return Problems.response(
        HttpStatus.BAD_REQUEST,
        "bad_input",
        e.getParameterName() + ": 필수 값입니다 / required (" + e.getParameterType() + ")");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    // the rejected value is echoed only as a type: it is the caller's own, but may be long
    return Problems.response(
        HttpStatus.BAD_REQUEST,
        "bad_input",
        e.getName()
            + ": 형식이 맞지 않습니다 / expected "
            + (e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    // a body record that rejects a field in its constructor arrives wrapped by Jackson: unwrap it
    // so the caller still learns which field to fix
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserError user) {
        return userError(user);
      }
    }
    return Problems.response(
        HttpStatus.BAD_REQUEST,
        "bad_json",
        "요청 본문을 읽을 수 없습니다 / request body: expected JSON of the documented shape");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return Problems.response(
        HttpStatus.METHOD_NOT_ALLOWED,
        "bad_method",
        "허용되지 않는 메서드입니다 / method " + e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problems.response(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "bad_content_type",
        "지원하지 않는 본문 형식입니다 / send the body as application/json");
  }
}
