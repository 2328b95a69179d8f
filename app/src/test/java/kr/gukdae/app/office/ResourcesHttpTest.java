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
    // The outcome also gives stage 2's data budget and talent cap, which the data budget reads.
    assertThat(allocated.get("teams").toString())
        .contains("\"team\":\"hanbit\"")
        .contains("\"dataBudget\":2800000000")
        .contains("\"talentCapPerYear\":2000000000");
    assertThat(
            office
                .ok("GET", "/api/office/teams/hanbit/data-budget?call=seed-2025", null)
                .get("budget")
                .asLong())
        .isEqualTo(5_600_000_000L);
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
    JsonNode history = hanbit.ok("GET", "/api/office/teams/hanbit/open-level", null).get("history");
    assertThat(history).hasSize(1);
    // The finding's reasons as recorded: a code and both languages.
    JsonNode licence = history.get(0).get("reasons").get(0);
    assertThat(licence.get("code").asString()).isEqualTo("LICENCE");
    assertThat(licence.get("ko").asString()).contains("상업 이용 허용");
    assertThat(licence.get("en").asString()).contains("commercial use allowed");
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

  @Test
  void dataPurchaseBudgetsAndTalentAreOfficeWrittenAndTeamsReadTheirOwn() throws Exception {
    TestClient office = TestClient.as(port, accounts, "office-s", Role.OFFICE);
    TestClient mirae = team("mirae");
    TestClient dokdo = team("dokdo");
    String purchase = "/api/office/calls/seed-2025/data/purchase";
    String body =
        """
        {"offers": [{"id": "news", "supplier": "press", "price": 4000000000},
                    {"id": "web", "supplier": "crawl", "price": 5000000000},
                    {"id": "books", "supplier": "pub", "price": 3000000000}],
         "wishes": [{"team": "mirae", "ranked": ["news", "books"]},
                    {"team": "dokdo", "ranked": ["web", "news"]}]}\
        """;
    mirae.refused(403, "forbidden", "POST", purchase, body);
    refused(office, purchase, "{\"offers\": [], \"wishez\": []}", "wishez", "unknown key");
    // 100억 joint budget: news + web (5 points, 90억) beats every other set that fits.
    JsonNode plan = office.ok("POST", purchase, body);
    assertThat(plan.get("bought").toString()).isEqualTo("[\"news\",\"web\"]");
    assertThat(plan.get("unmet").toString()).isEqualTo("[\"books\"]");
    refused(office, purchase, body, "already recorded", "공동구매");
    JsonNode mine = mirae.ok("GET", purchase, null);
    assertThat(mine.get("bought").toString()).contains("news");
    assertThat(mine.get("wishes").toString()).contains("mirae").doesNotContain("dokdo");
    new TestClient(port).refused(401, "unauthenticated", "GET", purchase, null);

    // Each team's own data budget (28억 in the seed example).
    String spending = "/api/office/calls/seed-2025/data/spending";
    Map<String, Object> labelling =
        Map.of("team", "mirae", "item", "labelling", "amount", 2_000_000_000L, "on", "2026-03-01");
    mirae.refused(403, "forbidden", "POST", spending, labelling);
    office.ok("POST", spending, labelling);
    refused(
        office,
        spending,
        Map.of("team", "mirae", "item", "OCR", "amount", 900_000_000L, "on", "2026-04-01"),
        "exceeds the data budget by 100,000,000 KRW (budget 2,800,000,000, spent",
        "데이터 예산을 100,000,000원 넘습니다");
    refused(
        office,
        spending,
        Map.of("team", "mirae", "item", "x", "amount", -5, "on", "2026-04-01"),
        "amount must be above 0");
    JsonNode budget = ownOnly(mirae, dokdo, "/api/office/teams/mirae/data-budget?call=seed-2025");
    assertThat(budget.get("left").asLong()).isEqualTo(800_000_000L);
    assertThat(budget.get("lines")).hasSize(1);

    // Overseas talent: hired after the call (2025-06-20), with a contract, capped at 20억 a year.
    String hires = "/api/office/calls/seed-2025/talent/hires";
    Map<String, Object> p1 = hire("mirae", "p1", "2025-09-01", 2026, 1_500_000_000L);
    mirae.refused(403, "forbidden", "POST", hires, p1);
    assertThat(office.ok("POST", hires, p1).get("line").get("granted").asLong())
        .isEqualTo(1_500_000_000L);
    refused(office, hires, p1, "already recorded");
    JsonNode capped =
        office.ok("POST", hires, hire("mirae", "p2", "2025-10-01", 2026, 1_000_000_000L));
    assertThat(capped.get("line").get("granted").asLong()).isEqualTo(500_000_000L);
    assertThat(capped.get("line").get("reason").asString()).contains("capped");
    JsonNode early = office.ok("POST", hires, hire("mirae", "p3", "2025-06-01", 2026, 100L));
    assertThat(early.get("line").get("granted").asLong()).isZero();
    assertThat(early.get("line").get("reason").asString())
        .contains("not after the call date 2025-06-20");

    // Support continues after elimination until the programme's date (2027-12-31), then stops.
    if (ledger.entries().stream().noneMatch(e -> e.kind().equals(Stages.DECISION))) {
      Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    }
    var decision =
        Stages.decisionOf(
            ledger.entries().stream()
                .filter(e -> e.kind().equals(Stages.DECISION))
                .findFirst()
                .orElseThrow());
    String out =
        decision.ranking().stream()
            .map(kr.gukdae.stage.StageResult.TeamResult::team)
            .filter(t -> !decision.survivors().contains(t))
            .findFirst()
            .orElseThrow();
    JsonNode continuing = office.ok("POST", hires, hire(out, "q1", "2025-09-01", 2027, 100L));
    assertThat(continuing.get("line").get("reason").asString())
        .contains("continues after elimination until 2027-12-31");
    JsonNode ended = office.ok("POST", hires, hire(out, "q1", "2025-09-01", 2028, 100L));
    assertThat(ended.get("line").get("granted").asLong()).isZero();
    assertThat(ended.get("line").get("reason").asString()).contains("support ran to 2027-12-31");

    assertThat(ownOnly(mirae, dokdo, "/api/office/teams/mirae/talent?call=seed-2025")).hasSize(3);

    // A call whose programme lacks the rules: the Korean half names the call in Korean
    JsonNode noResources =
        office.refused(
            400, "bad_input", "GET", "/api/office/calls/extra-2026/continuation?stage=2", null);
    assertThat(noResources.path("messageKo").asString())
        .startsWith("공모 extra-2026: ")
        .doesNotContain("call ");
    assertThat(noResources.path("messageEn").asString())
        .startsWith("call extra-2026: ")
        .doesNotContainPattern("[가-힣]");
    assertThat(
            office
                .refused(
                    400, "bad_input", "GET", "/api/office/calls/contest/continuation?stage=2", null)
                .path("messageKo")
                .asString())
        .startsWith("공모 contest: ")
        .contains("resources.continuation");
    JsonNode noSelfPayment =
        office.refused(
            400,
            "bad_input",
            "POST",
            "/api/office/calls/contest/teams/hanbit/self-payment",
            Map.of());
    assertThat(noSelfPayment.path("messageKo").asString())
        .startsWith("공모 contest: ")
        .contains("resources.selfPayment");
    assertThat(noSelfPayment.path("messageEn").asString())
        .startsWith("call contest: ")
        .doesNotContainPattern("[가-힣]");
    assertThat(ledger.verify().intact()).as(ledger.verify().describe()).isTrue();
  }

  /** A write the office makes and refuses: a 400 whose body names each of {@code parts}. */
  private static void refused(TestClient office, String path, Object body, String... parts)
      throws Exception {
    var response = office.send("POST", path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(parts);
  }

  /** A team's own record: the team reads it, another team is refused. */
  private static JsonNode ownOnly(TestClient owner, TestClient other, String path)
      throws Exception {
    JsonNode body = owner.ok("GET", path, null);
    other.refused(403, "forbidden", "GET", path, null);
    return body;
  }

  /** A talent hire with a contract on file, for the year and the matching amount asked. */
  private static Map<String, Object> hire(
      String team, String person, String hired, int year, long matching) {
    return Map.of(
        "team",
        team,
        "person",
        person,
        "hired",
        hired,
        "contractSha256",
        "a".repeat(64),
        "year",
        year,
        "matching",
        matching);
  }
}
