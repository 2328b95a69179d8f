package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full blind battle in a real Chromium against the real app: prompt, two streamed answers, vote,
 * reveal. Before the vote no model name may appear in the page or in any response the browser got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArenaBrowserTest {

  static final List<String> MODELS = List.of("scripted/slow-alpha", "scripted/slow-beta");
  static final List<String> SECRETS =
      List.of("scripted", "slow-alpha", "slow-beta", "alpha", "beta");

  @LocalServerPort int port;
  @Autowired Arena arena;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> String.join(",", MODELS));
  }

  @Test
  void aFullBlindBattleRevealsNamesOnlyAfterTheVote() {
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page page = browser.newPage();
      List<Response> responses = new ArrayList<>();
      page.onResponse(responses::add);
      // the pages run under a CSP without inline script: any violation shows in the console
      List<String> console = new ArrayList<>();
      page.onConsoleMessage(m -> console.add(m.text()));
      // Chromium keeps no body for event streams, so every SSE message is also logged in the page.
      page.addInitScript(
          "window.__sse = [];"
              + "const Orig = window.EventSource;"
              + "window.EventSource = function (url) {"
              + "  const es = new Orig(url);"
              + "  for (const n of ['delta', 'done', 'end']) {"
              + "    es.addEventListener(n, (e) => window.__sse.push(n + ' ' + e.data));"
              + "  }"
              + "  return es;"
              + "};");
      page.navigate("http://127.0.0.1:" + port + "/arena/?lang=ko");
      assertThat(page.textContent("h1")).isEqualTo("블라인드 아레나");
      assertThat(responses.getFirst().headers().get("content-security-policy"))
          .contains("script-src 'self'");

      page.fill("#prompt", "한국의 수도는 어디인가요? **짧게** 답해 주세요 <script>alert(1)</script>");
      page.click("#go");
      page.waitForSelector("body[data-state=answered]");

      String answerA = page.textContent("#side-A .answer");
      String answerB = page.textContent("#side-B .answer");
      assertThat(answerA).isNotBlank();
      assertThat(answerB).isNotBlank().isNotEqualTo(answerA);
      // The answers were rendered from the safe Markdown tree into real elements.
      assertThat(page.locator(".answer strong, .answer li, .answer h3").count()).isPositive();
      assertThat(page.locator(".answer script").count()).isZero();

      String dom = page.content();
      for (String secret : SECRETS) {
        assertThat(dom).as("page before the vote").doesNotContain(secret);
      }
      assertThat(responses).isNotEmpty();
      assertThat(responses).anyMatch(r -> r.url().contains("/events"));
      String sse = String.valueOf(page.evaluate("() => window.__sse.join('\\n')"));
      assertThat(sse)
          .contains("delta {", "done {", "end {", "\"side\":\"A\"", "\"side\":\"B\"", "\"blocks\"");
      for (String secret : SECRETS) {
        assertThat(sse).as("server-sent events before the vote").doesNotContain(secret);
      }
      for (Response response : responses) {
        String type = String.valueOf(response.headerValue("content-type"));
        assertThat(response.allHeaders().toString()).doesNotContain("slow-alpha", "slow-beta");
        if (type.startsWith("text/event-stream")) {
          continue; // checked through the page's log above
        }
        String body = response.text();
        for (String secret : SECRETS) {
          assertThat(body).as("response %s before the vote", response.url()).doesNotContain(secret);
        }
      }

      page.click("[data-vote=A]");
      page.waitForSelector("body[data-state=revealed]");
      List<String> revealed = List.of(page.textContent("#reveal-A"), page.textContent("#reveal-B"));
      assertThat(revealed).containsExactlyInAnyOrderElementsOf(MODELS);
      assertThat(page.isVisible("#reveal-leak")).isFalse();
      assertThat(page.locator("[data-vote=A]").isDisabled()).isTrue();

      // The language toggle switches the page to English.
      page.click("header.top .lang");
      assertThat(page.textContent("h1")).isEqualTo("Blind arena");

      // The leaderboard switches between Bradley-Terry, online Elo and style control.
      page.navigate("http://127.0.0.1:" + port + "/arena/leaderboard.html?lang=en");
      for (String other : List.of("/", "/eval/", "/originality/", "/arena/admin.html")) {
        page.navigate("http://127.0.0.1:" + port + other);
      }
      page.navigate("http://127.0.0.1:" + port + "/arena/leaderboard.html?lang=en");
      assertThat(console).noneMatch(m -> m.contains("Content Security Policy"));
      page.waitForSelector("body[data-method=bt]");
      assertThat(page.locator("#rows tr").count()).isEqualTo(2);
      assertThat(page.isVisible("#style")).isFalse();
      page.selectOption("#method", "elo");
      page.waitForSelector("body[data-method=elo]");
      assertThat(page.textContent("#lead")).contains("Online Elo");
      page.selectOption("#method", "style");
      page.waitForSelector("body[data-method=style]");
      assertThat(page.isVisible("#style")).isTrue();
      assertThat(page.locator("#style-rows tr").allTextContents())
          .hasSize(4)
          .anyMatch(row -> row.startsWith("Length (characters)"));
      assertThat(page.locator("#rows tr").count()).isEqualTo(2);
      assertThat(page.isVisible("#admin-link")).isFalse();
    }
  }

  /** One battle on the page: prompt, both answers, vote A, reveal; the battle's vote row. */
  Map<String, Object> battleAndVote(Page page, String prompt) {
    if (page.isVisible("#again")) {
      page.click("#again");
    }
    page.fill("#prompt", prompt);
    page.click("#go");
    page.waitForSelector("body[data-state=answered]");
    page.click("[data-vote=A]");
    page.waitForSelector("body[data-state=revealed]");
    return JdbcClient.create(dataSource)
        .sql(
            "SELECT voter_id, voter_class, verified FROM arena_vote ORDER BY voted_at DESC LIMIT 1")
        .query()
        .singleRow();
  }

  @Test
  void aPublicVoterRegistersVotesAndIsVerifiedByAnAdministrator() {
    arena.sessions().createAccount("browser-admin", "admin-password-123", VoterClass.ADMIN);
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page voter = browser.newContext().newPage();
      voter.navigate("http://127.0.0.1:" + port + "/arena/?lang=en");
      voter.waitForSelector("#who-label:has-text('Public voter (anonymous)')");
      assertThat(voter.textContent("#login")).contains("Sign in / register (optional)");

      voter.fill("#login-user", "mina");
      voter.fill("#login-pass", "mina-password-123");
      voter.click("#register");
      voter.waitForSelector("#who-label:has-text('Public voter (account) · mina')");
      assertThat(voter.isVisible("#login")).isFalse();
      Map<String, Object> first = battleAndVote(voter, "What is the capital of Korea?");
      assertThat(first.get("voter_id")).isEqualTo("user-mina");
      assertThat(first.get("voter_class")).isEqualTo("PUBLIC");
      assertThat(first.get("verified")).isEqualTo(false);

      // An administrator verifies the account on the admin page.
      Page admin = browser.newContext().newPage();
      admin.navigate("http://127.0.0.1:" + port + "/arena/admin.html?lang=en");
      admin.fill("#login-user", "browser-admin");
      admin.fill("#login-pass", "admin-password-123");
      admin.click("#login button[type=submit]");
      admin.waitForSelector("body[data-state=admin]");
      assertThat(admin.textContent("h2:has-text('Accounts awaiting verification')")).isNotBlank();
      admin.click("#account-rows tr[data-username=mina] button.verify");
      admin.waitForSelector("#account-rows tr[data-username=mina]", waitDetached());

      voter.reload();
      voter.waitForSelector("#who-label:has-text('Public voter (verified) · mina')");
      Map<String, Object> second = battleAndVote(voter, "What is the capital of Japan?");
      assertThat(second.get("voter_id")).isEqualTo("user-mina");
      assertThat(second.get("verified")).isEqualTo(true);

      // Signing out leaves an anonymous voter, as before.
      voter.click("#logout");
      voter.waitForSelector("#who-label:has-text('Public voter (anonymous)')");
    }
  }

  private static Page.WaitForSelectorOptions waitDetached() {
    return new Page.WaitForSelectorOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED);
  }
}
