package kr.gukdae.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The key theft, tried over HTTP: a request naming its own {@code baseUrl} made the server
 * send {@code Authorization: Bearer $OPENAI_API_KEY} there. Now eval runs name registered models
 * only, registration is the office's, registered URLs are checked, redirects are not followed and
 * runs are bounded. The capturing endpoint must never hear from the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelKeyTheftTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.home", () -> tempHome());
    registry.add("gukdae.models.allowed-networks", () -> "127.0.0.1/32");
    registry.add("gukdae.eval.max-running-runs", () -> "2");
  }

  private static String tempHome() {
    try {
      return java.nio.file.Files.createTempDirectory("gukdae-home").toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  private static Map<String, Object> run(String model, Object... extra) {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("model", model);
    body.put("tasks", List.of("demo/arith"));
    for (int i = 0; i < extra.length; i += 2) {
      body.put((String) extra[i], extra[i + 1]);
    }
    return body;
  }

  private static Map<String, Object> registration(String name, String url, String keyRef) {
    return Map.of(
        "name", name, "adapter", "openai", "model", "m", "baseUrl", url, "keyRef", keyRef);
  }

  private static String started(TestClient client, Map<String, Object> body) throws Exception {
    var response = client.send("POST", "/api/eval/runs", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(response.body())
        .get("runId")
        .asString();
  }

  @Test
  void requestsCannotAimTheServerKeyAnywhere() throws Exception {
    try (var fakes = new FakeEndpoints()) {
      String stolen = fakes.captureUrl() + "/v1";
      TestClient anonymous = new TestClient(port);
      TestClient reviewer = TestClient.as(port, accounts, "rev-ssrf", Role.REVIEWER);
      TestClient office = TestClient.as(port, accounts, "office-ssrf", Role.OFFICE);

      // the request, anonymous and then as a reviewer who may start runs
      anonymous.refused(
          401,
          "unauthenticated",
          "POST",
          "/api/eval/runs",
          run("openai/gpt-4o", "baseUrl", stolen));
      var withUrl = reviewer.send("POST", "/api/eval/runs", run("demo/lexical", "baseUrl", stolen));
      assertThat(withUrl.statusCode()).isEqualTo(400);
      assertThat(withUrl.body()).contains("baseUrl");
      var unregistered = office.send("POST", "/api/eval/runs", run("openai/gpt-4o"));
      assertThat(unregistered.statusCode()).isEqualTo(400);
      assertThat(unregistered.body()).contains("not registered");
      var flood = office.send("POST", "/api/eval/runs", run("demo/lexical", "concurrency", 100000));
      assertThat(flood.statusCode()).isEqualTo(400);

      // only the office registers, and only URLs that pass the policy
      anonymous.refused(
          401,
          "unauthenticated",
          "POST",
          "/api/models",
          registration("x", stolen, "OPENAI_API_KEY"));
      reviewer.refused(
          403, "forbidden", "POST", "/api/models", registration("x", stolen, "OPENAI_API_KEY"));
      for (String bad :
          List.of(
              "http://169.254.169.254/latest/meta-data",
              "http://10.0.0.5/v1",
              "http://[::1]:8080/v1",
              "file:///etc/passwd",
              "gopher://127.0.0.1:25/",
              "http://user:pw@127.0.0.1:9/v1",
              "http://127.0.0.1:9/v1?x=1")) {
        JsonNode refused =
            office.refused(
                400,
                "bad_input",
                "POST",
                "/api/models",
                registration("bad", bad, "OPENAI_API_KEY"));
        // each language reads alone: the reason in Korean, and no Korean in the English half
        assertThat(refused.path("messageKo").asString())
            .as(bad)
            .startsWith("baseUrl '")
            .contains("허용되지 않는 주소입니다. ")
            .doesNotContain("not allowed");
        assertThat(refused.path("messageEn").asString())
            .as(bad)
            .contains("not allowed: ")
            .doesNotContainPattern("[가-힣]");
      }
      var wrongKey =
          office.send("POST", "/api/models", registration("k", stolen, "GUKDAE_DB_PASSWORD"));
      assertThat(wrongKey.statusCode()).isEqualTo(400);
      assertThat(wrongKey.body()).contains("keyRef");

      // a registered endpoint that redirects: the key is not carried to the other address
      office.ok(
          "POST", "/api/models", registration("bouncer", fakes.redirectUrl(), "OPENAI_API_KEY"));
      String runId = started(office, run("bouncer", "limit", 1));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String status = "RUNNING";
      while (status.equals("RUNNING") && System.nanoTime() < deadline) {
        Thread.sleep(50);
        var response = anonymous.send("GET", "/api/eval/runs/" + runId, null);
        if (response.statusCode() == 200) { // 404 until the run has opened its model
          status =
              tools.jackson.databind.json.JsonMapper.builder()
                  .build()
                  .readTree(response.body())
                  .path("run")
                  .path("status")
                  .asString();
        }
      }
      assertThat(status).isEqualTo("FAILED");
      assertThat(fakes.redirected).isNotEmpty();
      assertThat(fakes.captured).isEmpty();

      // at most two runs at once: a third is refused while two are held
      office.ok("POST", "/api/models", registration("slow", fakes.holdUrl(), "OPENAI_API_KEY"));
      started(office, run("slow", "limit", 1));
      started(office, run("slow", "limit", 1));
      office.refused(429, "busy", "POST", "/api/eval/runs", run("demo/lexical"));
      // the list shows endpoints to the office only
      assertThat(office.ok("GET", "/api/models", null).toString()).contains(fakes.holdUrl());
      assertThat(reviewer.ok("GET", "/api/models", null).toString())
          .contains("slow")
          .doesNotContain(fakes.holdUrl());
    }
  }
}
