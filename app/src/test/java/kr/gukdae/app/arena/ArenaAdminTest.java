package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.gukdae.arena.Outcome;
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
 * The administrator page and its endpoints against the real app: non-administrators are refused and
 * change nothing; an administrator manages scenarios and criteria and reviews leak-flagged battles,
 * over HTTP and in a real Chromium. {@code scripted/leaky} names its vendor, so every battle here
 * is leak-flagged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArenaAdminTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN_PASSWORD = "admin-password-123";

  @LocalServerPort int port;
  @Autowired Arena arena;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.arena.models", () -> "scripted/alpha,scripted/leaky");
    registry.add("gukdae.arena.battles-per-minute", () -> "100");
  }

  final class Client extends TestClient {
    Client() {
      super(port);
    }

    Client login(String username, String password) throws Exception {
      ok("POST", "/api/arena/login", Map.of("username", username, "password", password));
      return this;
    }
  }

  long scenario(String title, String... criteria) {
    return arena
        .scenarios()
        .create(
            new Scenarios.Draft(title, "질문: " + title, "admin_test", "ko", List.of(criteria)),
            "setup");
  }

  void account(String username, VoterClass role) {
    arena.sessions().createAccount(username, ADMIN_PASSWORD, role);
  }

  /** A battle voted by its (public) voter; with scripted/leaky in it, it is never blind. */
  String leakyVotedBattle(Client voter) throws Exception {
    String id =
        voter
            .ok("POST", "/api/arena/battles", Map.of("prompt", "자기소개를 해 주세요"))
            .get("battleId")
            .asString();
    ArenaFixture.awaitAnswers(arena, id);
    voter.ok("POST", "/api/arena/battles/" + id + "/vote", Map.of("outcome", "A"));
    return id;
  }

  @Test
  void nonAdministratorsAreRefusedAndChangeNothing() throws Exception {
    long id = scenario("거절 확인", "정확성");
    account("expert_refused", VoterClass.EXPERT);
    Client anonymous = new Client();
    Client expert = new Client().login("expert_refused", ADMIN_PASSWORD);
    String battle = leakyVotedBattle(anonymous);
    int accounts = count("arena_account");
    int scenarios = count("arena_scenario");
    Map<String, Object> draft =
        Map.of("title", "x", "prompt", "y", "category", "c", "language", "ko");
    for (Client client : List.of(anonymous, expert)) {
      List<HttpResponse<String>> refused =
          List.of(
              client.send("GET", "/api/arena/admin/scenarios", null),
              client.send("POST", "/api/arena/admin/scenarios", draft),
              client.send(
                  "POST", "/api/arena/admin/scenarios/" + id + "/criteria", Map.of("name", "새 기준")),
              client.send(
                  "POST", "/api/arena/admin/scenarios/" + id + "/retired", Map.of("retired", true)),
              client.send("GET", "/api/arena/admin/battles/" + battle, null),
              client.send("GET", "/api/arena/admin/integrity", null),
              client.send(
                  "POST",
                  "/api/arena/admin/accounts",
                  Map.of("username", "sneaky", "password", "long-enough-pw", "role", "ADMIN")));
      // anonymous: sign in first (401); an expert is signed in but lacks the role (403)
      boolean anon = client == anonymous;
      for (var response : refused) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(anon ? 401 : 403);
        assertThat(response.body())
            .contains(anon ? "\"unauthenticated\"" : "\"forbidden\"")
            .doesNotContain("scripted");
      }
    }
    assertThat(count("arena_account")).isEqualTo(accounts);
    assertThat(count("arena_scenario")).isEqualTo(scenarios);
    var unchanged = arena.scenarios().findAny(id).orElseThrow();
    assertThat(unchanged.retired()).isFalse();
    assertThat(unchanged.criteria()).extracting(Scenarios.Criterion::name).containsExactly("정확성");
  }

  @Test
  void administratorsManageScenariosAndReviewLeakFlaggedBattlesOverHttp() throws Exception {
    long id = scenario("관리 확인", "정확성");
    account("admin_http", VoterClass.ADMIN);
    Client admin = new Client().login("admin_http", ADMIN_PASSWORD);
    Client voter = new Client();

    JsonNode added =
        admin.ok(
            "POST",
            "/api/arena/admin/scenarios/" + id + "/criteria",
            Map.of("name", "  근거 제시 ", "description", "출처를 밝혔는가"));
    var criteria = arena.scenarios().findAny(id).orElseThrow().criteria();
    assertThat(criteria).extracting(Scenarios.Criterion::name).containsExactly("정확성", "근거 제시");
    assertThat(criteria.get(1).id()).isEqualTo(added.get("id").asLong());
    assertThat(criteria.get(1).description()).isEqualTo("출처를 밝혔는가");
    var blank =
        admin.send("POST", "/api/arena/admin/scenarios/" + id + "/criteria", Map.of("name", " "));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("bad_name");
    assertThat(
            admin
                .send("POST", "/api/arena/admin/scenarios/999999/criteria", Map.of("name", "x"))
                .statusCode())
        .isEqualTo(404);

    admin.ok("POST", "/api/arena/admin/scenarios/" + id + "/retired", Map.of("retired", true));
    assertThat(ids(voter.ok("GET", "/api/arena/scenarios", null))).doesNotContain(id);
    JsonNode all = admin.ok("GET", "/api/arena/admin/scenarios", null);
    assertThat(ids(all)).contains(id);
    var onRetired = voter.send("POST", "/api/arena/battles", Map.of("scenarioId", id));
    assertThat(onRetired.statusCode()).isEqualTo(400);
    admin.ok("POST", "/api/arena/admin/scenarios/" + id + "/retired", Map.of("retired", false));
    assertThat(ids(voter.ok("GET", "/api/arena/scenarios", null))).contains(id);
    assertThat(
            admin
                .send("POST", "/api/arena/admin/scenarios/" + id + "/retired", Map.of())
                .statusCode())
        .isEqualTo(400);

    // Before its vote nobody, administrators included, sees a battle's models.
    String battle =
        voter
            .ok("POST", "/api/arena/battles", Map.of("prompt", "소개해 주세요"))
            .get("battleId")
            .asString();
    ArenaFixture.awaitAnswers(arena, battle);
    assertThat(admin.send("GET", "/api/arena/admin/battles/" + battle, null).statusCode())
        .isEqualTo(404);
    voter.ok("POST", "/api/arena/battles/" + battle + "/vote", Map.of("outcome", "tie"));
    JsonNode reviewed = admin.ok("GET", "/api/arena/admin/battles/" + battle, null);
    assertThat(reviewed.get("blind").asBoolean()).isFalse();
    assertThat(reviewed.get("leak").asString()).isNotBlank();
    assertThat(reviewed.get("turns").get(0).get("prompt").asString()).isEqualTo("소개해 주세요");
    assertThat(List.of(reviewed.get("modelA").asString(), reviewed.get("modelB").asString()))
        .containsExactlyInAnyOrder("scripted/alpha", "scripted/leaky");
    JsonNode integrity = admin.ok("GET", "/api/arena/admin/integrity", null);
    assertThat(integrity.get("excludedNonBlind").toString()).contains(battle, "scripted/leaky");
  }

  @Test
  void anAdministratorAddsACriterionAndRetiresAScenarioInTheBrowser() throws Exception {
    long id = scenario("브라우저 관리", "정확성");
    account("admin_browser", VoterClass.ADMIN);
    String leaky = leakyVotedBattle(new Client());
    try (Playwright playwright = kr.gukdae.web.Chromium.playwright();
        Browser browser = kr.gukdae.web.Chromium.launch(playwright)) {
      Page page = browser.newPage();
      page.navigate("http://127.0.0.1:" + port + "/arena/admin.html?lang=ko");
      page.waitForSelector("body[data-state=locked]");
      assertThat(page.textContent("h1")).isEqualTo("아레나 관리");
      assertThat(page.isVisible("#not-admin")).isTrue();
      assertThat(page.isVisible("#console")).isFalse();

      page.fill("#login-user", "admin_browser");
      page.fill("#login-pass", ADMIN_PASSWORD);
      page.click("#login button");
      page.waitForSelector("body[data-state=admin]");
      assertThat(page.isVisible("#login")).isFalse();
      assertThat(page.isVisible("#logout")).isTrue();
      String row = "tr[data-scenario='" + id + "']";
      assertThat(page.textContent(row)).contains("브라우저 관리", "정확성", "사용 중");

      page.fill(row + " .criterion-name", "간결성 <b>x</b>");
      page.fill(row + " .criterion-description", "세 줄 이내");
      page.click(row + " .add-criterion button");
      page.waitForSelector(row + " li:has-text('간결성')");
      assertThat(page.locator(row + " li b").count()).isZero(); // shown as text, not markup
      page.click(row + " button.retire");
      page.waitForSelector(row + " td.status:has-text('사용 중지')");

      var stored = arena.scenarios().findAny(id).orElseThrow();
      assertThat(stored.retired()).isTrue();
      assertThat(stored.criteria())
          .extracting(Scenarios.Criterion::name)
          .containsExactly("정확성", "간결성 <b>x</b>");
      assertThat(ids(new Client().ok("GET", "/api/arena/scenarios", null))).doesNotContain(id);

      // The leak-flagged battle is listed; its answers open as text.
      String leak = "tr[data-battle='" + leaky + "']";
      assertThat(page.textContent(leak)).contains("scripted/leaky");
      page.click(leak + " button.view");
      page.waitForSelector("#battle-detail pre.answer");
      assertThat(page.textContent("#battle-detail")).contains("자기소개를 해 주세요");

      // Administrators find the page from the arena; the link switches language with the page.
      page.navigate("http://127.0.0.1:" + port + "/arena/?lang=en");
      page.waitForSelector("#admin-link:not([hidden])");
      assertThat(page.textContent("#admin-link")).isEqualTo("Administrator page");
    }
    // The page changed the same rows the API shows.
    assertThat(arena.votes().reveal(leaky)).isNotNull();
    assertThat(arena.results().reviewed(leaky, arena.votes()).orElseThrow().outcome())
        .isEqualTo(Outcome.MODEL_A.wireName());
  }

  static List<Long> ids(JsonNode scenarios) {
    return scenarios.valueStream().map(s -> s.get("id").asLong()).toList();
  }

  int count(String table) {
    return JdbcClient.create(dataSource)
        .sql("SELECT count(*) FROM " + table)
        .query(Integer.class)
        .single();
  }
}
