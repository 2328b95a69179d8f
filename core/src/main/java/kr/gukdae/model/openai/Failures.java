package kr.gukdae.model.openai;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The messages users see when an endpoint refuses or garbles a request: each says what to do. */
final class Failures {

  private static final int SERVER_TEXT_CHARS = 300;

  private Failures() {}

  static HttpFailure fromStatus(Endpoint endpoint, URI uri, int status, byte[] body) {
    String said = endpoint.scrub(serverMessage(body), SERVER_TEXT_CHARS);
    String tail = said.isEmpty() ? "" : " (server said: " + said + ")";
    String head = status + " from " + uri + ": ";
    if (status == 429 || status == 408 || status == 409 || status >= 500) {
      return new HttpFailure(Kind.RETRYABLE, status, head + "will retry" + tail, said);
    }
    String advice =
        switch (status) {
          case 401, 403 -> endpoint.keyAdvice();
          case 404 ->
              "the server knows no model '"
                  + endpoint.scrub(endpoint.model(), 200)
                  + "' or no such path; check --model and --base-url";
          case 413 -> "the request is too large for this server; shorten the prompt";
          default -> "the server rejected the request; check the model's settings";
        };
    return new HttpFailure(Kind.FATAL, status, head + advice + tail, said);
  }

  static ModelException malformed(URI uri, String what) {
    return new ModelException(
        Kind.FATAL,
        -1,
        UserError.both(
            uri + "의 응답 형식이 잘못되었습니다 (" + what + "). --base-url이 OpenAI 호환 엔드포인트인지 확인하세요",
            "malformed response from "
                + uri
                + ": "
                + what
                + "; is --base-url an OpenAI-compatible endpoint?"),
        null);
  }

  static ModelException tooLarge(URI uri) {
    return new ModelException(
        Kind.FATAL,
        -1,
        UserError.both(
            uri
                + "의 응답이 "
                + Transport.MAX_RESPONSE_BYTES / (1024 * 1024)
                + " MB보다 큽니다. max_tokens를 줄이거나 서버를 확인하세요",
            "response from "
                + uri
                + " is larger than "
                + Transport.MAX_RESPONSE_BYTES / (1024 * 1024)
                + " MB; lower max_tokens or check the server"),
        null);
  }

  /** The error text inside an OpenAI-style error body, else the body itself. */
  private static String serverMessage(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8);
    try {
      JsonNode root = Wire.JSON.readTree(text);
      JsonNode error = root.path("error");
      if (error.isString()) {
        return error.asString();
      }
      if (error.path("message").isString()) {
        return error.path("message").asString();
      }
      if (root.path("message").isString()) {
        return root.path("message").asString();
      }
      if (root.path("detail").isString()) {
        return root.path("detail").asString();
      }
    } catch (JacksonException e) {
      // not JSON: the raw text is the best explanation there is
    }
    return text;
  }
}
