package kr.gukdae.app.originality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.WeightModel;
import kr.gukdae.web.Chromium;
import kr.gukdae.web.SharedHttpContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API and page over a real HTTP server. */
class OriginalityControllerTest extends SharedHttpContext {

  @TempDir static Path dir;
  @LocalServerPort int port;
  @Autowired OriginalityStore store;

  String get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(path).isEqualTo(expectedStatus);
    return res.body();
  }

  @Test
  void storedEvidenceIsServed() throws Exception {
    var base = DemoWeights.independent(DemoWeights.Config.tiny(), 1);
    base.write(dir.resolve("base"), DType.F32, 1);
    DemoWeights.independent(DemoWeights.Config.tiny(), 2).write(dir.resolve("own"), DType.F32, 1);
    var report =
        Originality.compare(
            WeightModel.open("team-<b>", dir.resolve("own")),
            List.of(WeightModel.open("foreign", dir.resolve("base"))),
            Originality.calibrate(List.of(), Originality.Options.defaults()),
            Originality.Options.defaults(),
            null);
    String id = store.save(report, null);

    assertThat(get("/api/originality/reports", 200)).contains(id).contains("\"ORIGINAL\"");
    String detail = get("/api/originality/reports/" + id, 200);
    assertThat(detail)
        .contains("\"model\":\"team-<b>\"")
        .contains("\"component\":\"vision_encoder.block.0\"")
        .contains("\"verdictKo\":\"독자 모델\"")
        .contains("\"explanationKo\":")
        .contains("\"coverage\":1.0");
    assertThat(
            new kr.gukdae.web.TestClient(port)
                .refused(404, "not_found", "GET", "/api/originality/reports/nope", null)
                .path("messageEn")
                .asString())
        .isEqualTo("report nope: no such report");
    assertThat(get("/originality/index.html", 200)).contains("originality.js");
    assertThat(get("/originality/originality.js", 200))
        .contains("textContent")
        .doesNotContain("innerHTML");
  }

  @Test
  void thePageShowsTheNewVerdictsInKoreanAndEnglish() throws Exception {
    Chromium.executable(); // skips here, before the work, when there is no browser
    var base = DemoWeights.independent(DemoWeights.Config.tiny(), 11);
    base.write(dir.resolve("page-base"), DType.F32, 1);
    base.write(dir.resolve("page-copy"), DType.BF16, 1);
    var report =
        Originality.compare(
            WeightModel.open("team-copy", dir.resolve("page-copy")),
            List.of(WeightModel.open("foreign", dir.resolve("page-base"))),
            Originality.calibrate(List.of(), Originality.Options.defaults()),
            Originality.Options.defaults(),
            null);
    String id = store.save(report, null);
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page page = browser.newPage();
      page.navigate("http://127.0.0.1:" + port + "/originality/?lang=ko&id=" + id);
      page.waitForSelector("#detail .verdict-QUANTISED_COPY");
      assertThat(page.locator("#detail .verdict-QUANTISED_COPY").first().innerText())
          .isEqualTo("foreign의 양자화 복사본");
      String detail = page.locator("#detail").innerText();
      assertThat(detail).contains("후보 모델 파라미터의 100.0%가 foreign와 일치합니다", "비교 범위 100.0%");
      assertThat(detail).contains("기준선 구성: 기준선(귀무 분포): 프로젝트의 무작위 초기화 데모 모델 쌍 6개");

      page.navigate("http://127.0.0.1:" + port + "/originality/?lang=en&id=" + id);
      page.waitForSelector("#detail .verdict-QUANTISED_COPY");
      assertThat(page.locator("#detail .verdict-QUANTISED_COPY").first().innerText())
          .isEqualTo("QUANTISED COPY OF foreign");
      assertThat(page.locator("#detail").innerText())
          .contains("up to the rounding of a coarser storage type (BF16 vs F32)")
          .doesNotContain("fine-tuning")
          .contains("Coverage 100.0%");
    }
  }
}
