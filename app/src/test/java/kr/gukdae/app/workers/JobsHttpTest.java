package kr.gukdae.app.workers;

import static kr.gukdae.web.TestClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.Chromium;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jobs REST API and page over a real server (the configuration {@code RouteAccessTest} uses):
 * who may submit and read; a path outside the allowed roots is one clear 400 and queues nothing;
 * the office submits a quality scan, a reviewer follows it while workers run it, the result equals
 * the single-process scan, and the page shows the progress in Chromium in Korean and English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobsHttpTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired DataSource dataSource;

  @Value("${gukdae.home}")
  Path home;

  private Path folder;

  @AfterEach
  void removeFolder() throws Exception {
    if (folder != null) {
      FileSystemUtils.deleteRecursively(folder);
    }
  }

  @Test
  void theOfficeSubmitsAScanAReviewerFollowsItAndThePageShowsIt() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    folder = Files.createDirectories(home.resolve("jobs-http-test-" + tag));
    Path file = JobsTest.writeRows(folder.resolve("ko-web.jsonl"), 300);
    var body = Map.of("file", file.toString(), "rowsPerShard", 100);

    // who may: nobody anonymous, no team, no reviewer for originality/quality submissions
    TestClient anonymous = new TestClient(port);
    anonymous.refused(401, "unauthenticated", "POST", "/api/jobs/quality", body);
    anonymous.refused(401, "unauthenticated", "GET", "/api/jobs", null);
    TestClient team = TestClient.as(port, accounts, "jobs-team-" + tag, Role.TEAM);
    team.refused(403, "forbidden", "POST", "/api/jobs/quality", body);
    team.refused(403, "forbidden", "GET", "/api/jobs", null);
    TestClient reviewer = TestClient.as(port, accounts, "jobs-reviewer-" + tag, Role.REVIEWER);
    reviewer.refused(403, "forbidden", "POST", "/api/jobs/quality", body);
    reviewer.refused(
        403,
        "forbidden",
        "POST",
        "/api/jobs/originality",
        Map.of("candidate", file.toString(), "references", List.of()));
    TestClient office = TestClient.as(port, accounts, "jobs-office-" + tag, Role.OFFICE);

    // a file outside the roots, or reached through "..", is refused before anything is queued
    int before = office.ok("GET", "/api/jobs", null).size();
    for (String path : List.of("/etc/hostname", folder + "/../../../../etc/hostname")) {
      JsonNode refused =
          office.refused(400, "bad_input", "POST", "/api/jobs/quality", Map.of("file", path));
      assertThat(refused.path("messageEn").asString()).startsWith("file: ");
      assertThat(refused.path("messageKo").asString())
          .startsWith("file: ")
          .contains("경로")
          .doesNotContain("outside")
          .doesNotContain("does not exist");
      assertThat(refused.path("messageEn").asString())
          .contains("'" + path + "'")
          .doesNotContainPattern("[가-힣]");
    }
    assertThat(office.ok("GET", "/api/jobs", null).size()).isEqualTo(before);
    // a lineage count recorded as evidence takes the programme's rules (a window at most)
    JsonNode rulesOff =
        office.refused(
            400,
            "bad_input",
            "POST",
            "/api/jobs/lineage",
            Map.of("root", "team/Root", "record", true, "rules", Map.of("excludeTeam", false)));
    assertThat(rulesOff.path("messageEn").asString())
        .contains("evidence is counted under the programme's rules only");
    assertThat(office.ok("GET", "/api/jobs", null).size()).isEqualTo(before);
    // a job recorded as a round must name a registered version, and dataset and version together
    JsonNode unregistered =
        office.refused(
            400,
            "bad_input",
            "POST",
            "/api/jobs/quality",
            Map.of("file", file.toString(), "dataset", "no-such-data", "version", "v1"));
    assertThat(unregistered.path("messageEn").asString())
        .contains("dataset no-such-data has no version 'v1'");
    JsonNode half =
        office.refused(
            400,
            "bad_input",
            "POST",
            "/api/jobs/quality",
            Map.of("file", file.toString(), "dataset", "no-such-data"));
    assertThat(half.path("messageEn").asString()).startsWith("give dataset and version together");
    assertThat(office.ok("GET", "/api/jobs", null).size()).isEqualTo(before);

    var submitted = office.send("POST", "/api/jobs/quality", body);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonNode answer = JSON.readTree(submitted.body());
    String id = answer.path("id").asString();
    assertThat(answer.path("shards").asInt()).isEqualTo(3);
    assertThat(answer.path("page").asString()).isEqualTo("/jobs/?id=" + id);
    JsonNode queued = reviewer.ok("GET", "/api/jobs/" + id, null);
    assertThat(queued.path("status").asString()).isEqualTo("RUNNING");
    assertThat(queued.path("shardsDone").asInt()).isZero();
    assertThat(
            reviewer
                .refused(404, "not_found", "GET", "/api/jobs/" + id + "/result", null)
                .path("messageEn")
                .asString())
        .as("no result before the job is done")
        .contains("no result yet");
    reviewer.refused(404, "not_found", "GET", "/api/jobs/no-such-job", null);

    // two workers of this process run it
    var queue = new JobQueue(dataSource);
    var config =
        new Worker.Config("http-w", 1, null, Duration.ofMinutes(5), Duration.ofMillis(10), home);
    JobRunner runner = new JobRunner(queue, config, () -> false);
    while (runner.runNext()) {
      // until the queue is empty
    }
    JsonNode done = reviewer.ok("GET", "/api/jobs/" + id, null);
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("shardsDone").asInt()).isEqualTo(3);
    QualityReport single =
        QualityCheck.run("ko-web.jsonl", "-", 1, Datasets.read(file), "text", Thresholds.DEFAULT);
    var result = reviewer.send("GET", "/api/jobs/" + id + "/result", null);
    assertThat(JSON.readValue(result.body(), QualityReport.class)).isEqualTo(single);

    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext ctx =
            browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      String base = "http://127.0.0.1:" + port;
      var login =
          ctx.request()
              .post(
                  base + "/api/access/login",
                  RequestOptions.create()
                      .setHeader("Origin", base)
                      .setHeader("Content-Type", "application/json")
                      .setData(Map.of("username", "jobs-reviewer-" + tag, "password", PASSWORD)));
      assertThat(login.status()).isEqualTo(200);
      Page page = ctx.newPage();
      page.navigate(base + "/jobs/?lang=ko&id=" + id);
      page.waitForFunction("() => document.getElementById('job-shards').textContent !== ''");
      assertThat(page.textContent("#job-shards")).isEqualTo("3 / 3");
      assertThat(page.textContent("#job-status")).isEqualTo("완료");
      assertThat(page.textContent("#job-kind")).isEqualTo("데이터 품질 검사");
      assertThat(page.getAttribute("#job-result", "href")).isEqualTo("/api/jobs/" + id + "/result");
      page.click("header .lang");
      // the toggle re-renders asynchronously: wait for the new language before reading
      page.waitForFunction(
          "() => document.getElementById('job-kind').textContent === 'Data quality scan'");
      page.waitForFunction("() => document.getElementById('job-status').textContent === 'done'");
      assertThat(page.textContent("h1")).isEqualTo("Job progress (distributed work)");
      // the eval page links here
      page.navigate(base + "/eval/?lang=en");
      assertThat(page.getAttribute("a[href='/jobs/']", "data-i18n")).isEqualTo("jobsLink");
    }
  }
}
