package kr.gukdae.app.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.GukdaeApplication;
import kr.gukdae.forensics.DType;
import kr.gukdae.forensics.DemoWeights;
import kr.gukdae.forensics.Forensics;
import kr.gukdae.forensics.WeightModel;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The REST API and page over a real HTTP server. */
@SpringBootTest(
    classes = GukdaeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OriginalityControllerTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
  }

  @TempDir static Path dir;
  @LocalServerPort int port;
  @Autowired ForensicsStore store;

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
        Forensics.compare(
            WeightModel.open("team-<b>", dir.resolve("own")),
            List.of(WeightModel.open("foreign", dir.resolve("base"))),
            Forensics.calibrate(List.of(), Forensics.Options.defaults()),
            Forensics.Options.defaults(),
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
    get("/api/originality/reports/nope", 404);
    assertThat(get("/originality/index.html", 200)).contains("originality.js");
    assertThat(get("/originality/originality.js", 200))
        .contains("textContent")
        .doesNotContain("innerHTML");
  }
}
