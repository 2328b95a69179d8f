package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sign-in, roles and sign-out over real HTTP, shared by every feature through one cookie. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessHttpTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  @Test
  void rolesTravelWithTheSessionAndLogoutEndsIt() throws Exception {
    TestClient office = TestClient.as(port, accounts, "office-a", Role.OFFICE, Role.REVIEWER);
    var me = office.ok("GET", "/api/access/me", null);
    assertThat(me.get("username").asString()).isEqualTo("office-a");
    assertThat(me.get("roles").toString()).isEqualTo("[\"OFFICE\",\"REVIEWER\"]");
    TestClient team = TestClient.as(port, accounts, "team-a1", Role.TEAM);
    assertThat(team.ok("GET", "/api/access/me", null).get("team").asString()).isEqualTo("team-a");

    // the same session reaches the arena's office pages
    office.ok("GET", "/api/arena/admin/integrity", null);
    team.refused(403, "forbidden", "GET", "/api/arena/admin/integrity", null);
    TestClient anonymous = new TestClient(port);
    anonymous.refused(401, "unauthenticated", "GET", "/api/arena/admin/integrity", null);
    assertThat(anonymous.ok("GET", "/api/access/me", null).get("signedIn").asBoolean()).isFalse();

    office.ok("POST", "/api/access/logout", null);
    office.refused(401, "unauthenticated", "GET", "/api/arena/admin/integrity", null);
  }

  @Test
  void wrongNamesAndPasswordsGetOneAnswerAndLookAlikesAreRefused() throws Exception {
    accounts.create("admin1", TestClient.PASSWORD, java.util.Set.of(Role.OFFICE), null);
    TestClient client = new TestClient(port);
    var unknown =
        client.refused(
            401,
            "bad_login",
            "POST",
            "/api/access/login",
            Map.of("username", "nobody", "password", TestClient.PASSWORD));
    var wrong =
        client.refused(
            401,
            "bad_login",
            "POST",
            "/api/access/login",
            Map.of("username", "admin1", "password", "wrong-password-1"));
    assertThat(unknown).isEqualTo(wrong);
    // the case-folded name signs in to the same account
    assertThat(client.signIn("ADMIN1", TestClient.PASSWORD).get("username").asString())
        .isEqualTo("admin1");
    // 'Admin1' beside 'admin1' is what the issue found; now it is refused as a look-alike
    new TestClient(port)
        .refused(
            409,
            "taken",
            "POST",
            "/api/arena/register",
            Map.of("username", "Admin1", "password", TestClient.PASSWORD));
  }
}
