package kr.gukdae.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.gukdae.UserError;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error shape of the REST API: an RFC 9457 problem ({@code application/problem+json}) with
 * {@code status}, {@code title} (the status phrase) and {@code detail} (the sentence for people),
 * plus {@code error} (a stable code for scripts, e.g. {@code bad_outcome}), {@code message} (the
 * same sentence as {@code detail}) and {@code messageKo}/{@code messageEn} (its Korean and English
 * halves, which pages show by language through {@code gukdaeI18n.problem}). Every handler and
 * filter that refuses a request builds its body here.
 */
public final class Problems {

  /** For the servlet filters, which answer before Spring MVC and its converters. */
  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private Problems() {}

  /** A problem with this status, code and message ({@code "한국어 / English"} where it has both). */
  public static ProblemDetail of(HttpStatusCode status, String code, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    Bilingual text = Bilingual.split(message);
    problem.setProperty("error", code);
    problem.setProperty("message", message);
    problem.setProperty("messageKo", text.ko());
    problem.setProperty("messageEn", text.en());
    return problem;
  }

  /** The problem as a response entity, for exception handlers. */
  public static ResponseEntity<ProblemDetail> response(
      HttpStatusCode status, String code, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(of(status, code, message));
  }

  /** Writes the problem as the whole response, for filters that refuse before any controller. */
  public static void write(
      HttpServletResponse response, HttpStatusCode status, String code, String message)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(of(status, code, message));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The problem as JSON text, for Tomcat's own error valve ({@link ServerErrors}). */
  static String json(HttpStatusCode status, String code, String message) {
    return JSON.writeValueAsString(of(status, code, message));
  }

  /**
   * A message's Korean and English halves. Messages people read are written {@code "[field: ]한국어 /
   * English"}; the field prefix (e.g. {@code "model 'x': "}) belongs to both halves. A message
   * without Korean before its first {@code " / "} is the same in both languages. The rule is {@link
   * UserError#inLanguage} (its page-side twin is {@code gukdaeI18n.message} in {@code
   * static/common/i18n.js}).
   */
  record Bilingual(String ko, String en) {

    static Bilingual split(String text) {
      return new Bilingual(UserError.inLanguage(text, true), UserError.inLanguage(text, false));
    }
  }
}
