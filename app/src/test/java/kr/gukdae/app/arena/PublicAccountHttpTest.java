package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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
import tools.jackson.databind.ObjectMapper;

/**
 * Public voters' optional accounts over HTTP on the real app: register, duplicate names, login, the
 * daily cap following the account across two cookies, administrator verification (403 for everyone
 * else), the verified flag fixed on each stored vote, and the VERIFIED leaderboard and export
 * slice. One scenario in order, because the registration limit counts per address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicAccountHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a-long-enough-password";

  @LocalServerPort int port;
  @Autowired Arena arena;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> "scripted/alpha,scripted/beta");
    registry.add("gukdae.arena.battles-per-minute", () -> "100");
    registry.add("gukdae.arena.daily-votes-public", () -> "2");
  }

  final class Client extends TestClient {
    Client() {
      super(port);
    }

    /** Starts a battle, waits for both answers and votes; the vote's HTTP reply. */
    HttpResponse<String> battleAndVote() throws Exception {
      String id =
          ok("POST", "/api/arena/battles", Map.of("prompt", "서울의 인구는?")).get("battleId").asString();
      ArenaFixture.awaitAnswers(arena, id);
      battles.add(id);
      return send("POST", "/api/arena/battles/" + id + "/vote", Map.of("outcome", "A"));
    }

    final List<String> battles = new ArrayList<>();
  }

  static Map<String, String> form(String username, String password) {
    return Map.of("username", username, "password", password);
  }

  boolean storedVerified(String battleId) {
    return JdbcClient.create(dataSource)
        .sql("SELECT verified FROM arena_vote WHERE battle_id = ?")
        .param(battleId)
        .query(Boolean.class)
        .single();
  }

  @Test
  void publicAccountsRegisterVoteAndGetVerified() throws Exception {
    // Register: signed in at once, still a public voter.
    Client alice = new Client();
    alice.ok("GET", "/api/arena/session", null);
    JsonNode registered = alice.ok("POST", "/api/arena/register", form("alice.k", PASSWORD));
    assertThat(registered.get("voterClass").asString()).isEqualTo("PUBLIC");
    assertThat(registered.get("verified").asBoolean()).isFalse();
    JsonNode session = alice.ok("GET", "/api/arena/session", null);
    assertThat(session.get("username").asString()).isEqualTo("alice.k");
    assertThat(session.get("voterClass").asString()).isEqualTo("PUBLIC");
    assertThat(session.get("dailyCap").asInt()).isEqualTo(2);

    // Duplicate name and bad input: the same codes as account creation, nothing written.
    Client other = new Client();
    other.refused(409, "taken", "POST", "/api/arena/register", form("alice.k", PASSWORD));
    other.refused(400, "bad_username", "POST", "/api/arena/register", form("a b", PASSWORD));
    other.refused(400, "bad_password", "POST", "/api/arena/register", form("carol", "short"));
    assertThat(arena.sessions().unverified())
        .extracting(Sessions.Unverified::username)
        .containsExactly("alice.k");

    // The daily cap (2) follows the account across two cookies; an anonymous voter is separate.
    Client aliceElsewhere = new Client();
    aliceElsewhere.ok("POST", "/api/arena/login", form("alice.k", PASSWORD));
    assertThat(alice.battleAndVote().statusCode()).isEqualTo(200);
    assertThat(aliceElsewhere.battleAndVote().statusCode()).isEqualTo(200);
    assertThat(alice.battleAndVote().body()).contains("daily_cap");
    assertThat(aliceElsewhere.battleAndVote().body()).contains("daily_cap");
    Client anonymous = new Client();
    assertThat(anonymous.battleAndVote().statusCode()).isEqualTo(200);
    other.refused(401, "bad_login", "POST", "/api/arena/login", form("alice.k", "wrong-password"));

    // Bob registers (the fifth registration from this address) and votes before verification.
    Client bob = new Client();
    bob.ok("POST", "/api/arena/register", form("bob", PASSWORD));
    other.refused(429, "rate_limited", "POST", "/api/arena/register", form("dave", PASSWORD));
    assertThat(bob.battleAndVote().statusCode()).isEqualTo(200);

    // Only administrators list and verify accounts; anonymous callers get 401, other accounts 403.
    String verifyBob = "/api/arena/admin/accounts/bob/verify";
    anonymous.refused(401, "unauthenticated", "GET", "/api/arena/admin/accounts/unverified", null);
    anonymous.refused(401, "unauthenticated", "POST", verifyBob, null);
    bob.refused(403, "forbidden", "POST", verifyBob, null);
    arena.sessions().createAccount("lee", PASSWORD, VoterClass.EXPERT);
    Client expert = new Client();
    expert.ok("POST", "/api/arena/login", form("lee", PASSWORD));
    expert.refused(403, "forbidden", "POST", verifyBob, null);
    assertThat(arena.sessions().unverified()).hasSize(2);

    arena.sessions().createAccount("kim", PASSWORD, VoterClass.ADMIN);
    Client admin = new Client();
    admin.ok("POST", "/api/arena/login", form("kim", PASSWORD));
    JsonNode pending = admin.ok("GET", "/api/arena/admin/accounts/unverified", null);
    assertThat(pending.findValuesAsString("username")).containsExactly("alice.k", "bob");
    JsonNode verified = admin.ok("POST", verifyBob, null);
    assertThat(verified.get("verifiedBy").asString()).isEqualTo("kim");
    admin.refused(409, "not_verifiable", "POST", verifyBob, null);
    admin.refused(409, "not_verifiable", "POST", "/api/arena/admin/accounts/lee/verify", null);
    admin.refused(404, "not_found", "POST", "/api/arena/admin/accounts/nobody/verify", null);
    assertThat(
            admin
                .ok("GET", "/api/arena/admin/accounts/unverified", null)
                .findValuesAsString("username"))
        .containsExactly("alice.k");
    var recorded =
        JdbcClient.create(dataSource)
            .sql("SELECT verified_by, verified_at FROM arena_account WHERE username = 'bob'")
            .query((rs, i) -> rs.getString(1) + " " + (rs.getObject(2) != null))
            .single();
    assertThat(recorded).isEqualTo("kim true");

    // Bob's same cookie now votes as verified; his earlier vote keeps what it was.
    assertThat(bob.ok("GET", "/api/arena/session", null).get("verified").asBoolean()).isTrue();
    assertThat(bob.battleAndVote().statusCode()).isEqualTo(200);
    assertThat(storedVerified(bob.battles.get(0))).isFalse();
    assertThat(storedVerified(bob.battles.get(1))).isTrue();
    assertThat(storedVerified(alice.battles.get(0))).isFalse();
    assertThat(storedVerified(anonymous.battles.get(0))).isFalse();

    // Leaderboard and export slices: VERIFIED is bob's second vote only, PUBLIC all five.
    String board = "/api/arena/leaderboard?bootstrap=0&";
    assertThat(anonymous.ok("GET", board + "voters=VERIFIED", null).get("votes").asInt())
        .isEqualTo(1);
    assertThat(anonymous.ok("GET", board + "voterClass=verified", null).get("votes").asInt())
        .isEqualTo(1);
    assertThat(anonymous.ok("GET", board + "voterClass=public", null).get("votes").asInt())
        .isEqualTo(5);
    anonymous.refused(400, "bad_voterClass", "GET", board + "voters=everyone", null);
    JsonNode slice = anonymous.ok("GET", "/api/arena/export?voters=VERIFIED", null);
    assertThat(slice).hasSize(1);
    assertThat(slice.get(0).get("question_id").asString()).isEqualTo(bob.battles.get(1));
    assertThat(slice.get(0).get("verified").asBoolean()).isTrue();
    assertThat(slice.get(0).get("voter_class").asString()).isEqualTo("public");
    JsonNode all = anonymous.ok("GET", "/api/arena/export", null);
    assertThat(all.findValues("verified")).hasSize(5).filteredOn(JsonNode::asBoolean).hasSize(1);
  }
}
