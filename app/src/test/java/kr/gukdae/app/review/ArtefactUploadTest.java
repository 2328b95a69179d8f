package kr.gukdae.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.cli.Terminal;
import kr.gukdae.review.Artefact;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.testing.InProcessLauncher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review artefacts beyond the JSON body limit, over a real HTTP server: a 3 MiB report streams in
 * and is stored under its SHA-256; a body over the artefact limit (declared or chunked) gets one
 * bilingual refusal and leaves no file and no row; only the office may upload; the CLI streams a
 * training log the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArtefactUploadTest {

  static final int MIB = 1024 * 1024;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    Path home = Files.createTempDirectory("gukdae-upload");
    registry.add("gukdae.home", home::toString);
    registry.add("gukdae.review.max-artefact-bytes", () -> String.valueOf(4 * MIB));
  }

  @LocalServerPort int port;
  @Autowired Programmes programmes;
  @Autowired ReviewService reviews;
  @Autowired Accounts accounts;
  @Autowired ReviewCommand command;

  @Value("${gukdae.home}")
  Path home;

  @Test
  void largeArtefactsStreamInWhole() throws Exception {
    programmes.load(ProgramLoader.demo().source(), "demo programme.yaml", "office");
    reviews.openPanel(1, "office");
    HttpClient office = signedIn("office1", Role.OFFICE);
    HttpClient reviewer = signedIn("rv03", Role.REVIEWER);
    String upload = "/api/review/artefacts/upload?stage=1&team=hanbit&kind=TECHNICAL_REPORT&name=";

    byte[] report = pdf(3 * MIB);
    var ok = office.send(post(upload + "report.pdf", bytes(report)), body());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode stored = JSON.readTree(ok.body());
    assertThat(stored.path("sha256").asString()).isEqualTo(sha256(report));
    assertThat(stored.path("size").asLong()).isEqualTo(report.length);
    var read =
        office.send(
            get("/api/review/artefacts/" + stored.path("id").asLong()),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(read.body()).isEqualTo(report);
    assertThat(read.headers().firstValue("X-Gukdae-Sha256")).contains(sha256(report));

    // Over the limit: declared (refused before reading) and chunked (cut off while streaming).
    byte[] big = pdf(5 * MIB);
    for (var publisher :
        List.of(
            bytes(big),
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))) {
      var refused = office.send(post(upload + "big.pdf", publisher), body());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      JsonNode error = JSON.readTree(refused.body());
      assertThat(error.path("error").asString()).isEqualTo("too_large");
      assertThat(error.path("message").asString())
          .contains(String.valueOf(4 * MIB))
          .containsPattern("[가-힣]")
          .contains(" / ");
    }
    // Only the office: a reviewer and an anonymous caller are refused before the body is read.
    assertThat(reviewer.send(post(upload + "r.pdf", bytes(pdf(MIB))), body()).statusCode())
        .isEqualTo(403);
    assertThat(
            HttpClient.newHttpClient()
                .send(post(upload + "a.pdf", bytes(pdf(MIB))), body())
                .statusCode())
        .isEqualTo(401);
    // A technical report that is not a PDF is refused, and nothing is kept either.
    var notPdf = office.send(post(upload + "x.pdf", bytes(new byte[2 * MIB])), body());
    assertThat(notPdf.statusCode()).isEqualTo(400);
    assertThat(notPdf.body()).contains("must be a PDF");

    // The CLI streams a training log the same way.
    Path log = home.resolve("train.log");
    Files.writeString(log, "step,loss\n".repeat(200_000));
    String out = cli("attach", "--team", "hanbit", "--stage", "1", log.toString());
    assertThat(out)
        .contains(sha256(Files.readAllBytes(log)))
        .contains(Terminal.label(Artefact.Kind.TRAINING_LOG));

    // Exactly the two accepted files exist, each recorded once; no partial files are left.
    try (var files = Files.list(home.resolve("artefacts"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyInAnyOrder(sha256(report), sha256(Files.readAllBytes(log)));
    }
    assertThat(
            reviews.progress(1).stream()
                .flatMap(t -> t.artefacts().stream())
                .map(ReviewService.ArtefactView::sha256)
                .toList())
        .containsExactlyInAnyOrder(sha256(report), sha256(Files.readAllBytes(log)));
  }

  private String cli(String... args) {
    return InProcessLauncher.capture(() -> new CommandLine(command).execute(args)).succeeded();
  }

  private HttpClient signedIn(String username, Role role) throws Exception {
    accounts.create(username, "test-password-123", Set.of(role), null);
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var login =
        client.send(
            HttpRequest.newBuilder(uri("/api/access/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"test-password-123\"}"))
                .build(),
            body());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return client;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpRequest post(String path, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/pdf")
        .POST(body)
        .build();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private static HttpRequest.BodyPublisher bytes(byte[] b) {
    return HttpRequest.BodyPublishers.ofByteArray(b);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static byte[] pdf(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
