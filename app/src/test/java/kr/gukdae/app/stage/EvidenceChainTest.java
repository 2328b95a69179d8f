package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.app.review.ReviewService;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.stage.Explanation;
import kr.gukdae.stage.StageResult.Outcome;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole evidence chain on a fresh database with no hand-written evidence: the programme is
 * loaded, every feature measures, readiness turns complete, the stage is decided from what was
 * recorded, and the decision explains each outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceChainTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    Path home = Files.createTempDirectory("gukdae-chain");
    registry.add("gukdae.home", home::toString);
    registry.add("gukdae.arena.models", () -> String.join(",", ChainFixture.arenaModels()));
    registry.add("gukdae.arena.battles-per-minute", () -> "10000");
    registry.add("gukdae.arena.votes-per-minute", () -> "10000");
    registry.add("gukdae.arena.daily-votes-public", () -> "100000");
  }

  @LocalServerPort int port;
  @Autowired StageService stages;
  @Autowired ReviewService reviews;
  @Autowired EvalService eval;
  @Autowired kr.gukdae.app.eval.EvalStore evals;
  @Autowired OriginalityStore originality;
  @Autowired LineageEvidenceRepository lineage;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  /** Follows a trail of links; each answers 200 and shows the texts its link names. */
  private static void follow(TestClient office, JsonNode trail, java.util.Set<String> followed)
      throws Exception {
    for (JsonNode link : trail) {
      String href = link.path("href").asString();
      var response = office.send("GET", href, null);
      assertThat(response.statusCode()).as(href + " " + response.body()).isEqualTo(200);
      for (JsonNode shows : link.path("shows")) {
        assertThat(response.body()).as(href).contains(shows.asString());
      }
      followed.add(href);
    }
  }

  @Test
  void everyMeasurementReachesTheDecisionByItself(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("programme.yaml");
    Files.writeString(file, ChainFixture.programme());
    Programmes.Loaded loaded = stages.load(file, "office");

    Readiness empty = stages.status(loaded, 1);
    assertThat(empty.complete()).isFalse();
    assertThat(empty.teams().getFirst().items())
        .allMatch(i -> i.state() == Readiness.State.MISSING);

    try (var server = FakeOpenAiServer.start()) {
      ChainFixture.evaluate(eval, server);
    }
    // alpha's training text held three arithmetic items: the audit of its run finds them, and the
    // clean-subset score travels to the decision and the team's report.
    var alphaRun =
        evals.runs().stream()
            .filter(r -> r.model().endsWith("fake-alpha"))
            .findFirst()
            .orElseThrow();
    Path runDir = Path.of(alphaRun.outputDir());
    var grams =
        new kr.gukdae.data.ngram.NgramFilter(
            kr.gukdae.data.ngram.NgramParams.of(8, kr.gukdae.data.ngram.Normaliser.WORDS_1, 16, 4));
    java.util.List<String> arith =
        java.util.List.of(
            new String(
                    getClass()
                        .getResourceAsStream("/kr/gukdae/eval/tasks/builtin/demo/arith_test.jsonl")
                        .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)
                .split("\n"));
    for (String line : arith.subList(0, 3)) {
      grams.addDocument("web page " + ChainFixture.JSON.readTree(line).path("question").asString());
    }
    var audits =
        kr.gukdae.data.ngram.RunAudit.audit(
            runDir,
            new kr.gukdae.data.ngram.ContaminationCheck(
                grams,
                kr.gukdae.data.ngram.ContaminationCheck.Method.PALM_8GRAM_70,
                kr.gukdae.data.ngram.Normaliser.WORDS_1,
                "alpha.ngrams"),
            grams.falsePositiveRate(),
            java.util.List.of("question"));
    var arithAudit =
        audits.stream().filter(a -> a.task().equals("demo_arith")).findFirst().orElseThrow();
    assertThat(arithAudit.contaminated()).isEqualTo(3);
    assertThat(evals.auditRecorded(runDir)).isEqualTo(alphaRun.id());
    // Under the arena's per-network limit for unverified voters (30 a minute): all from loopback
    // here.
    assertThat(ChainFixture.vote(port, jdbc, 28)).isEqualTo(28);
    ChainFixture.originality(originality, stages, loaded, dir.resolve("weights"));
    var roots = kr.gukdae.stage.EvaluationPlan.of(loaded.program()).lineageRoots();
    // A count over all time is not the stage's count: it is shown, marked stale, and not used.
    var all = kr.gukdae.lineage.Lineage.demo();
    lineage.save(
        all.count(roots.get("alpha"), kr.gukdae.lineage.CountRules.defaults()), all.report(), "x");
    var staleCount =
        stages.status(loaded, 1).teams().getFirst().items().stream()
            .filter(i -> i.component().equals("derivatives"))
            .findFirst()
            .orElseThrow();
    assertThat(staleCount.state()).isEqualTo(Readiness.State.STALE);
    assertThat(staleCount.detail().en()).contains("counted for another window");
    roots.values().forEach(root -> ChainFixture.derivatives(lineage, root));

    TestClient office = TestClient.as(port, accounts, "office1", Role.OFFICE);
    // Deciding before the review sheets are in is refused, the missing evidence named in both.
    JsonNode early =
        office.refused(400, "bad_input", "POST", "/api/stage/decisions", Map.of("stage", 1));
    assertThat(early.path("messageKo").asString())
        .startsWith("1단계 증거: 문제 ")
        .contains("/expert-review: 전문가 평가표 없음 (증거를 제출하거나 scheme.missingEvidence: zero로 설정하세요)")
        .doesNotContain("no expert review sheets", "supply it");
    assertThat(early.path("messageEn").asString())
        .startsWith("stage 1 evidence: ")
        .contains("/expert-review: no expert review sheets (supply it, or set")
        .doesNotContainPattern("[가-힣]");
    office.ok("POST", "/api/review/panels", Map.of("stage", 1));
    var conflicted =
        office.send(
            "POST",
            "/api/review/assignments",
            Map.of("stage", 1, "reviewer", "rv1", "team", "alpha"));
    assertThat(conflicted.statusCode()).isEqualTo(400);
    assertThat(conflicted.body()).contains("conflict of interest");
    String pdf =
        java.util.Base64.getEncoder()
            .encodeToString(
                "%PDF-1.4\n% technical report\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Map<String, TestClient> reviewers = new java.util.LinkedHashMap<>();
    for (String rv : new String[] {"rv2", "rv3", "rv4"}) {
      reviewers.put(rv, TestClient.as(port, accounts, rv, Role.REVIEWER));
    }
    double[] level = {9, 7, 6, 8};
    for (int t = 0; t < ChainFixture.TEAMS.size(); t++) {
      String team = ChainFixture.TEAMS.get(t);
      office.ok(
          "POST",
          "/api/review/artefacts",
          Map.of(
              "stage",
              1,
              "team",
              team,
              "kind",
              "TECHNICAL_REPORT",
              "name",
              team + ".pdf",
              "base64",
              pdf));
      for (String rv : reviewers.keySet()) {
        office.ok(
            "POST", "/api/review/assignments", Map.of("stage", 1, "reviewer", rv, "team", team));
        double s = level[t] + (rv.equals("rv3") ? 0.5 : 0);
        reviewers
            .get(rv)
            .ok(
                "PUT",
                "/api/review/sheets",
                Map.of(
                    "stage",
                    1,
                    "team",
                    team,
                    "items",
                    Map.of("design", s, "report", s - 1),
                    "comment",
                    "notes " + rv,
                    "submit",
                    true));
      }
    }
    // A reviewer not assigned to a team cannot file a sheet for it, nor read its artefacts.
    TestClient stranger = TestClient.as(port, accounts, "rv1", Role.REVIEWER);
    stranger.refused(
        403,
        "forbidden",
        "PUT",
        "/api/review/sheets",
        Map.of(
            "stage",
            1,
            "team",
            "alpha",
            "items",
            Map.of("design", 10, "report", 10),
            "submit",
            true));
    stranger.refused(403, "forbidden", "GET", "/api/review/artefacts/1", null);
    assertThat(stranger.ok("GET", "/api/review/mine?stage=1", null).path("assignments")).isEmpty();
    reviewers.get("rv2").refused(403, "forbidden", "GET", "/api/review/progress?stage=1", null);
    // Submitted is final, for the reviewer and for a second tab alike.
    var resubmit =
        reviewers
            .get("rv2")
            .send(
                "PUT",
                "/api/review/sheets",
                Map.of(
                    "stage",
                    1,
                    "team",
                    "alpha",
                    "items",
                    Map.of("design", 1, "report", 1),
                    "submit",
                    true));
    assertThat(resubmit.statusCode()).isEqualTo(400);
    assertThat(resubmit.body()).contains("already submitted");

    Readiness ready = stages.status(loaded, 1);
    assertThat(ready.teams())
        .allSatisfy(t ->
            assertThat(t.items())
                .as(t.team())
                .allMatch(i -> i.state() == Readiness.State.PRESENT, "present"));
    assertThat(ready.complete()).isTrue();

    StageService.Decided decided = stages.decide(loaded, 1, "office", true, null);
    var result = decided.result();
    assertThat(result.team("delta").orElseThrow().outcome()).isEqualTo(Outcome.ELIMINATED_GATE);
    assertThat(result.survivors()).hasSize(2).doesNotContain("delta");
    // Every number came from a feature: nothing in the workspace was imported.
    assertThat(stages.workspace().evidence(loaded.id(), 1)).noneMatch(StageEvidence::imported);
    var alpha = result.team("alpha").orElseThrow();
    assertThat(alpha.userRating()).isNotNull();
    assertThat(alpha.userRating().votes()).isPositive();

    var explained = Explanation.of(result, false);
    assertThat(explained).allSatisfy(e -> assertThat(e.rule().en()).isNotBlank());
    assertThat(
            explained.stream()
                .filter(e -> e.team().equals("delta"))
                .findFirst()
                .orElseThrow()
                .rule()
                .en())
        .startsWith("Originality gate failed");

    assertThatThrownBy(() -> stages.decide(loaded, 1, "office", true, " "))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("give a reason");
    assertThatThrownBy(() -> stages.decide(loaded, 1, "team-member", false, "mine"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("only the programme office");
    var again =
        office.ok(
            "POST", "/api/stage/decisions", Map.of("stage", 1, "reason", "review sheet corrected"));
    assertThat(again.path("supersedes").asLong()).isEqualTo(decided.ledgerSeq());
    assertThat(again.path("authoritative").asBoolean()).isTrue();
    long seq = again.path("seq").asLong();

    // The decision explains itself, and every link behind every number resolves, level by level,
    // each showing the number it came from.
    JsonNode explainedJson = office.ok("GET", "/api/stage/decisions/" + seq + "/explain", null);
    assertThat(explainedJson.path("cutLine").isNumber()).isTrue();
    java.util.Set<String> followed = new java.util.HashSet<>();
    for (JsonNode team : explainedJson.path("teams")) {
      assertThat(team.path("explanation").path("outcomeLabel").path("ko").asString())
          .doesNotContain("_");
      for (JsonNode c : team.path("components")) {
        assertThat(c.path("sources")).as(c.toString()).isNotEmpty();
        for (JsonNode src : c.path("sources")) {
          assertThat(src.path("trail").size()).as(src.toString()).isGreaterThanOrEqualTo(2);
          follow(office, src.path("trail"), followed);
        }
      }
      assertThat(team.path("gate")).hasSize(1);
      follow(office, team.path("gate").get(0).path("trail"), followed);
    }
    // benchmarks reach the run's samples, user evaluation the votes in the window, review the
    // sheets, originality the check's tensor table, derivatives the counted tree
    assertThat(followed)
        .anyMatch(l -> l.contains("/scored-samples?task="))
        .anyMatch(l -> l.startsWith("/api/arena/admin/votes?"))
        .anyMatch(l -> l.startsWith("/api/review/sheets/"))
        .anyMatch(l -> l.startsWith("/api/originality/reports/"))
        .anyMatch(l -> l.matches("/api/lineage/evidence/.+/tree"));
    // one level further: the voted battles and the artefacts the reviewers read
    for (String link : List.copyOf(followed)) {
      JsonNode body = office.ok("GET", link, null);
      if (link.startsWith("/api/arena/admin/votes?")) {
        assertThat(body.path("battles")).hasSize(body.path("votes").asInt());
        JsonNode battle =
            office.ok("GET", body.path("battles").get(0).path("link").asString(), null);
        assertThat(battle.toString())
            .contains(body.path("battles").get(0).path("battleId").asString());
      } else if (link.contains("/scored-samples?task=")) {
        assertThat(body.path("mean").asDouble())
            .isCloseTo(body.path("value").asDouble(), within(1e-9));
        assertThat(body.path("rows")).isNotEmpty();
        assertThat(body.path("rows").get(0).path("prompt").asString()).isNotBlank();
      } else if (link.startsWith("/api/review/sheets/")) {
        JsonNode artefact = body.path("artefacts").get(0);
        var opened =
            office.send("GET", "/api/review/artefacts/" + artefact.path("id").asLong(), null);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("X-Gukdae-Sha256"))
            .contains(artefact.path("sha256").asString());
      } else if (link.startsWith("/api/originality/reports/")) {
        assertThat(body.path("findings").get(0).path("tensors")).isNotEmpty();
      } else if (link.endsWith("/tree")) {
        assertThat(body.path("tree")).isNotEmpty();
      }
    }
    // A reviewer reads another reviewer's sheet of a team once their own is submitted; a reviewer
    // not on that team, and the public, never.
    String sheet =
        followed.stream()
            .filter(l -> l.startsWith("/api/review/sheets/"))
            .findFirst()
            .orElseThrow();
    reviewers.get("rv2").ok("GET", sheet, null);
    stranger.refused(403, "forbidden", "GET", sheet, null);
    new TestClient(port).refused(401, "unauthenticated", "GET", sheet, null);
    new TestClient(port)
        .refused(
            401,
            "unauthenticated",
            "GET",
            followed.stream().filter(l -> l.contains("/scored-samples?")).findFirst().orElseThrow(),
            null);
    // The clean subset sits next to the full score: on the decision page's data and in the report.
    JsonNode alphaGlobal =
        java.util.stream.StreamSupport.stream(explainedJson.path("teams").spliterator(), false)
            .filter(t -> t.path("explanation").path("team").asString().equals("alpha"))
            .flatMap(t ->
                java.util.stream.StreamSupport.stream(t.path("components").spliterator(), false))
            .filter(c -> c.path("line").path("id").asString().equals("global-benchmarks"))
            .findFirst()
            .orElseThrow();
    JsonNode clean = alphaGlobal.path("ratios").get(0).path("clean");
    assertThat(clean.path("contaminated").asInt()).isEqualTo(3);
    assertThat(clean.path("items").asInt()).isEqualTo(arithAudit.items());
    assertThat(clean.path("clean").asDouble())
        .isCloseTo(
            100 * arithAudit.clean().get("exact_match"), org.assertj.core.data.Offset.offset(1e-9));
    var alphaReport =
        office.send("GET", "/api/stage/decisions/" + seq + "/report?lang=en&team=alpha", null);
    assertThat(alphaReport.body())
        .contains("Clean-subset score")
        .contains("3/" + arithAudit.items() + " contaminated items, PALM_8GRAM_70");
    var earlier = office.ok("GET", "/api/stage/decisions", null);
    assertThat(earlier.get(0).path("authoritative").asBoolean()).isFalse();
    // Full results and explanations are the office's; the public summary is anyone's.
    new TestClient(port)
        .refused(401, "unauthenticated", "GET", "/api/stage/decisions/" + seq + "/explain", null);
    var summary =
        new TestClient(port).send("GET", "/api/stage/decisions/" + seq + "/report?lang=en", null);
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.body()).doesNotContain("breakdown (delta consortium)");
  }
}
