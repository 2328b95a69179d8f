package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a TLS-terminating proxy that the operator declared ({@code
 * server.forward-headers-strategy=native}; loopback is a trusted proxy address), the proxy's {@code
 * X-Forwarded-Proto: https} makes the session cookie Secure, on the vote path too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieProxyTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> "scripted/alpha,scripted/beta");
    registry.add("server.forward-headers-strategy", () -> "native");
  }

  String setCookie(String method, String path, String proto) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(
                    method.equals("GET") ? "" : "{\"outcome\":\"A\"}"));
    if (proto != null) {
      request.header("X-Forwarded-Proto", proto);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
        .headers()
        .firstValue("set-cookie")
        .orElseThrow();
  }

  @Test
  void forwardedHttpsMakesTheCookieSecure() throws Exception {
    assertThat(setCookie("GET", "/api/arena/session", "https"))
        .contains("; Secure", "; HttpOnly", "; SameSite=Lax");
    assertThat(setCookie("POST", "/api/arena/battles/nope/vote", "https"))
        .contains("; Secure", "; HttpOnly", "; SameSite=Lax");
    assertThat(setCookie("GET", "/api/arena/session", "http"))
        .contains("; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Secure");
    assertThat(setCookie("GET", "/api/arena/session", null)).doesNotContain("Secure");
  }
}
