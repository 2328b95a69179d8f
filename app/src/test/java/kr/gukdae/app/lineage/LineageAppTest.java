package kr.gukdae.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.app.access.Role;
import kr.gukdae.cli.Launcher;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lineage CLI and REST API on a real Spring context, HTTP server and H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LineageAppTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
  }

  @TempDir Path dir;
  @LocalServerPort int port;
  @Autowired ConfigurableApplicationContext context;
  @Autowired LineageEvidenceRepository evidence;
  @Autowired kr.gukdae.app.access.Accounts accounts;

  private record Run(int exit, String out, String err) {}

  private Run cli(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      CommandLine cl = Launcher.commandLine(context);
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new Run(exit, bytes.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  private Path metadata() throws IOException {
    Path file = dir.resolve("models.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            "{\"id\":\"team/Root\",\"author\":\"team\",\"createdAt\":\"2025-07-01T00:00:00Z\"}",
            "{\"id\":\"a/ft\",\"author\":\"a\",\"createdAt\":\"2025-09-01T00:00:00Z\","
                + "\"cardData\":{\"base_model\":\"team/Root\"}}",
            "{\"id\":\"b/ft-GGUF\",\"author\":\"b\",\"createdAt\":\"2025-10-01T00:00:00Z\","
                + "\"siblings\":[{\"rfilename\":\"m.gguf\"},{\"rfilename\":\"README.md\"}],"
                + "\"tags\":[\"base_model:quantized:a/ft\"]}",
            "{\"id\":\"team/Root-copy\",\"author\":\"team\",\"createdAt\":\"2025-09-01T00:00:00Z\","
                + "\"cardData\":{\"base_model\":\"team/Root\"}}",
            "{\"id\":\"c/late\",\"author\":\"c\",\"createdAt\":\"2026-03-01T00:00:00Z\","
                + "\"cardData\":{\"base_model\":\"team/Root\"}}",
            "{\"id\": broken"));
    return file;
  }

  @Test
  void cliCountsExplainsReportsSkipsAndRecordsEvidence() throws IOException {
    Run run =
        cli(
            "lineage",
            "--metadata",
            metadata().toString(),
            "--root",
            "team/Root",
            "--since",
            "2025-08-01",
            "--until",
            "2026-01-15",
            "--record",
            "--tree",
            "10");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("team/Root: 2 derivatives counted (1 direct, 2 owners)")
        .contains("leave out team re-uploads: 1 removed (e.g. team/Root-copy)")
        .contains("skipped 1: not readable as JSON")
        .contains("models.jsonl:6")
        .contains("b/ft-GGUF [quantized] counted")
        .contains("recorded as evidence");
    assertThat(evidence.list("TEAM/root"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.counted()).isEqualTo(2);
          assertThat(e.quantized()).isEqualTo(1);
          assertThat(e.recordsSkipped()).isEqualTo(1);
          assertThat(e.explanation()).contains("Window: from 2025-08-01T00:00:00Z");
        });
  }

  @Test
  void cliJsonIsMachineReadable() throws IOException {
    Run run =
        cli(
            "lineage",
            "--metadata",
            metadata().toString(),
            "--root",
            "team/Root",
            "--json",
            "--keep-team-uploads");
    JsonNode doc = JSON.readTree(run.out());
    assertThat(doc.at("/count/counted").asInt()).isEqualTo(4);
    assertThat(doc.at("/count/byRelation/QUANTIZED").asInt()).isEqualTo(1);
    assertThat(doc.at("/ingest/skipped").asInt()).isEqualTo(1);
    assertThat(doc.at("/explanation").size()).isGreaterThan(5);
    assertThat(doc.at("/explanationKo").size()).isEqualTo(doc.at("/explanation").size());
  }

  @Test
  void cliInputProblemsAreOneLineWithExitCodeTwo() throws IOException {
    Run badDate =
        cli(
            "lineage",
            "--metadata",
            metadata().toString(),
            "--root",
            "team/Root",
            "--since",
            "last spring");
    assertThat(badDate.exit()).isEqualTo(2);
    assertThat(badDate.err().strip())
        .contains("since: 'last spring' is not a date")
        .doesNotContain("\n");

    Run unknownRoot = cli("lineage", "--metadata", metadata().toString(), "--root", "x/y");
    assertThat(unknownRoot.exit()).isEqualTo(2);
    assertThat(unknownRoot.err()).contains("root 'x/y' is not in the metadata");

    Run noSource = cli("lineage", "--root", "x/y");
    assertThat(noSource.exit()).isEqualTo(2);

    Run both = cli("lineage", "--demo", "--metadata", metadata().toString(), "--root", "x/y");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--demo counts the bundled demo only");
  }

  @Test
  void cliCrawlsAHubIntoItsCacheAndCountsFromIt() throws IOException {
    // FAKE Hub: a local HTTP server answering the two Hub API calls the crawler makes.
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext(
        "/api/models",
        exchange -> {
          String uri = exchange.getRequestURI().toString();
          String body =
              uri.startsWith("/api/models/team/Root")
                  ? "{\"id\":\"team/Root\",\"author\":\"team\",\"createdAt\":\"2025-07-01T00:00:00Z\","
                      + "\"lastModified\":\"2025-07-01T00:00:00Z\"}"
                  : uri.contains("filter=base_model%3Ateam%2FRoot")
                      ? "[{\"id\":\"a/ft\",\"author\":\"a\",\"createdAt\":\"2025-09-01T00:00:00Z\","
                          + "\"lastModified\":\"2025-09-02T00:00:00Z\",\"tags\":[\"base_model:team/Root\"]}]"
                      : "[]";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    fake.start();
    try {
      Path cache = dir.resolve("hub.jsonl");
      Run run =
          cli(
              "lineage",
              "--hub",
              "--hub-endpoint",
              "http://127.0.0.1:" + fake.getAddress().getPort(),
              "--cache",
              cache.toString(),
              "--root",
              "team/Root");
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("2 new records").contains("team/Root: 1 derivatives counted");
      assertThat(Files.readAllLines(cache)).hasSize(2);
      assertThat(Files.exists(Path.of(cache + ".cursor"))).isTrue();
    } finally {
      fake.stop(0);
    }
  }

  @Test
  void restServesDemoCountsEvidenceAndThePage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    JsonNode dataset = get(http, "/api/lineage/dataset");
    assertThat(dataset.get("demo").asBoolean()).isTrue();
    assertThat(dataset.get("roots").get(0).asString()).isEqualTo("demo-team-1/Hanbit-32B");
    assertThat(dataset.at("/report/skipped").asInt()).isPositive();

    JsonNode count =
        get(
            http,
            "/api/lineage/count?root=demo-team-1/Hanbit-32B&since=2025-08-01"
                + "&maxPerOwner=0&treeLimit=50");
    assertThat(count.at("/count/counted").asInt()).isPositive();
    assertThat(count.at("/count/tree").size()).isEqualTo(50);
    assertThat(count.at("/count/byVerdict/SAME_OWNER").asInt()).isPositive();

    var bad =
        http.send(
            HttpRequest.newBuilder(
                    uri("/api/lineage/count?root=demo-team-1/Hanbit-32B" + "&since=someday"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("since");

    String post = "/api/lineage/evidence?root=demo-team-2/Saebyeok-7B";
    // recording evidence is the office's, and only under the programme's rules
    assertThat(new TestClient(port).send("POST", post, null).statusCode()).isEqualTo(401);
    var office = TestClient.as(port, accounts, "lineage-office", Role.OFFICE);
    var rulesOff = office.send("POST", post + "&excludeTeam=false&requireWeights=false", null);
    assertThat(rulesOff.statusCode()).isEqualTo(400);
    assertThat(rulesOff.body()).contains("excludeTeam");
    assertThat(get(http, "/api/lineage/evidence?root=demo-team-2/Saebyeok-7B").size()).isZero();
    office.ok("POST", post, null);
    assertThat(get(http, "/api/lineage/evidence?root=demo-team-2/Saebyeok-7B").size()).isEqualTo(1);

    var page =
        http.send(
            HttpRequest.newBuilder(uri("/lineage/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("lineage.js");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private JsonNode get(HttpClient http, String path) throws Exception {
    var response =
        http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
