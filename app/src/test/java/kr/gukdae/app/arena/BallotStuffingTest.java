package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The attack over real HTTP: after honest experts have ranked three models, a script votes
 * the last one up with 60 targeted votes, each from a fresh cookie. The per-network limit refuses
 * part of them, the detector quarantines the rest, the ranking stays as it was, and the admin
 * integrity report names the burst.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BallotStuffingTest {

  static final List<String> MODELS = List.of("scripted/alpha", "scripted/beta", "scripted/gamma");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> String.join(",", MODELS));
    registry.add("gukdae.arena.battles-per-minute", () -> "100");
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired DataSource dataSource;
  @Autowired Arena arena;

  /** Starts a battle and waits for both answers; null when the server refused to start one. */
  private String battle(TestClient client, String prompt) throws Exception {
    var started = client.send("POST", "/api/arena/battles", Map.of("prompt", prompt));
    if (started.statusCode() != 200) {
      assertThat(started.statusCode()).as(started.body()).isEqualTo(429);
      return null;
    }
    String id =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(started.body())
            .get("battleId")
            .asString();
    client.send("GET", "/api/arena/battles/" + id + "/turns/1/events", null);
    return id;
  }

  private String[] models(String battleId) {
    var row =
        JdbcClient.create(dataSource)
            .sql("SELECT model_a, model_b FROM arena_battle WHERE id = ?")
            .param(battleId)
            .query()
            .singleRow();
    return new String[] {(String) row.get("model_a"), (String) row.get("model_b")};
  }

  private List<String> ranking(TestClient client) throws Exception {
    List<String> order = new ArrayList<>();
    JsonNode board = client.ok("GET", "/api/arena/leaderboard?bootstrap=0", null);
    board.get("ratings").forEach(r -> order.add(r.get("model").asString()));
    return order;
  }

  @Test
  void sixtyTargetedVotesFromFreshCookiesNoLongerMoveTheRankingAndAreFlagged() throws Exception {
    // honest experts: alpha > beta > gamma
    int n = 0;
    for (int e = 0; e < 3; e++) {
      TestClient expert = TestClient.as(port, accounts, "expert-" + e, Role.EXPERT);
      for (int i = 0; i < 10; i++) {
        String id = battle(expert, "정직한 질문 " + n++);
        String[] m = models(id);
        String pick = MODELS.indexOf(m[0]) < MODELS.indexOf(m[1]) ? "A" : "B";
        expert.ok("POST", "/api/arena/battles/" + id + "/vote", Map.of("outcome", pick));
      }
    }
    TestClient reader = new TestClient(port);
    List<String> before = ranking(reader);
    assertThat(before).containsExactlyElementsOf(MODELS);

    // the attack: fresh cookie per vote, always for gamma
    int targeted = 0;
    int accepted = 0;
    int refused = 0;
    for (int attempt = 0; targeted < 60 && attempt < 200; attempt++) {
      TestClient fresh = new TestClient(port);
      String id = battle(fresh, "공격 질문 " + attempt);
      if (id == null) {
        refused++;
        targeted++;
        continue;
      }
      String[] m = models(id);
      int side = List.of(m).indexOf("scripted/gamma");
      if (side < 0) {
        continue;
      }
      targeted++;
      var vote =
          fresh.send(
              "POST",
              "/api/arena/battles/" + id + "/vote",
              Map.of("outcome", side == 0 ? "A" : "B"));
      if (vote.statusCode() == 200) {
        accepted++;
      } else {
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(429);
        refused++;
      }
    }
    assertThat(targeted).isEqualTo(60);
    assertThat(refused).as("the per-network limit bites").isPositive();
    assertThat(accepted).as("enough got through to test the detector").isGreaterThanOrEqualTo(20);

    assertThat(ranking(reader)).isEqualTo(before);
    // without the quarantine the same votes would have moved gamma off the bottom
    var unfiltered =
        kr.gukdae.arena.Ratings.bradleyTerry(
            arena.results().votes(new Results.Filter(null, null, null)).stream()
                .map(Results.VoteRow::battle)
                .toList(),
            kr.gukdae.arena.RatingOptions.builder().bootstrap(0).build());
    assertThat(unfiltered.ratings().getLast().model()).isNotEqualTo("scripted/gamma");
    TestClient office = TestClient.as(port, accounts, "office-stuffing", Role.OFFICE);
    JsonNode integrity = office.ok("GET", "/api/arena/admin/integrity", null);
    JsonNode flag = integrity.get("quarantined").get(0);
    assertThat(flag.get("model").asString()).isEqualTo("scripted/gamma");
    assertThat(flag.get("rule").asString()).isEqualTo("network-burst");
    assertThat(flag.get("source").asString()).isEqualTo("127.0.0.0/24");
    assertThat(flag.get("votes").asInt()).isEqualTo(accepted);
    assertThat(integrity.get("votesCounted").asInt()).isEqualTo(30);
  }
}
