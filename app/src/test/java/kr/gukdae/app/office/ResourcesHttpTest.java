package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.Stages;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Resources and the open-source level over real HTTP: the office allocates from a replayed stage
 * decision, records the operator's usage and checks released repositories; the continuation check
 * flags the teams that would fail before the stage date; a team reads its own records only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourcesHttpTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    String home = Files.createTempDirectory("gukdae-resources").toString();
    registry.add("gukdae.home", () -> home);
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Ledger ledger;

  @Value("${gukdae.home}")
  Path home;

  private TestClient team(String id) throws Exception {
    accounts.create("member-" + id, TestClient.PASSWORD, Set.of(Role.TEAM), id);
    TestClient c = new TestClient(port);
    c.signIn("member-" + id, TestClient.PASSWORD);
    return c;
  }

  private void release(String team, String licence, String... files) throws Exception {
    Path dir = Files.createDirectories(home.resolve("releases").resolve(team));
    Files.writeString(dir.resolve("LICENSE"), licence);
    for (String f : files) {
      Files.writeString(dir.resolve(f), "x");
    }
  }

  @Test
  void theOfficeRecordsResourcesTeamsReadTheirOwnAndTheGateFlagsEarly() throws Exception {
    TestClient office = TestClient.as(port, accounts, "office-r", Role.OFFICE);
    TestClient hanbit = team("hanbit");
    var decided = Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    assertThat(decided.survivors()).contains("hanbit");

    String allocate =
        "/api/office/calls/seed-2025/resources/allocate?stage=1&from=2026-02-01&to=2026-08-01";
    hanbit.refused(403, "forbidden", "POST", allocate, null);
    JsonNode allocated = office.ok("POST", allocate, null);
    assertThat(allocated.get("stage").asInt()).isEqualTo(2);
    assertThat(allocated.get("allocations").toString())
        .contains("\"team\":\"hanbit\"")
        .contains("\"count\":512");
    var again = office.send("POST", allocate, null);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already recorded");

    // The operator measured hanbit's GPUs: 80% of nominal speed, 10% used.
    Map<String, Object> usage =
        Map.of(
            "team",
            "hanbit",
            "gpuType",
            "B200",
            "from",
            "2026-02-01",
            "to",
            "2026-03-01",
            "delivered",
            0.8,
            "utilisation",
            0.1);
    hanbit.refused(403, "forbidden", "POST", "/api/office/calls/seed-2025/resources/usage", usage);
    office.ok("POST", "/api/office/calls/seed-2025/resources/usage", usage);
    var badType = new java.util.HashMap<>(usage);
    badType.put("gpuType", "TPU");
    assertThat(
            office
                .send("POST", "/api/office/calls/seed-2025/resources/usage", badType)
                .statusCode())
        .isEqualTo(400);

    // Open-source levels are read from the released repositories, not declared.
    release(
        "hanbit",
        "Apache License\nVersion 2.0, January 2004",
        "model.safetensors",
        "train.py",
        "datasheet.md");
    release("baekdu", "Creative Commons Attribution-NonCommercial 4.0", "model.safetensors");
    hanbit.refused(403, "forbidden", "POST", "/api/office/teams/hanbit/open-level", null);
    assertThat(
            office
                .ok("POST", "/api/office/teams/hanbit/open-level?date=2026-03-02", null)
                .get("current")
                .asString())
        .isEqualTo("FULL_OPEN");
    assertThat(
            office
                .ok("POST", "/api/office/teams/baekdu/open-level?date=2026-03-02", null)
                .get("current")
                .asString())
        .isEqualTo("RESEARCH_ONLY");
    // A team id that would leave the releases folder is refused.
    assertThat(office.send("POST", "/api/office/teams/../open-level", null).statusCode())
        .isIn(400, 404);
    assertThat(office.send("POST", "/api/office/teams/..%2E/open-level", null).statusCode())
        .isIn(400, 404);

    // A team reads its own resources and level, never another team's.
    JsonNode mine = hanbit.ok("GET", "/api/office/teams/hanbit/resources?call=seed-2025", null);
    assertThat(mine.get("allocations")).hasSize(1);
    JsonNode account = mine.get("account").get(0);
    assertThat(account.get("promised").asDouble())
        .isGreaterThan(account.get("delivered").asDouble());
    assertThat(account.get("credit").asDouble()).isPositive();
    assertThat(hanbit.ok("GET", "/api/office/teams/hanbit/open-level", null).get("history"))
        .hasSize(1);
    hanbit.refused(
        403, "forbidden", "GET", "/api/office/teams/baekdu/resources?call=seed-2025", null);
    hanbit.refused(403, "forbidden", "GET", "/api/office/teams/baekdu/open-level", null);
    new TestClient(port)
        .refused(401, "unauthenticated", "GET", "/api/office/teams/hanbit/open-level", null);

    // hanbit built 1,000 bytes of data and opened 300 of them (the registry's recorded volumes).
    office.ok("POST", "/api/data/teams", Map.of("id", "hanbit"));
    office.ok("POST", "/api/data/suppliers", Map.of("id", "hanbit-lab", "name", "Hanbit lab"));
    var dataset = new java.util.HashMap<String, String>();
    dataset.put("id", "hanbit-web");
    dataset.put("title", "한빛 웹 말뭉치 / Hanbit web corpus");
    dataset.put("licence", "CC BY 4.0");
    dataset.put("modality", "text");
    dataset.put("rightsBasis", "built by the team from licensed crawls");
    dataset.put("usageWho", "hanbit");
    dataset.put("usagePurpose", "pre-training");
    dataset.put("commercial", "true");
    dataset.put("termStart", "2026-01-01");
    dataset.put("termEnd", "2027-12-31");
    dataset.put("priceKrw", "0");
    dataset.put("provenance", "team-built");
    dataset.put("governmentFunded", "false");
    office.ok("POST", "/api/data/datasets?supplier=hanbit-lab", dataset);
    for (var v :
        java.util.List.of(
            Map.of("version", "v1", "bytes", 700, "records", 7, "opened", false),
            Map.of("version", "v2", "bytes", 300, "records", 3, "opened", true))) {
      var body = new java.util.HashMap<String, Object>(v);
      body.put("builtBy", "hanbit");
      hanbit.ok("POST", "/api/data/datasets/hanbit-web/versions", body);
    }

    // The continuation gate, checked before the stage date: who would fail, and why.
    hanbit.refused(
        403,
        "forbidden",
        "GET",
        "/api/office/calls/seed-2025/continuation?stage=2&stageDate=2099-01-01",
        null);
    JsonNode gate =
        office.ok(
            "GET", "/api/office/calls/seed-2025/continuation?stage=2&stageDate=2099-01-01", null);
    String flags = gate.get("flags").toString();
    assertThat(flags)
        .contains("\"team\":\"hanbit\",\"condition\":\"minUtilisation\"")
        .contains("mean utilisation 10% over 28 reported day(s) is below 30%")
        .contains("checked level RESEARCH_ONLY is below OPEN_WEIGHTS_COMMERCIAL")
        .contains("검사된 공개 수준 RESEARCH_ONLY이(가) OPEN_WEIGHTS_COMMERCIAL보다 낮습니다")
        // The openness obligation, from the data registry, explained in both languages.
        .contains(
            "\"team\":\"hanbit\",\"condition\":\"minOpenedDataShare\",\"detail\":\"opened 300"
                + " of 1000 bytes of the data it built (30%); at least 50% must be opened: open 200"
                + " more bytes\"")
        .contains(
            "구축한 데이터 1000 bytes 중 300 bytes(30%)만 개방했습니다; 50% 이상 개방해야 하므로 200 bytes를 더 개방해야 합니다")
        .contains(
            "\"team\":\"baekdu\",\"condition\":\"minOpenedDataShare\",\"detail\":\"not in the"
                + " data registry");
    // Once half is opened the data criterion passes for hanbit.
    hanbit.ok(
        "POST",
        "/api/data/datasets/hanbit-web/versions",
        Map.of("version", "v3", "bytes", 500, "records", 5, "opened", true, "builtBy", "hanbit"));
    assertThat(
            office
                .ok(
                    "GET",
                    "/api/office/calls/seed-2025/continuation?stage=2&stageDate=2099-01-01",
                    null)
                .get("flags")
                .toString())
        .doesNotContain("\"team\":\"hanbit\",\"condition\":\"minOpenedDataShare\"");
    assertThat(gate.get("passing").toString()).doesNotContain("hanbit", "baekdu");
    assertThat(gate.get("daysLeft").asLong()).isPositive();
    var late =
        office.send(
            "GET", "/api/office/calls/seed-2025/continuation?stage=2&stageDate=2020-01-01", null);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("warns before it");
    assertThat(ledger.verify().intact()).as(ledger.verify().describe()).isTrue();
  }
}
