package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Sha256;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.call.Application;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In a real Chromium: an applicant submits with files hashed in the browser; a reviewer scores. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OfficeHttpTest.Config.class)
class OfficeBrowserTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    // A home of its own: the ledger's signed checkpoints (anchors) belong to this fresh database.
    String home;
    try {
      home = java.nio.file.Files.createTempDirectory("gukdae-office").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    registry.add("gukdae.home", () -> home);
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired OfficeHttpTest.HandClock clock;
  @Autowired OfficeService office;
  @Autowired OfficeProgrammes programmes;
  @Autowired kr.gukdae.ledger.Ledger ledger;

  private static void signIn(Page page, String user) {
    page.fill("#username", user);
    page.fill("#password", TestClient.PASSWORD);
    page.click("#login button");
    page.waitForSelector("#who:has-text('" + user + "')");
  }

  @Test
  void anApplicantSubmitsAndAReviewerScoresTheirAssignment() throws Exception {
    clock.now = Instant.parse("2025-07-10T00:00:00Z");
    accounts.create("applicant", TestClient.PASSWORD, Set.of(Role.TEAM), "hanbit");
    byte[] plan = "our plan".getBytes(StandardCharsets.UTF_8);
    try (Playwright pw =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            pw.chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(kr.gukdae.web.Chromium.executable())
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox")))) {
      Page page = browser.newPage();
      page.navigate("http://127.0.0.1:" + port + "/office/?lang=en");
      page.waitForSelector("#documents input[data-kind=DEMO_VIDEO]");
      signIn(page, "applicant");
      page.fill("#consortium", "Hanbit <b>consortium</b>");
      page.fill("#members", "Hanbit AI | LEAD | LARGE\nSeoul University | ACADEMIC | UNIVERSITY");
      page.check("input[name=support][value=GPU]");
      page.setInputFiles(
          "#documents input[data-kind=PLAN]", new FilePayload("plan.pdf", "application/pdf", plan));
      page.setInputFiles(
          "#documents input[data-kind=ENGLISH_SUMMARY]",
          new FilePayload("summary.pdf", "application/pdf", new byte[] {1}));
      // The demo video is left out: the page shows the violation before the deadline.
      page.click("#application button[type=submit]");
      page.waitForSelector("#apply-result li");
      assertThat(page.textContent("#apply-result")).contains("document DEMO_VIDEO is missing");
      // The same submission from a Korean page: the violation reads in Korean.
      Page ko = browser.newPage();
      ko.navigate("http://127.0.0.1:" + port + "/office/?lang=ko");
      ko.waitForSelector("#documents input[data-kind=DEMO_VIDEO]");
      signIn(ko, "applicant");
      ko.fill("#consortium", "Hanbit <b>consortium</b>");
      ko.fill("#members", "Hanbit AI | LEAD | LARGE\nSeoul University | ACADEMIC | UNIVERSITY");
      ko.check("input[name=support][value=GPU]");
      ko.setInputFiles(
          "#documents input[data-kind=PLAN]", new FilePayload("plan.pdf", "application/pdf", plan));
      ko.setInputFiles(
          "#documents input[data-kind=ENGLISH_SUMMARY]",
          new FilePayload("summary.pdf", "application/pdf", new byte[] {1}));
      ko.click("#application button[type=submit]");
      ko.waitForSelector("#apply-result li");
      assertThat(ko.textContent("#apply-result"))
          .contains("문서 DEMO_VIDEO이(가) 없습니다")
          .doesNotContain("is missing");
      ko.close();
      page.setInputFiles(
          "#documents input[data-kind=DEMO_VIDEO]",
          new FilePayload("demo.mp4", "video/mp4", new byte[] {2}));
      page.click("#application button[type=submit]");
      page.waitForSelector("#apply-result .ok");
      var p = programmes.call("seed-2025");
      Application stored = office.applications(p).getFirst();
      assertThat(stored.consortium()).isEqualTo("Hanbit <b>consortium</b>");
      assertThat(stored.documents().getFirst().sha256()).isEqualTo(Sha256.hex(plan));

      clock.now = Instant.parse("2025-07-22T00:00:00Z");
      // The other fourteen example applicants came in on paper; the office imports them.
      office.importApplications(
          p,
          OfficeFiles.exampleApplications("seed-2025").stream()
              .filter(x -> !x.id().equals("hanbit"))
              .toList(),
          "office");
      office.seal(p);
      office.assign(p, "written");
      String rv = office.assignment(p, "written").reviewersOf().get("hanbit").getFirst();
      accounts.create(rv, TestClient.PASSWORD, Set.of(Role.REVIEWER), null);

      Page reviewer = browser.newContext().newPage();
      reviewer.navigate("http://127.0.0.1:" + port + "/office/?lang=en");
      reviewer.waitForFunction("document.querySelectorAll('#round option').length > 0");
      signIn(reviewer, rv);
      reviewer.click("#load-assignment");
      reviewer.waitForSelector("form.sheet[data-application=hanbit]");
      // Untrusted text is shown as text, never as markup.
      assertThat(reviewer.locator("form.sheet[data-application=hanbit] h3 b").count()).isZero();
      assertThat(reviewer.textContent("form.sheet[data-application=hanbit] h3"))
          .contains("Hanbit <b>consortium</b>");
      reviewer.fill("form.sheet[data-application=hanbit] input[name=technology]", "8");
      reviewer.fill("form.sheet[data-application=hanbit] input[name=goals-strategy]", "7.5");
      reviewer.fill("form.sheet[data-application=hanbit] input[name=impact]", "9");
      reviewer.click("form.sheet[data-application=hanbit] button[type=submit]");
      reviewer.waitForSelector("form.sheet[data-application=hanbit] .status:has-text('saved')");
      var sheets = office.scores(p, "written");
      assertThat(sheets).hasSize(1);
      assertThat(sheets.getFirst().reviewer()).isEqualTo(rv);
      assertThat(sheets.getFirst().items()).containsEntry("goals-strategy", 7.5);

      // The public registry page verifies a designation granted by the stage-1 decision.
      var program = kr.gukdae.stage.ProgramLoader.demo();
      var stage1 =
          kr.gukdae.stage.Stages.run(program, 1, kr.gukdae.stage.EvidenceLoader.demo(), ledger);
      kr.gukdae.designation.Designations.apply(ledger, program, stage1);
      Page visitor = browser.newContext().newPage();
      visitor.navigate("http://127.0.0.1:" + port + "/designation/?lang=en");
      visitor.waitForSelector("#registry td:has-text('KAI-M-hanbit')");
      visitor.fill("#designation-id", "KAI-M-hanbit");
      visitor.click("#verify button");
      visitor.waitForSelector("#verdict:has-text('Valid designation')");
      assertThat(visitor.textContent("#registry")).contains("Hanbit AI (demo)");

      // A lapse's recorded reason shows in the page's language.
      ledger.append(
          kr.gukdae.designation.Designations.LAPSE,
          java.util.Map.of(
              "id",
              "KAI-M-hanbit",
              "on",
              "2026-07-15",
              "reason",
              new kr.gukdae.text.Reason(
                  "NOT_RE_EARNED", "단계 2에서 다시 얻지 못함", "not re-earned at stage 2")));
      visitor.navigate("http://127.0.0.1:" + port + "/designation/?lang=ko");
      visitor.waitForSelector("#registry td:has-text('단계 2에서 다시 얻지 못함')");
      assertThat(visitor.textContent("#registry")).doesNotContain("not re-earned");
      visitor.navigate("http://127.0.0.1:" + port + "/designation/?lang=en");
      visitor.waitForSelector("#registry td:has-text('(not re-earned at stage 2)')");
    }
    assertThat(OfficeFiles.EXAMPLES).contains("seed-2025");
  }
}
