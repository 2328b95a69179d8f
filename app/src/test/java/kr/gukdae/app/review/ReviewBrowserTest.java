package kr.gukdae.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Sha256;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reviewer's round in a real Chromium: sign in, see only the assigned team, open its technical
 * report (checked against its SHA-256), save a draft, submit once; a colleague's sheet appears only
 * after the reviewer's own is submitted. The office attaches a 3 MiB report from the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewBrowserTest {

  @LocalServerPort int port;
  @Autowired Programmes programmes;
  @Autowired ReviewService reviews;
  @Autowired Accounts accounts;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    Path home = Files.createTempDirectory("gukdae-review");
    registry.add("gukdae.home", home::toString);
  }

  @Test
  void aReviewerOpensTheReportSavesADraftAndSubmitsOnce() {
    programmes.load(ProgramLoader.demo().source(), "demo programme.yaml", "office");
    reviews.openPanel(1, "office");
    reviews.assign(1, "rv03", "hanbit", "office");
    reviews.assign(1, "rv05", "hanbit", "office");
    reviews.assign(1, "rv05", "baekdu", "office");
    byte[] pdf = "%PDF-1.4\n% 한빛 technical report (test)\n".getBytes(StandardCharsets.UTF_8);
    reviews.attach(1, "hanbit", "TECHNICAL_REPORT", "hanbit-report.pdf", pdf, "office");
    byte[] large = new byte[3 * 1024 * 1024]; // three times the JSON body limit
    new java.util.Random(3).nextBytes(large);
    System.arraycopy(pdf, 0, large, 0, 8);
    reviews.save(
        1,
        "rv05",
        "hanbit",
        Map.of("originality", 6.0, "training", 6.0, "data-safety", 6.0, "report", 6.0),
        "colleague's sheet",
        true);
    accounts.create("rv03", "test-password-123", Set.of(Role.REVIEWER), null);

    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(kr.gukdae.web.Chromium.executable())
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox")))) {
      Page page = browser.newPage();
      page.onDialog(d -> d.accept());
      page.navigate("http://127.0.0.1:" + port + "/review/?lang=en");
      page.fill("#username", "rv03");
      page.fill("#password", "test-password-123");
      page.click("#signin-form button[type=submit]");
      Locator assignment = page.locator(".assignment");
      assignment.first().waitFor();
      assertThat(assignment.count()).isEqualTo(1); // baekdu is rv05's, not rv03's
      assertThat(assignment.first().textContent()).contains("hanbit").doesNotContain("baekdu");
      assertThat(page.locator("#assignments").textContent()).doesNotContain("colleague's sheet");

      Locator report =
          assignment
              .first()
              .locator("a", new Locator.LocatorOptions().setHasText("hanbit-report.pdf"));
      String href = report.getAttribute("href");
      @SuppressWarnings("unchecked")
      Map<String, Object> opened =
          (Map<String, Object>)
              page.evaluate(
                  "async (u) => { const r = await fetch(u); const b = new Uint8Array(await r.arrayBuffer());"
                      + " return {status: r.status, type: r.headers.get('content-type'),"
                      + " sha: r.headers.get('x-gukdae-sha256'), head: String.fromCharCode(...b.slice(0, 4))}; }",
                  href);
      assertThat(opened.get("status")).isEqualTo(200);
      assertThat(opened.get("type")).isEqualTo("application/pdf");
      assertThat(opened.get("head")).isEqualTo("%PDF");
      assertThat(opened.get("sha")).isEqualTo(Sha256.hex(pdf));

      for (String item : List.of("originality", "training", "data-safety", "report")) {
        page.fill(".assignment input[name=" + item + "]", "8");
      }
      page.fill(".assignment textarea[name=comment]", "clear training logs");
      page.click(".assignment button.draft");
      page.locator(".assignment .status", new Page.LocatorOptions().setHasText("draft")).waitFor();
      assertThat(page.locator(".assignment input[name=report]").inputValue()).isEqualTo("8");

      page.fill(".assignment input[name=report]", "9");
      page.click(".assignment button.submit");
      page.locator(".assignment .status", new Page.LocatorOptions().setHasText("submitted"))
          .waitFor();
      assertThat(page.locator(".assignment input[name=report]").isDisabled()).isTrue();
      assertThat(page.locator(".assignment button.submit").count()).isZero();
      assertThat(page.locator("#assignments").textContent()).contains("colleague's sheet");

      // The stage page lists the evidence state per team and component, with no demo button.
      List<String> errors = new java.util.ArrayList<>();
      page.onPageError(errors::add);
      page.navigate("http://127.0.0.1:" + port + "/stage/?lang=en");
      page.locator("#readiness td", new Page.LocatorOptions().setHasText("expert-review"))
          .first()
          .waitFor();
      assertThat(page.locator("#readiness-summary").textContent()).isEqualTo("evidence incomplete");
      assertThat(page.locator("#run-demo").count()).isZero();
      assertThat(page.locator("#error").textContent()).isEmpty();
      assertThat(errors).isEmpty();

      // The office attaches a report beyond the JSON body limit from the page: the file streams in.
      accounts.create("office1", "test-password-123", Set.of(Role.OFFICE), null);
      Page office = browser.newContext().newPage();
      office.navigate("http://127.0.0.1:" + port + "/review/?lang=en");
      office.fill("#username", "office1");
      office.fill("#password", "test-password-123");
      office.click("#signin-form button[type=submit]");
      office
          .locator("#progress td", new Page.LocatorOptions().setHasText("hanbit"))
          .first()
          .waitFor();
      office.fill("#attach-team", "baekdu");
      office.selectOption("#attach-kind", "TECHNICAL_REPORT");
      office.setInputFiles(
          "#attach-file",
          new com.microsoft.playwright.options.FilePayload(
              "baekdu-report.pdf", "application/pdf", large));
      office.click("#attach-form button[type=submit]");
      office
          .locator("#progress td", new Page.LocatorOptions().setHasText("baekdu-report.pdf"))
          .waitFor();
      assertThat(office.locator("#error").textContent()).isEmpty();
    }
    assertThat(reviews.progress(1).stream().flatMap(p -> p.artefacts().stream()))
        .anySatisfy(a -> {
          assertThat(a.fileName()).isEqualTo("baekdu-report.pdf");
          assertThat(a.sha256()).isEqualTo(Sha256.hex(large));
          assertThat(a.size()).isEqualTo(large.length);
        });
    var hanbit =
        reviews.progress(1).stream()
            .filter(p -> p.team().equals("hanbit"))
            .findFirst()
            .orElseThrow();
    assertThat(hanbit.submitted()).containsExactlyInAnyOrder("rv03", "rv05");
    assertThat(hanbit.sheets())
        .anySatisfy(s -> {
          assertThat(s.reviewer()).isEqualTo("rv03");
          assertThat(s.items()).containsEntry("report", 9.0);
          assertThat(s.comment()).isEqualTo("clear training logs");
        });
  }
}
