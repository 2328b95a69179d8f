package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for tests against the app on a local port: its own cookie jar, JSON
 * bodies. A {@code String} body is sent as it is (already JSON, or deliberately not); any other
 * object is written as JSON. Feature tests extend it with their own steps (log in, start a battle).
 */
public class TestClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  public TestClient(int port) {
    this.port = port;
  }

  /** Sends; {@code headers} are extra name, value pairs (e.g. "Origin", "https://evil.example"). */
  public HttpResponse<String> send(
      String method, String path, @Nullable Object body, String... headers) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    var request =
        builder
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The password {@link #as} gives every account it creates. */
  public static final String PASSWORD = "test-password-123";

  /**
   * A new client signed in as a new account with these roles (a TEAM account belongs to team {@code
   * team-a}); the account is created directly through {@link Accounts}, the sign-in goes over HTTP
   * like a browser's.
   */
  public static TestClient as(int port, Accounts accounts, String username, Role... roles)
      throws Exception {
    Set<Role> set = roles.length == 0 ? Set.of(Role.VOTER) : Set.of(roles);
    accounts.create(username, PASSWORD, set, set.contains(Role.TEAM) ? "team-a" : null);
    TestClient client = new TestClient(port);
    client.signIn(username, PASSWORD);
    return client;
  }

  /** Signs in through {@code POST /api/access/login}; the reply's JSON. */
  public JsonNode signIn(String username, String password) throws Exception {
    return ok(
        "POST", "/api/access/login", java.util.Map.of("username", username, "password", password));
  }

  /** Sends and expects 200; the reply's JSON. */
  public JsonNode ok(String method, String path, @Nullable Object body) throws Exception {
    var response = send(method, path, body);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /**
   * Sends and expects a refusal with this status and error code, in the API's one error shape (an
   * RFC 9457 problem, see {@link Problems}); the reply's JSON.
   */
  public JsonNode refused(
      int status, String code, String method, String path, @Nullable Object body) throws Exception {
    var response = send(method, path, body);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
    return problem(response, status, code);
  }

  /** Checks that a reply is a problem of this status and code; its JSON. */
  public static JsonNode problem(HttpResponse<String> response, int status, String code) {
    String where = response.uri() + " " + response.body();
    assertThat(response.statusCode()).as(where).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(where)
        .startsWith("application/problem+json");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("status").asInt()).as(where).isEqualTo(status);
    assertThat(error.path("title").asString()).as(where).isNotBlank();
    assertThat(error.path("error").asString()).as(where).isEqualTo(code);
    assertThat(error.path("detail").asString()).as(where).isNotBlank();
    assertThat(error.path("message").asString())
        .as(where)
        .isEqualTo(error.path("detail").asString());
    assertThat(error.path("messageKo").asString()).as(where).isNotBlank();
    assertThat(error.path("messageEn").asString()).as(where).isNotBlank();
    return error;
  }
}
