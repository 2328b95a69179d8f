package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The vote endpoint and the session cookie over plain HTTP on a real server: the cookie is HttpOnly
 * and SameSite=Lax and not Secure (a forged X-Forwarded-Proto is ignored unless configured), and
 * malformed vote requests are refused with a code and write nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VoteHttpTest {

  static final List<String> MODELS = List.of("scripted/alpha", "scripted/beta");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired Arena arena;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> String.join(",", MODELS));
  }

  HttpResponse<String> send(
      String method, String path, String cookie, String type, String body, String... headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", Sessions.COOKIE + "=" + cookie);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String setCookie(HttpResponse<?> response) {
    return response.headers().firstValue("set-cookie").orElseThrow();
  }

  static String token(HttpResponse<?> response) {
    String cookie = setCookie(response);
    return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
  }

  @Test
  void sessionCookieIsHttpOnlyLaxAndNotSecureOverPlainHttp() throws Exception {
    var plain = send("GET", "/api/arena/session", null, null, null);
    assertThat(setCookie(plain))
        .startsWith(Sessions.COOKIE + "=")
        .contains("; HttpOnly", "; SameSite=Lax", "; Path=/")
        .doesNotContain("Secure", "Strict");
    // Nobody configured a trusted proxy, so a client's own X-Forwarded-Proto changes nothing.
    var forged = send("GET", "/api/arena/session", null, null, null, "X-Forwarded-Proto", "https");
    assertThat(setCookie(forged)).contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");

    var logout = send("POST", "/api/arena/logout", token(plain), null, null);
    assertThat(setCookie(logout))
        .startsWith(Sessions.COOKIE + "=;")
        .contains("Max-Age=0", "; HttpOnly", "; SameSite=Lax");
  }

  @Test
  void voteRequestsAreParsedStrictlyAndRefusalsWriteNothing() throws Exception {
    String token = token(send("GET", "/api/arena/session", null, null, null));
    Voter me = arena.sessions().resolve(token);
    String id = arena.battles().start(me, "서울의 인구는?", null).battleId();
    ArenaFixture.awaitAnswers(arena, id);
    String path = "/api/arena/battles/" + id + "/vote";
    String json = "application/json";

    record Refusal(int status, String code, String type, String body) {}
    var refusals =
        List.of(
            new Refusal(415, "bad_content_type", "text/plain", "{\"outcome\":\"A\"}"),
            new Refusal(415, "bad_content_type", null, "{\"outcome\":\"A\"}"),
            new Refusal(400, "bad_json", json, "{\"outcome\":"),
            new Refusal(400, "bad_json", json, "[\"A\"]"),
            new Refusal(400, "bad_json", json, ""),
            new Refusal(
                400, "bad_json", json, "{\"outcome\":\"A\",\"x\":\"" + "y".repeat(5000) + "\"}"),
            new Refusal(400, "bad_outcome", json, "{\"outcome\":\"C\"}"),
            new Refusal(400, "bad_outcome", json, "{\"outcome\":1}"),
            new Refusal(400, "bad_outcome", json, "{}"));
    for (Refusal r : refusals) {
      var response = send("POST", path, token, r.type(), r.body());
      assertThat(response.statusCode()).as(r.toString()).isEqualTo(r.status());
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.get("error").asString()).as(r.toString()).isEqualTo(r.code());
      assertThat(error.get("message").asString()).isNotBlank();
    }
    // Another visitor (no cookie) gets a fresh session and a refusal, not this battle.
    var stranger = send("POST", path, null, json, "{\"outcome\":\"A\"}");
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(setCookie(stranger)).contains("; HttpOnly", "; SameSite=Lax");
    assertThat(
            send("POST", "/api/arena/battles/nope/vote", token, json, "{\"outcome\":\"A\"}").body())
        .contains("unknown_battle");
    assertThat(arena.votes().reveal(id)).isNull();

    var accepted =
        send("POST", path, token, "application/json; charset=UTF-8", "{ \"outcome\" : \"B\" }");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("content-type").orElse("")).startsWith(json);
    JsonNode reveal = JSON.readTree(accepted.body());
    assertThat(List.copyOf(reveal.propertyNames()))
        .containsExactly("battleId", "modelA", "modelB", "outcome", "blind", "leak", "weight");
    assertThat(reveal.get("battleId").asString()).isEqualTo(id);
    assertThat(List.of(reveal.get("modelA").asString(), reveal.get("modelB").asString()))
        .containsExactlyInAnyOrderElementsOf(MODELS);
    assertThat(arena.votes().reveal(id).outcome()).isEqualTo(kr.gukdae.arena.Outcome.MODEL_B);
    var again = send("POST", path, token, json, "{\"outcome\":\"A\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already_voted");
  }
}
