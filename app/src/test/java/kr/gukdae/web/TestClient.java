package kr.gukdae.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for tests against the app on a local port: its own cookie jar, JSON
 * bodies. A {@code String} body is sent as it is (already JSON, or deliberately not); any other
 * object is written as JSON.
 */
public final class TestClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  public TestClient(int port) {
    this.port = port;
  }

  public HttpResponse<String> send(String method, String path, @Nullable Object body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
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
}
