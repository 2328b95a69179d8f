package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.web.SharedHttpContext;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Self-payment over real HTTP: the office records a team's consortium plan for a call, and each
 * open-source check of the team's release (with the stage date) that changes its level recomputes
 * it in the same ledger batch, each member's old and new share, cash and in kind; an edited share
 * in the database fails the replay.
 */
class SelfPaymentHttpTest extends SharedHttpContext {

  static final String TEAM = "sphttp";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Value("${gukdae.home}")
  Path home;

  static String plan(String team, double cashShare) {
    return "{\"team\": \""
        + team
        + "\", \"members\": [{\"organisation\": \"Hanbit AI\", \"size\": \"LARGE\", \"costShare\":"
        + " 0.7, \"cashShare\": "
        + cashShare
        + "}, {\"organisation\": \"Mirae Labs\", \"size\": \"MEDIUM\", \"costShare\": 0.3,"
        + " \"cashShare\": 0.2}], \"costs\": {\"GPU\": 10000000000}}";
  }

  @Test
  void aLevelChangeByTheStageDateCheckRecomputesTheRecordedPlanAndAnEditedShareFailsReplay()
      throws Exception {
    TestClient office = TestClient.as(port, accounts, "office-sp", Role.OFFICE);
    TestClient team = TestClient.as(port, accounts, "team-sp", Role.TEAM);
    String planUrl = "/api/office/calls/seed-2025/teams/" + TEAM + "/self-payment";
    Path release = Files.createDirectories(home.resolve("releases").resolve(TEAM));
    try {
      // Only the office records a plan, for the path's team, priced by the table at every level.
      team.refused(403, "forbidden", "POST", planUrl, plan(TEAM, 0.5));
      JsonNode other = office.refused(400, "bad_input", "POST", planUrl, plan("someone", 0.5));
      assertThat(other.get("messageEn").asString())
          .isEqualTo("team: the body's team 'someone' is not the path's team 'sphttp'");
      JsonNode low = office.refused(400, "bad_input", "POST", planUrl, plan(TEAM, 0.05));
      assertThat(low.get("messageEn").asString())
          .isEqualTo(
              "members.Hanbit AI.cashShare 0.05 is below the programme's minimum cash share 0.1");
      office.refused(400, "bad_input", "POST", planUrl, "{\"teem\": \"x\"}");
      JsonNode planned = office.ok("POST", planUrl, plan(TEAM, 0.5));
      assertThat(planned.get("plans")).hasSize(1);
      assertThat(planned.get("level").isNull()).isTrue();

      // The check of the release on the stage date: commercial open weights.
      Files.writeString(release.resolve("README.md"), "---\nlicense: apache-2.0\n---\n");
      Files.write(release.resolve("model.safetensors"), new byte[] {1});
      String check = "/api/office/teams/" + TEAM + "/open-level?date=";
      JsonNode first = office.ok("POST", check + "2026-01-15", null);
      assertThat(first.get("current").asString()).isEqualTo("OPEN_WEIGHTS_COMMERCIAL");
      assertThat(first.get("selfPayment")).hasSize(1);
      assertThat(first.get("selfPayment").get(0).get("change").get("after").get("total").asLong())
          .isEqualTo(880_000_000L);

      // The licence turns non-commercial: the level drops and self-payment follows by itself.
      Files.writeString(release.resolve("README.md"), "---\nlicense: cc-by-nc-4.0\n---\n");
      JsonNode second = office.ok("POST", check + "2026-07-15", null);
      assertThat(second.get("current").asString()).isEqualTo("RESEARCH_ONLY");
      JsonNode change = second.get("selfPayment").get(1).get("change");
      assertThat(change.get("from").asString()).isEqualTo("OPEN_WEIGHTS_COMMERCIAL");
      assertThat(change.get("to").asString()).isEqualTo("RESEARCH_ONLY");
      JsonNode hanbit = change.get("members").get(0);
      assertThat(hanbit.get("organisation").asString()).isEqualTo("Hanbit AI");
      assertThat(hanbit.get("before").get("cash").asLong()).isEqualTo(350_000_000L);
      assertThat(hanbit.get("after").get("cash").asLong()).isEqualTo(1_750_000_000L);
      assertThat(hanbit.get("after").get("inKind").asLong()).isEqualTo(1_750_000_000L);
      assertThat(change.get("members").get(1).get("after").get("inKind").asLong())
          .isEqualTo(1_200_000_000L);

      String view = "/api/office/teams/" + TEAM + "/self-payment";
      JsonNode shown = office.ok("GET", view, null);
      assertThat(shown.get("replays").asBoolean()).isTrue();
      assertThat(shown.get("current").get(0).get("total").asLong()).isEqualTo(5_000_000_000L);
      team.refused(403, "forbidden", "GET", view, null);
      new TestClient(port).refused(401, "unauthenticated", "GET", view, null);

      // Someone with database access lowers Hanbit's recorded cash share: replay says so.
      long seq = change.get("levelSeq").asLong() + 1;
      String row =
          jdbc.sql("SELECT payload FROM audit_ledger WHERE seq = ?")
              .param(seq)
              .query(String.class)
              .single();
      assertThat(row).contains("1750000000");
      String edited = row.replace("1750000000", "1650000000");
      jdbc.sql("UPDATE audit_ledger SET payload = ? WHERE seq = ?")
          .param(edited)
          .param(seq)
          .update();
      try {
        JsonNode after = office.ok("GET", view, null);
        assertThat(after.get("replays").asBoolean()).isFalse();
        assertThat(after.get("changes").get(1).get("matches").asBoolean()).isFalse();
        assertThat(after.get("changes").get(0).get("matches").asBoolean()).isTrue();
      } finally {
        jdbc.sql("UPDATE audit_ledger SET payload = ? WHERE seq = ?")
            .param(row)
            .param(seq)
            .update();
      }
      assertThat(office.ok("GET", view, null).get("replays").asBoolean()).isTrue();
    } finally {
      FileSystemUtils.deleteRecursively(release);
    }
  }
}
