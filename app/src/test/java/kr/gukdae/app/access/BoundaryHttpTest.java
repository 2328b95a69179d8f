package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import kr.gukdae.web.SharedHttpContext;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web boundary over real HTTP: cross-site state changes refused even with the victim's cookie,
 * security headers on pages and API replies, and oversized bodies refused before parsing.
 */
class BoundaryHttpTest extends SharedHttpContext {

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

  /**
   * Refusals from a filter, from the access check, from the arena, from a UserError and from Spring
   * itself (a missing or malformed parameter) all arrive as one shape: an RFC 9457 problem with a
   * stable code and the message in both languages.
   */
  @Test
  void everyKindOfRefusalIsOneProblemShape() throws Exception {
    TestClient anonymous = new TestClient(port);
    TestClient office = TestClient.as(port, accounts, "office-problems", Role.OFFICE);
    String votes = "/api/arena/admin/votes";
    var crossSite =
        TestClient.problem(
            office.send("POST", "/api/stage/demo", null, "Origin", "https://evil.example"),
            403,
            "cross_site");
    assertThat(crossSite.path("messageKo").asString()).isEqualTo("다른 사이트에서 보낸 요청은 거부됩니다");
    assertThat(crossSite.path("messageEn").asString())
        .isEqualTo("refused: a state change sent from another site");
    TestClient.problem(
        anonymous.send("GET", "/api/arena/admin/integrity", null), 401, "unauthenticated");
    TestClient.problem(
        anonymous.send("POST", "/api/arena/battles/x/vote", "not json"), 400, "bad_json");
    TestClient.problem(
        anonymous.send("GET", "/api/arena/leaderboard?bootstrap=99999", null),
        400,
        "bad_bootstrap");
    var userError =
        TestClient.problem(
            office.send(
                "GET",
                votes + "?voters=NOBODY&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
                null),
            400,
            "bad_input");
    assertThat(userError.path("messageEn").asString())
        .isEqualTo("voters: PUBLIC, VERIFIED or EXPERT");
    var missing =
        TestClient.problem(office.send("GET", votes + "?voters=PUBLIC", null), 400, "bad_input");
    assertThat(missing.path("messageEn").asString()).startsWith("from: required");
    assertThat(missing.path("messageKo").asString()).startsWith("from: 필수");
    TestClient.problem(
        anonymous.send("GET", "/api/arena/leaderboard?minBattles=many", null), 400, "bad_input");
    TestClient.problem(
        anonymous.send("POST", "/api/arena/battles", "{\"prompt\":"), 400, "bad_json");
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
