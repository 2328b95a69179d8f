package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The REST API over real HTTP: accounts, scenarios, SSE, votes, rubric, leaderboard, export. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArenaHttpTest {

  static final List<String> MODELS = List.of("scripted/alpha", "scripted/beta");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Arena arena;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> String.join(",", MODELS));
    registry.add("gukdae.arena.battles-per-minute", () -> "100");
  }

  /** A browser-like client: its own cookie jar. */
  final class Client extends TestClient {
    Client() {
      super(port);
    }

    /** Starts a battle, reads its event stream to the end, and returns the battle id. */
    String battle(Map<String, Object> form) throws Exception {
      String id = ok("POST", "/api/arena/battles", form).get("battleId").asString();
      var events = send("GET", "/api/arena/battles/" + id + "/turns/1/events", null);
      assertThat(events.headers().firstValue("content-type").orElse(""))
          .startsWith("text/event-stream");
      assertThat(events.body()).contains("event:delta", "event:done", "event:end");
      for (String model : MODELS) {
        assertThat(events.body()).doesNotContain(model);
      }
      return id;
    }
  }

  @Test
  void expertsScenariosRubricLeaderboardExportAndIntegrity() throws Exception {
    arena.sessions().createAccount("admin1", "correct-horse-battery", VoterClass.ADMIN);
    Client admin = new Client();
    Client voter = new Client();
    assertThat(admin.ok("GET", "/api/arena/session", null).get("voterClass").asString())
        .isEqualTo("PUBLIC");
    var wrong =
        admin.send("POST", "/api/arena/login", Map.of("username", "admin1", "password", "nope"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("bad_login");
    admin.ok(
        "POST",
        "/api/arena/login",
        Map.of("username", "admin1", "password", "correct-horse-battery"));
    assertThat(admin.ok("GET", "/api/arena/session", null).get("voterClass").asString())
        .isEqualTo("ADMIN");

    Map<String, Object> draft =
        Map.of(
            "title", "공문서 요약",
            "prompt", "다음 공문을 세 줄로 요약하세요: 국가대표 AI 모델 평가 일정 안내",
            "category", "summary",
            "language", "ko",
            "criteria", List.of("정확성", "유창성"));
    assertThat(voter.send("POST", "/api/arena/admin/scenarios", draft).statusCode()).isEqualTo(401);
    long scenarioId = admin.ok("POST", "/api/arena/admin/scenarios", draft).get("id").asLong();
    var badDraft =
        admin.send(
            "POST",
            "/api/arena/admin/scenarios",
            Map.of("title", "x", "prompt", "y", "category", "Bad Category", "language", "ko"));
    assertThat(badDraft.statusCode()).isEqualTo(400);
    assertThat(badDraft.body()).contains("bad_category", "lower-case");
    JsonNode scenarios = voter.ok("GET", "/api/arena/scenarios", null);
    assertThat(scenarios.get(0).get("criteria")).hasSize(2);

    String expertBattle = admin.battle(Map.of("scenarioId", scenarioId));
    long c1 = scenarios.get(0).get("criteria").get(0).get("id").asLong();
    long c2 = scenarios.get(0).get("criteria").get(1).get("id").asLong();
    var scores =
        Map.of(
            "scores",
            List.of(
                Map.of("side", "A", "criterionId", c1, "score", 5, "comment", "정확함"),
                Map.of("side", "B", "criterionId", c1, "score", 2, "comment", ""),
                Map.of("side", "A", "criterionId", c2, "score", 4, "comment", "")));
    admin.ok("POST", "/api/arena/battles/" + expertBattle + "/rubric", scores);
    var again = admin.send("POST", "/api/arena/battles/" + expertBattle + "/rubric", scores);
    assertThat(again.statusCode()).isEqualTo(409);
    var bad =
        admin.send(
            "POST",
            "/api/arena/battles/" + expertBattle + "/rubric",
            Map.of("scores", List.of(Map.of("side", "A", "criterionId", c1, "score", 9))));
    assertThat(bad.statusCode()).isEqualTo(400);
    // the rubric is blind: rated as A and B before the vote reveals the names, never after
    JsonNode reveal =
        admin.ok("POST", "/api/arena/battles/" + expertBattle + "/vote", Map.of("outcome", "A"));
    assertThat(List.of(reveal.get("modelA").asString(), reveal.get("modelB").asString()))
        .containsExactlyInAnyOrderElementsOf(MODELS);
    admin.refused(
        409, "revealed", "POST", "/api/arena/battles/" + expertBattle + "/rubric", scores);
    // per-model rubric aggregates would unblind voters: the office and reviewers only
    assertThat(voter.send("GET", "/api/arena/rubric", null).statusCode()).isEqualTo(401);
    JsonNode rubric = admin.ok("GET", "/api/arena/rubric", null);
    assertThat(rubric).hasSize(3);

    // A public voter who always picks side A: counted, and reported for position bias.
    String publicScenarioBattle = voter.battle(Map.of("scenarioId", scenarioId));
    assertThat(
            voter
                .send("POST", "/api/arena/battles/" + publicScenarioBattle + "/rubric", scores)
                .statusCode())
        .isEqualTo(401);
    for (int i = 0; i < 11; i++) {
      String id = voter.battle(Map.of("prompt", "질문 번호 " + i));
      voter.ok("POST", "/api/arena/battles/" + id + "/vote", Map.of("outcome", "A"));
    }
    var unknown = voter.send("POST", "/api/arena/battles/nope/vote", Map.of("outcome", "A"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("unknown_battle");
    var stolen =
        voter.send("POST", "/api/arena/battles/" + expertBattle + "/vote", Map.of("outcome", "B"));
    assertThat(stolen.statusCode()).isEqualTo(403);

    JsonNode board = voter.ok("GET", "/api/arena/leaderboard", null);
    assertThat(board.get("battles").asInt()).isEqualTo(12);
    assertThat(board.get("ratings")).hasSize(2);
    for (JsonNode row : board.get("ratings")) {
      assertThat(row.get("lower").asDouble()).isLessThanOrEqualTo(row.get("rating").asDouble());
      assertThat(row.get("upper").asDouble()).isGreaterThanOrEqualTo(row.get("rating").asDouble());
    }
    assertThat(
            voter.ok("GET", "/api/arena/leaderboard?voterClass=admin", null).get("battles").asInt())
        .isEqualTo(1);
    assertThat(
            voter.ok("GET", "/api/arena/leaderboard?category=summary", null).get("battles").asInt())
        .isEqualTo(1);
    assertThat(voter.ok("GET", "/api/arena/leaderboard?minBattles=100", null).get("ratings"))
        .isEmpty();

    var export = voter.send("GET", "/api/arena/export?language=ko", null);
    JsonNode rows = JSON.readTree(export.body());
    assertThat(rows).hasSize(12);
    assertThat(rows.get(0).get("winner").asString()).isEqualTo("model_a");
    assertThat(rows.get(0).has("model_a")).isTrue();
    assertThat(export.body()).doesNotContain("admin1").contains("\"anony\":true");

    assertThat(voter.send("GET", "/api/arena/admin/integrity", null).statusCode()).isEqualTo(401);
    JsonNode integrity = admin.ok("GET", "/api/arena/admin/integrity", null);
    assertThat(integrity.get("outliers")).hasSize(1);
    assertThat(integrity.get("outliers").get(0).get("reasons").toString()).contains("side A");
  }
}
