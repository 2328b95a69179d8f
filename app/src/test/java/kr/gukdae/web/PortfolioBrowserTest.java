package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.office.OfficeProgrammes;
import kr.gukdae.app.office.PortfolioService;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public portfolio page in a real Chromium, after the office recorded the institutes example's
 * decision and funding: at desktop and phone size in Korean and English, a visitor reads each
 * domain's chosen model and why (scores against thresholds), the coverage check and the GPUs, and
 * replays the decision from the ledger; the page passes {@link PagesBrowserTest}'s checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioBrowserTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    String home = Files.createTempDirectory("gukdae-portfolio-page").toString();
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.home", () -> home);
  }

  @LocalServerPort int port;
  @Autowired PortfolioService portfolios;
  @Autowired OfficeProgrammes programmes;

  @Test
  void aVisitorReadsEachDomainsChoiceTheCoverageAndTheFundingOnAPhoneAndADesktop()
      throws Exception {
    var p = programmes.call("institutes-2026");
    portfolios.decide(p, OfficeFiles.examplePortfolioResults("institutes"));
    portfolios.fund(p, LocalDate.parse("2026-07-01"), LocalDate.parse("2027-01-01"));

    Files.createDirectories(Chromium.SCREENSHOTS);
    List<String> problems = new ArrayList<>();
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      for (PagesBrowserTest.Size size : PagesBrowserTest.SIZES) {
        for (String lang : List.of("ko", "en")) {
          String where = "portfolio-decided " + size.name() + " " + lang;
          try (BrowserContext ctx =
              browser.newContext(
                  new Browser.NewContextOptions().setViewportSize(size.width(), size.height()))) {
            Page page = ctx.newPage();
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.navigate(
                "http://127.0.0.1:" + port + "/portfolio/?lang=" + lang + "&call=institutes-2026");
            page.waitForSelector("#funding tr:nth-child(4)");
            boolean ko = lang.equals("ko");

            String law = page.textContent("section[data-domain=law]");
            assertThat(law)
                .as(where)
                .contains(ko ? "법률 (law)" : "law (law)")
                .contains(
                    ko ? "충족: kilaw-law-7b 선택 (69.20점" : "Covered: kilaw-law-7b chosen (69.20")
                .contains(
                    ko
                        ? "벤치마크 기준 미달: ko-bar-exam 48.0 < 50.0"
                        : "below a benchmark threshold: ko-bar-exam 48.0 < 50.0");
            assertThat(page.textContent("section[data-domain=manufacturing] .covered"))
                .as(where)
                .isEqualTo(ko ? "충족하지 못함: 통과한 모델이 없습니다" : "Not covered: no model passes");
            assertThat(page.textContent("#coverage"))
                .as(where)
                .isEqualTo(
                    ko
                        ? "분야 충족: 4개 중 3개, 필요 3개 → 포트폴리오 계속"
                            + "기록된 사유: 4개 분야 중 3개 충족, 필요 3개: 포트폴리오 계속"
                        : "Domains covered: 3 of 4, 3 needed → the portfolio continues"
                            + "Recorded reason: 3 of 4 domains covered; 3 needed: the portfolio"
                            + " continues");
            // The data budget and talent cap the funding gave each kept institute, with sources,
            // and whether the funding recomputes from the ledger.
            assertThat(page.textContent("#funding"))
                .as(where)
                .contains(ko ? "64 H100 임차" : "64 H100 lease")
                .contains(ko ? "지원" : "funded")
                .contains(ko ? "데이터 예산" : "Data budget")
                .contains("1,500,000,0001,000,000,000");
            assertThat(page.textContent("#funding-note"))
                .as(where)
                .contains(
                    ko
                        ? "유지 기관 데이터 예산 1,500,000,000원 (출처 portfolio-support)"
                        : "Data budget per kept institute 1,500,000,000 KRW (source"
                            + " portfolio-support)")
                .contains(
                    ko
                        ? "유지 기관 인재 매칭 연 상한 1,000,000,000원 (출처 portfolio-support)"
                        : "Talent matching cap per kept institute and year 1,000,000,000 KRW"
                            + " (source portfolio-support)")
                .contains(
                    ko
                        ? "자원 배정이 기록된 결정과 수치로 다시 계산한 결과와 같습니다"
                        : "The funding recomputes from the recorded decision and figures: the same");
            assertThat(page.textContent("#institutes")).as(where).contains("kimed-law-3b");

            page.click("#replay");
            page.waitForSelector("#replay-result:not(:empty)");
            assertThat(page.textContent("#replay-result"))
                .as(where)
                .isEqualTo(
                    ko
                        ? "원장의 입력으로 다시 계산한 결과가 기록과 같습니다"
                        : "Recomputed from the ledger's input: the same as recorded");

            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) page.evaluate(PagesBrowserTest.CHECKS);
            if (((Number) m.get("overflow")).intValue() > 0) {
              problems.add(where + ": wider than the screen " + m.get("wide"));
            }
            for (String key : List.of("small", "raw", "keys", "mismatched")) {
              if (!((List<?>) m.get(key)).isEmpty()) {
                problems.add(where + ": " + key + " " + m.get(key));
              }
            }
            if (!m.get("lang").equals(lang) || !m.get("hangulTitle").equals(ko)) {
              problems.add(where + ": language " + m);
            }
            if (!errors.isEmpty()) {
              problems.add(where + ": script errors " + errors);
            }
            page.screenshot(
                new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(
                        Chromium.SCREENSHOTS.resolve(
                            "portfolio-decided-" + size.name() + "-" + lang + ".png")));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
