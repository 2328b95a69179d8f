package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.arena.RecordedBattles;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.Outcome;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * The public pages as people meet them, in a real Chromium against the app filled by {@code gukdae
 * demo}: home, arena, leaderboard, eval viewer, stage page and a 404, each at desktop (1280×800)
 * and phone (390×844) size in Korean and English. Every page must fit its width (no sideways
 * scrolling), keep text at 12 px or more, show no raw enum name and no untranslated key, and throw
 * nothing; a screenshot of each lands in {@code app/target/screenshots/} for CI to keep. A server
 * error shows the app's own bilingual 500 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesBrowserTest {

  static Path home;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    home = Files.createTempDirectory("gukdae-pages");
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.home", home::toString);
  }

  record Size(String name, int width, int height) {}

  static final List<Size> SIZES =
      List.of(new Size("desktop", 1280, 800), new Size("phone", 390, 844));

  /** name, path, and a script that is true once the page has drawn its data. */
  record Shown(String name, String path, String ready) {}

  static final String NEWCOMER = "demo/newcomer";

  /** Pages without a single data marker: ready once their requests settled (see below). */
  static final String SETTLED = "document.querySelector('h1').textContent !== ''";

  static final String PASSWORD = "pages-office-password";

  /** The checks every page passes, measured in the page (CSS pixels). */
  static final String CHECKS =
      """
      () => {
        const small = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const n = walker.currentNode, e = n.parentElement;
          if (!n.textContent.trim() || !e || !e.getClientRects().length) continue;
          if (e.closest('.visually-hidden') || getComputedStyle(e).visibility === 'hidden') continue;
          const size = parseFloat(getComputedStyle(e).fontSize);
          if (size < 12) small.push(size + 'px ' + n.textContent.trim().slice(0, 30));
        }
        const text = document.body.innerText;
        // elements sticking out on the right and not clipped by a scrolling box (named in a
        // failure, to find the cause)
        const clipped = (e) => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return true;
          }
          return false;
        };
        const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
            .slice(-4)
            .map(e => e.tagName + '#' + e.id + '.' + e.className + ' '
                + Math.round(e.getBoundingClientRect().width) + 'px ' + e.textContent.slice(0, 30));
        // boxes whose content spills out of them without scrolling
        const spill = [...document.body.querySelectorAll('*')]
            .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1
                && getComputedStyle(e).overflowX === 'visible')
            .slice(-4).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '
                + e.scrollWidth + '/' + e.clientWidth + ' ' + e.textContent.slice(0, 30));
        return {
          wide: wide.concat(spill),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          small: small,
          raw: text.match(/\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b/g) || [],
          keys: [...document.querySelectorAll('[data-i18n]')]
              .filter(e => e.textContent === e.dataset.i18n).map(e => e.dataset.i18n),
          mismatched: window.gukdaeI18n ? gukdaeI18n.mismatched() : ['no gukdaeI18n'],
          lang: document.documentElement.lang,
          hangulTitle: /[가-힣]/.test(document.querySelector('h1').textContent),
          viewport: !!document.querySelector('meta[name=viewport]'),
        };
      }
      """;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired RecordedBattles battles;
  @Autowired EvalService eval;
  @Autowired EvalStore runs;
  @Autowired JdbcClient jdbc;

  static boolean seeded;
  static String categoryRun;

  /** One Chromium for all of this class's tests: each test opens its own browser context. */
  static Playwright playwright;

  static Browser browser;

  @BeforeAll
  static void startChromium() {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stopChromium() {
    if (playwright != null) {
      playwright.close();
    }
  }

  /** Once per context: the demo programme end to end, a categorised eval run, a newcomer. */
  @BeforeEach
  void seed() {
    synchronized (PagesBrowserTest.class) {
      if (seeded) {
        return;
      }
      GukdaeCommand demo = context.getBean("demoCommand", GukdaeCommand.class);
      int code =
          new CommandLine(demo).execute("--no-serve", "--out", home.resolve("demo").toString());
      assertThat(code).isZero();
      eval.run(
          EvalRequest.demo("demo/lexical", List.of("demo/ko_knowledge", "demo/arith")),
          ProgressListener.NONE);
      categoryRun =
          runs.runs().stream()
              .filter(r -> r.tasks().equals("demo/ko_knowledge,demo/arith"))
              .findFirst()
              .orElseThrow()
              .id();
      // a model with four votes: on the board, marked preliminary
      String rival = "demo/lexical";
      List<Battle> few = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        few.add(
            new Battle(
                NEWCOMER,
                rival,
                i % 2 == 0 ? Outcome.MODEL_A : Outcome.MODEL_B,
                Instant.parse("2026-01-10T10:00:00Z").plusSeconds(i),
                "judge-" + i,
                "ko",
                "general"));
      }
      battles.record("pages-newcomer", few, "PUBLIC");
      accounts.create("pages-office", PASSWORD, Set.of(Role.OFFICE), null);
      seeded = true;
    }
  }

  /**
   * What {@link #CHECKS} finds wrong with the page shown in {@code lang}, and any script errors,
   * each line starting with {@code where}.
   */
  static List<String> problems(Page page, String where, String lang, List<String> errors) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) page.evaluate(CHECKS);
    List<String> problems = new ArrayList<>();
    if (((Number) m.get("overflow")).intValue() > 0) {
      problems.add(
          where + ": " + m.get("overflow") + " px wider than the screen: " + m.get("wide"));
    }
    for (String key : List.of("small", "raw", "keys", "mismatched")) {
      if (!((List<?>) m.get(key)).isEmpty()) {
        problems.add(where + ": " + key + " " + m.get(key));
      }
    }
    if (!m.get("lang").equals(lang)
        || !m.get("hangulTitle").equals(lang.equals("ko"))
        || !m.get("viewport").equals(true)) {
      problems.add(where + ": language or viewport " + m);
    }
    if (!errors.isEmpty()) {
      problems.add(where + ": script errors " + errors);
    }
    return problems;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  BrowserContext signedIn(Browser browser, Size size) {
    BrowserContext ctx =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(size.width(), size.height()));
    var login =
        ctx.request()
            .post(
                base() + "/api/access/login",
                RequestOptions.create()
                    .setHeader("Origin", base())
                    .setHeader("Content-Type", "application/json")
                    .setData(Map.of("username", "pages-office", "password", PASSWORD)));
    assertThat(login.status()).as(login.text()).isEqualTo(200);
    return ctx;
  }

  @Test
  void everyPageFitsAPhoneAndADesktopInBothLanguages() throws Exception {
    List<Shown> pages =
        List.of(
            new Shown(
                "home", "/", "document.getElementById('status-programme').textContent !== '–'"),
            new Shown(
                "arena", "/arena/", "document.getElementById('who-label').textContent !== ''"),
            new Shown(
                "leaderboard",
                "/arena/leaderboard.html",
                "document.body.dataset.method && document.querySelectorAll('#chart li').length > 2"),
            new Shown(
                "eval",
                "/eval/#run=" + categoryRun,
                "!document.getElementById('run').hidden"
                    + " && document.querySelectorAll('#sample-list li').length > 0"),
            new Shown(
                "stage",
                "/stage/",
                "document.querySelectorAll('#decisions tr').length > 1"
                    + " && document.querySelectorAll('#decision h3').length > 0"
                    + " && document.getElementById('audit').textContent !== ''"),
            new Shown("404", "/no-such-page", "document.querySelector('h1').textContent !== ''"),
            // the other pages: the same checks, once their requests have settled
            new Shown("originality", "/originality/", SETTLED),
            new Shown("lineage", "/lineage/", SETTLED),
            new Shown("review", "/review/", SETTLED),
            new Shown("office", "/office/", SETTLED),
            new Shown("designation", "/designation/", SETTLED),
            new Shown("portfolio", "/portfolio/", SETTLED),
            new Shown("data", "/data/", SETTLED),
            new Shown("jobs", "/jobs/", SETTLED),
            new Shown("arena-admin", "/arena/admin.html", SETTLED));
    Files.createDirectories(Chromium.SCREENSHOTS);
    List<String> problems = new ArrayList<>();
    for (Size size : SIZES) {
      try (BrowserContext ctx = signedIn(browser, size)) {
        for (String lang : List.of("ko", "en")) {
          for (Shown shown : pages) {
            String where = shown.name() + " " + size.name() + " " + lang;
            Page page = ctx.newPage();
            List<String> errors = new ArrayList<>();
            page.onPageError(e -> errors.add(e));
            page.onConsoleMessage(m -> {
              if (m.type().equals("error") && !m.text().contains("404")) {
                errors.add(m.text());
              }
            });
            String path = shown.path();
            String url =
                base()
                    + (path.contains("#")
                        ? path.replace("#", "?lang=" + lang + "#")
                        : path + "?lang=" + lang);
            var response = page.navigate(url);
            if (shown.name().equals("404")) {
              assertThat(response.status()).isEqualTo(404);
              assertThat(page.content()).doesNotContain("Whitelabel");
            }
            page.waitForFunction("() => " + shown.ready());
            if (shown.ready().equals(SETTLED)) {
              page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            }
            problems.addAll(problems(page, where, lang, errors));
            Chromium.screenshot(page, shown.name() + "-" + size.name() + "-" + lang);
            page.close();
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * On a phone the answers stack, the vote buttons sit under them, screen readers get live regions,
   * and the keys 1–4 vote, except while typing.
   */
  @Test
  void aPhoneVoterSeesStackedAnswersAndVotesWithTheKeyboard() {
    try (BrowserContext ctx =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = ctx.newPage();
      page.navigate(base() + "/arena/?lang=en");
      page.waitForFunction("() => document.getElementById('who-label').textContent !== ''");
      page.fill("#prompt", "What is the capital of Korea?");
      page.click("#go");
      page.waitForSelector("body[data-state=answered], #error:not(:empty)");
      assertThat(page.textContent("#error")).isEmpty();
      assertThat(page.textContent("#generating-text"))
          .isEqualTo("Both answers are complete. Cast your vote.");
      assertThat(page.getAttribute("#generating", "aria-live")).isEqualTo("polite");
      assertThat(page.getAttribute("#side-A .answer", "aria-live")).isEqualTo("polite");
      assertThat(page.getAttribute("#side-B .answer", "aria-busy")).isEqualTo("false");
      var a = page.locator("#side-A").boundingBox();
      var b = page.locator("#side-B").boundingBox();
      var votes = page.locator("#votes").boundingBox();
      assertThat(b.y).as("B under A").isGreaterThanOrEqualTo(a.y + a.height);
      assertThat(votes.y).as("votes under the answers").isGreaterThanOrEqualTo(b.y + b.height);
      assertThat(page.locator("[data-vote=A]").boundingBox().height).isGreaterThanOrEqualTo(44);
      Chromium.screenshot(page, "arena-battle-phone-en");

      // typing a digit into the follow-up box is text, not a vote
      page.focus("#followup");
      page.keyboard().press("1");
      assertThat(page.inputValue("#followup")).isEqualTo("1");
      assertThat(page.getAttribute("body", "data-state")).isEqualTo("answered");
      page.fill("#followup", "");
      page.evaluate("() => document.activeElement.blur()");
      page.keyboard().press("2");
      page.waitForSelector("body[data-state=revealed]");
      assertThat(page.locator("[data-vote=B]").isDisabled()).isTrue();
      assertThat(page.textContent("#reveal-B")).startsWith("demo/");
    }
  }

  /**
   * The run viewer: header with the bundled-rows banner, score cards, the category chart, samples
   * filtered by outcome and category; a bad model name and a run that fails to start both show a
   * visible error, and the page throws nothing.
   */
  @Test
  void theRunViewerFiltersSamplesAndShowsRunsThatFailed() {
    try (BrowserContext ctx = signedIn(browser, SIZES.get(0))) {
      Page page = ctx.newPage();
      List<String> errors = new ArrayList<>();
      page.onPageError(errors::add);
      page.navigate(base() + "/eval/?lang=en#run=" + categoryRun);
      page.waitForSelector("#sample-list li");
      assertThat(page.textContent("#run-id")).isEqualTo(categoryRun);
      assertThat(page.textContent("#run-model")).isEqualTo("demo/lexical");
      assertThat(page.textContent("#run-data")).startsWith("bundled sample rows");
      assertThat(page.isVisible("#bundled-banner")).isTrue();
      assertThat(page.isVisible("#run-error")).isFalse();
      assertThat(page.locator(".score-card").count()).isEqualTo(2);
      assertThat(page.locator("#category-chart .bar-row").count()).isGreaterThan(1);
      assertThat(page.textContent(".sample pre.prompt")).isNotBlank();

      int all = page.locator("#sample-list li").count();
      page.selectOption("#f-correct", "no");
      int wrong = page.locator("#sample-list li").count();
      assertThat(page.locator("#sample-list li[data-correct=incorrect]").count()).isEqualTo(wrong);
      page.selectOption("#f-correct", "yes");
      int right = page.locator("#sample-list li").count();
      assertThat(page.locator("#sample-list li[data-correct=correct]").count()).isEqualTo(right);
      assertThat(right + wrong).isEqualTo(all);
      assertThat(right).isPositive();
      page.selectOption("#f-correct", "");
      String category = page.locator("#f-category option").nth(1).getAttribute("value");
      page.selectOption("#f-category", category);
      assertThat(page.locator("#sample-list li").allTextContents())
          .isNotEmpty()
          .allMatch(text -> text.contains("Category: " + category));

      // a model nobody registered: one clear message, no script errors, no polling loop
      page.click("#start-box summary");
      page.fill("#start [name=model]", "no-such/model");
      page.click("#start button[type=submit]");
      page.waitForSelector("#start-error:not([hidden])");
      assertThat(page.textContent("#start-error")).contains("no-such/model");

      // a task without bundled rows fails before its first sample: the run shows why
      String needsData =
          (String)
              page.evaluate(
                  "async () => (await (await fetch('/api/eval/tasks')).json())"
                      + ".find(t => t.needsDataDir).name");
      page.evaluate(
          "() => document.querySelectorAll('#task-list input').forEach(b => b.checked = false)");
      page.check("#task-list input[value='" + needsData + "']");
      page.fill("#start [name=model]", "demo/lexical");
      page.click("#start button[type=submit]");
      page.waitForSelector("#run-error:not([hidden])");
      assertThat(page.textContent("#run-status")).isEqualTo("failed");
      assertThat(page.textContent("#run-error")).contains("The run failed:", "data");
      assertThat(page.locator("#runs tr.selected td.status-FAILED").count()).isEqualTo(1);
      assertThat(errors).isEmpty();
      Chromium.screenshot(page, "eval-failed-desktop-en");
    }
  }

  /**
   * The landing page's programme status, and the stage page's language toggle redrawing its tables,
   * enum labels included.
   */
  @Test
  void theStagePageTogglesItsTablesBetweenLanguages() {
    try (BrowserContext ctx = signedIn(browser, SIZES.get(0))) {
      Page page = ctx.newPage();
      // the landing page states where the programme stands: stage 1 decided, stage 2 next
      page.navigate(base() + "/?lang=en");
      page.waitForFunction("() => document.getElementById('status-programme').textContent !== '–'");
      assertThat(page.textContent("#status-stage")).isEqualTo("stage 2 of 3");
      assertThat(page.textContent("#status-decision")).startsWith("stage 1: ");
      assertThat(page.textContent("#status-demo")).startsWith("This is the demo programme");
      page.navigate(base() + "/stage/?lang=ko");
      page.waitForSelector("#decision h3");
      assertThat(page.textContent("#scheme")).contains("항목", "전문가 평가");
      assertThat(page.textContent("#teams")).contains("주관");
      // Recorded stage sentences are read in the chosen language; the verdict's own reason (the
      // evidence) stays as submitted, quoted after a label.
      assertThat(page.textContent("#programme")).contains("까지 선형, 상한 있음").doesNotContain("capped");
      assertThat(page.textContent("#tie-break"))
          .startsWith("동점 처리: 총점 높은 순; 다음으로 ")
          .doesNotContain("higher total");
      assertThat(page.textContent("#decision .tie-break-rule")).startsWith("동점 처리: 총점 높은 순");
      assertThat(page.textContent("#decision .points-function")).contains("까지 선형");
      assertThat(page.textContent("#decision"))
          .contains("✗ 증거의 판정 사유: \u201C")
          .doesNotContain("no originality verdict", "verdict reason from the evidence");
      assertThat(page.textContent("#decision")).contains("참고: 계획된 4자리 중 3자리 채움");
      page.click("header.top .lang");
      page.waitForFunction(
          "() => document.getElementById('scheme').textContent.includes('Component')"
              + " && document.getElementById('decisions').textContent.includes('Ledger seq')");
      assertThat(page.textContent("#scheme")).contains("Expert review").doesNotContain("항목");
      assertThat(page.textContent("#teams")).contains("(lead)").doesNotContain("(LEAD)");
      assertThat(page.textContent("#decisions")).contains("Ledger seq").doesNotContain("원장");
      page.waitForFunction(
          "() => document.getElementById('tie-break').textContent.startsWith('Tie-break')"
              + " && (document.querySelector('#decision .tie-break-rule') || {}).textContent"
              + "?.startsWith('Tie-break')");
      assertThat(page.textContent("#programme")).contains("linear to ").contains(", capped");
      assertThat(page.textContent("#tie-break"))
          .startsWith("Tie-break: higher total; then higher ")
          .doesNotContainPattern("[가-힣]");
      assertThat(page.textContent("#decision .tie-break-rule"))
          .startsWith("Tie-break: higher total")
          .doesNotContainPattern("[가-힣]");
      assertThat(page.textContent("#decision .points-function")).doesNotContainPattern("[가-힣]");
      assertThat(page.textContent("#decision"))
          .contains("✗ verdict reason from the evidence: \u201C")
          .doesNotContain("증거의 판정 사유");
      assertThat(page.textContent("#decision")).contains("Note: 3 of 4 planned places filled");
      page.waitForFunction(
          "() => [...document.querySelectorAll('#decision h3')]"
              + ".every(h => /Continues|Eliminated/.test(h.textContent))");
    }
  }

  /**
   * A server error, here a real one (the runs table renamed under the running app, as someone with
   * database access might), shows the app's own 500 page in the reader's language at desktop and
   * phone size, with no stack trace, exception or SQL; an API client gets a clean JSON body.
   */
  @Test
  void aServerErrorShowsTheAppsOwn500PageAndACleanApiBody() {
    List<String> internals =
        List.of("Whitelabel", "Exception", "at kr.gukdae", "eval_run", "SQL", "trace", "h2");
    jdbc.sql("ALTER TABLE eval_run RENAME TO eval_run_hidden").update();
    try {
      for (Size size : SIZES) {
        try (BrowserContext ctx = signedIn(browser, size)) {
          var api =
              ctx.request()
                  .get(
                      base() + "/api/eval/runs",
                      RequestOptions.create().setHeader("Accept", "application/json"));
          assertThat(api.status()).isEqualTo(500);
          assertThat(api.headers().get("content-type")).contains("json");
          for (String leak : internals) {
            assertThat(api.text()).as(size + " API body").doesNotContainIgnoringCase(leak);
          }
          for (String lang : List.of("ko", "en")) {
            Page page = ctx.newPage();
            var response = page.navigate(base() + "/api/eval/runs?lang=" + lang);
            assertThat(response.status()).isEqualTo(500);
            page.waitForFunction("() => document.querySelector('h1').textContent !== ''");
            String title = page.textContent("h1");
            assertThat(title).isEqualTo(lang.equals("ko") ? "서버 오류" : "Server error");
            assertThat(page.locator("body").getAttribute("data-error")).isEqualTo("5xx");
            String text = page.innerText("body");
            for (String leak : internals) {
              assertThat(text).as(lang + " " + size + " page").doesNotContainIgnoringCase(leak);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) page.evaluate(CHECKS);
            assertThat(((Number) m.get("overflow")).intValue()).isLessThanOrEqualTo(0);
            assertThat((List<?>) m.get("small")).isEmpty();
            assertThat(m.get("viewport")).isEqualTo(true);
            Chromium.screenshot(page, "500-" + size.name() + "-" + lang);
            page.close();
          }
        }
      }
    } finally {
      jdbc.sql("ALTER TABLE eval_run_hidden RENAME TO eval_run").update();
    }
  }
}
