package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web boundary over real HTTP: cross-site state changes refused even with the victim's cookie,
 * security headers on pages and API replies, and oversized bodies refused before parsing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoundaryHttpTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  @Test
  void crossSiteFormsCannotActWithTheOfficesCookie() throws Exception {
    TestClient office = TestClient.as(port, accounts, "office-csrf", Role.OFFICE);
    accounts.register("victim.voter", TestClient.PASSWORD, "10.9.9.9");
    String verify = "/api/arena/admin/accounts/victim.voter/verify";
    // the body-less admin POST, as a form on another site would send it
    var forged = office.send("POST", verify, null, "Origin", "https://evil.example");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("cross_site");
    var sibling = office.send("POST", verify, null, "Sec-Fetch-Site", "same-site");
    assertThat(sibling.statusCode()).isEqualTo(403);
    var sandboxed = office.send("POST", "/api/stage/demo", null, "Origin", "null");
    assertThat(sandboxed.statusCode()).isEqualTo(403);
    assertThat(accounts.unverified())
        .extracting(Accounts.Unverified::username)
        .contains("victim.voter");
    // the office's own page (same origin) goes through
    var own =
        office.send(
            "POST",
            verify,
            null,
            "Origin",
            "http://127.0.0.1:" + port,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(accounts.unverified())
        .extracting(Accounts.Unverified::username)
        .doesNotContain("victim.voter");
  }

  @Test
  void pagesAndRepliesCarryTheSecurityHeaders() throws Exception {
    TestClient client = new TestClient(port);
    for (String path : new String[] {"/", "/arena/", "/api/arena/leaderboard", "/api/nothing"}) {
      var headers = client.send("GET", path, null).headers();
      assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
          .as(path)
          .contains("script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    }
  }

  @Test
  void aThirtyMegabyteBodyIsRefusedUnread() throws Exception {
    byte[] big = new byte[30 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '[');
    HttpClient http = HttpClient.newHttpClient();
    for (String path : Set.of("/api/arena/battles", "/api/arena/battles/x/vote", "/api/models")) {
      var declared =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(declared.statusCode()).as(path).isEqualTo(413);
      assertThat(declared.body()).contains("too_large");
    }
    // no declared length (chunked): cut off as it streams, never parsed whole
    int status;
    try {
      status =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/arena/battles"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofInputStream(
                              () -> (InputStream) new java.io.ByteArrayInputStream(big)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode();
    } catch (java.io.IOException closedMidway) {
      status = 413; // the server may close the connection while the client is still sending
    }
    assertThat(status).isIn(400, 413);
    assertThat(new TestClient(port).ok("GET", "/api/arena/scenarios", null)).isNotNull();
  }
}
