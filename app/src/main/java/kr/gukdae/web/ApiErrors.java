package kr.gukdae.web;

import kr.gukdae.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

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
    String field = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserError user) {
        return userError(user);
      }
      if (field.isEmpty() && t instanceof JacksonException json) {
        field = path(json);
      }
    }
    // a record that checks its fields in its constructor says why; the field path says where
    String at = field.isEmpty() ? "" : " " + field;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String why = t.getMessage();
      if ((t instanceof IllegalArgumentException || t instanceof NullPointerException)
          && why != null) {
        String ko =
            UserError.hasKorean(why)
                ? UserError.inLanguage(why, true)
                : "값이 올바르지 않습니다 (" + why + ")";
        return Problems.response(
            HttpStatus.BAD_REQUEST,
            "bad_input",
            UserError.both(
                "요청 본문" + at + ": " + ko,
                "request body" + at + ": " + UserError.inLanguage(why, false)));
      }
    }
    if (!field.isEmpty()) {
      return Problems.response(
          HttpStatus.BAD_REQUEST,
          "bad_json",
          UserError.both(
              "요청 본문" + at + ": 값의 형식이 맞지 않습니다. 문서의 형식대로 보내세요",
              "request body" + at + ": wrong type or format; send the documented shape"));
    }
    return Problems.response(
        HttpStatus.BAD_REQUEST,
        "bad_json",
        "요청 본문을 읽을 수 없습니다 / request body: expected JSON of the documented shape");
  }

  /** The JSON path of the value Jackson stopped at, e.g. {@code scores[2].value}; or "". */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.length() > 200 ? path.substring(0, 200) : path.toString();
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

  /**
   * A route that answers only a page (a decision's report is text/html) asked for JSON: otherwise
   * Spring's own English-only 406 body, not a problem.
   */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return Problems.response(
        HttpStatus.NOT_ACCEPTABLE,
        "not_acceptable",
        "이 주소는 "
            + e.getSupportedMediaTypes()
            + " 형식으로만 답합니다. Accept 헤더를 바꾸세요 / this address answers only "
            + e.getSupportedMediaTypes()
            + "; change the Accept header");
  }
}
