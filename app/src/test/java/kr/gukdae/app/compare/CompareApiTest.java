package kr.gukdae.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finished run compared over the REST API and on the run page in a real Chromium (real HTTP
 * server, embedded database, real demo run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompareApiTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    var home = Files.createTempDirectory("gukdae-home");
    registry.add("gukdae.home", home::toString);
  }

  @LocalServerPort int port;

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired Accounts accounts;
  private @Nullable TestClient office;

  /** Starting runs is for the office (and reviewers); reading them is public. */
  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    if (office == null) {
      office =
          TestClient.as(
              port,
              accounts,
              "office-" + UUID.randomUUID().toString().substring(0, 8),
              Role.OFFICE);
    }
    return office.send(method, path, body);
  }

  private String finishedRun() throws Exception {
    var started =
        send(
            "POST",
            "/api/eval/runs",
            "{\"model\":\"demo/lexical\",\"tasks\":[\"demo/arith\",\"demo/ko_knowledge\"]}");
    assertThat(started.statusCode()).isEqualTo(202);
    String runId = json.readTree(started.body()).path("runId").asString();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = json.readTree(send("GET", "/api/eval/runs/" + runId, null).body());
      if (run.path("run").path("status").asString().equals("DONE")) {
        return runId;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + runId + " did not finish");
  }

  @Test
  void aFinishedRunAgainstTheDemoMovingTarget() throws Exception {
    String runId = finishedRun();
    var response =
        send(
            "GET",
            "/api/eval/runs/" + runId + "/compare?references=demo&bestWithin=6&asOf=2026-01-15",
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode root = json.readTree(response.body());
    assertThat(root.path("demo").asBoolean()).isTrue();
    JsonNode arith = null;
    for (JsonNode t : root.path("tasks")) {
      if (t.path("task").asString().equals("demo/arith")) {
        arith = t;
      }
    }
    assertThat(arith).isNotNull();
    // The lexical demo model gets 8 of 10 arithmetic items: 80% against demo-frontier-b's 82%.
    assertThat(arith.path("metric").asString()).isEqualTo("exact_match,boxed");
    assertThat(arith.path("score").asDouble()).isCloseTo(80.0, within(1e-9));
    assertThat(arith.path("reference").path("model").asString()).isEqualTo("demo-frontier-b");
    assertThat(arith.path("ratio").asDouble()).isCloseTo(80 / 82.0, within(1e-12));
    assertThat(arith.path("meetsGoal").asBoolean()).isTrue();

    var unknown = send("GET", "/api/eval/runs/" + runId + "/compare?target=frontier-b", null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).path("messageEn").asString())
        .contains("--target frontier-b: no such model");
    var file =
        send("GET", "/api/eval/runs/" + runId + "/compare?references=/etc/hosts&target=x", null);
    assertThat(file.statusCode()).isEqualTo(400);
    assertThat(file.body()).contains("the web API offers published or demo");
    assertThat(
            kr.gukdae.web.TestClient.problem(
                    send("GET", "/api/eval/runs/nope/compare?target=x", null), 404, "not_found")
                .path("messageEn")
                .asString())
        .isEqualTo("run nope: no such run");
    JsonNode models = json.readTree(send("GET", "/api/compare/references?table=demo", null).body());
    assertThat(models.path("models").toString()).contains("demo-frontier-a", "demo-frontier-c");
  }

  @Test
  void theRunPageShowsTheAchievement() throws Exception {
    String configured = System.getenv("GUKDAE_CHROMIUM");
    Path chromium =
        Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
      assumeTrue(Files.isExecutable(chromium), "browser tests need Chromium (GUKDAE_CHROMIUM)");
    }
    String runId = finishedRun();
    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox")))) {
      Page page = browser.newPage();
      page.navigate("http://127.0.0.1:" + port + "/eval/?lang=en");
      page.locator("#runs a", new Page.LocatorOptions().setHasText(runId)).first().click();
      page.selectOption("#compare [name=references]", "demo");
      page.fill("#compare [name=bestWithin]", "6");
      page.fill("#compare [name=asOf]", "2026-01-15");
      page.click("#compare button[type=submit]");
      page.waitForSelector("#compared tbody tr");
      String arith =
          page.locator("#compared tbody tr", new Page.LocatorOptions().setHasText("demo/arith"))
              .first()
              .innerText();
      assertThat(arith).contains("exact_match,boxed", "80.00", "demo-frontier-b", "0.976", "✓");
      assertThat(page.locator("#compared").innerText()).contains("no reference");

      page.fill("#compare [name=bestWithin]", "");
      page.fill("#compare [name=target]", "nobody");
      page.click("#compare button[type=submit]");
      page.waitForSelector("#compare-error:has-text('no such model')");
      assertThat(page.locator("#compared tbody tr").count()).isZero();
    }
  }
}
