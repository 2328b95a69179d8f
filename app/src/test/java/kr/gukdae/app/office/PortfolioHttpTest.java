package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.portfolio.PortfolioDecision;
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
 * The portfolio decision over real HTTP: the office records it once from the models' results and
 * funds the institutes it keeps; anyone reads it explained and replays it; an edit of the recorded
 * decision in the database shows as a replay mismatch and funds nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioHttpTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    String home = Files.createTempDirectory("gukdae-portfolio").toString();
    registry.add("gukdae.home", () -> home);
  }

  static final String BASE = "/api/office/calls/institutes-2026/portfolio";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Ledger ledger;
  @Autowired JdbcClient jdbc;

  @Test
  void theOfficeDecidesAndFundsOnceAnyoneReadsAndReplaysAnEditedRecordIsCaught() throws Exception {
    TestClient anyone = new TestClient(port);
    TestClient office = TestClient.as(port, accounts, "office-p", Role.OFFICE);
    TestClient team = TestClient.as(port, accounts, "team-p", Role.TEAM);
    String results = OfficeFiles.example("institutes-results.yaml");

    // Before the decision, anyone sees the portfolio to be judged.
    JsonNode before = anyone.ok("GET", BASE, null);
    assertThat(before.get("decided").asBoolean()).isFalse();
    assertThat(before.get("portfolio").get("domains")).hasSize(4);
    assertThat(before.get("portfolio").get("minDomainsCovered").asInt()).isEqualTo(3);

    // Only the office records, and bad input is one clear error naming the field.
    anyone.refused(401, "unauthenticated", "POST", BASE + "/decision", results);
    team.refused(403, "forbidden", "POST", BASE + "/decision", results);
    JsonNode unknownKey =
        office.refused(400, "bad_input", "POST", BASE + "/decision", "{\"resultz\": []}");
    assertThat(unknownKey.get("messageEn").asString()).contains("resultz");
    JsonNode ghost =
        office.refused(
            400,
            "bad_input",
            "POST",
            BASE + "/decision",
            "{\"results\": [{\"model\": \"ghost\", \"benchmark\": \"ocean-qa\", \"score\": 50}]}");
    assertThat(ghost.get("messageEn").asString())
        .isEqualTo("results[0]: model 'ghost' is in no institute");
    assertThat(ghost.get("messageKo").asString()).contains("어느 기관에도 없습니다");
    JsonNode outOfRange =
        office.refused(
            400,
            "bad_input",
            "POST",
            BASE + "/decision",
            "{\"results\": [{\"model\": \"kilaw-law-7b\", \"benchmark\": \"ko-bar-exam\","
                + " \"score\": 170}]}");
    assertThat(outOfRange.get("messageEn").asString()).contains("score must be 0-100");
    assertThat(PortfolioDecision.recorded(ledger, "institutes-2026")).isNull();
    office.refused(400, "bad_input", "GET", "/api/office/calls/seed-2025/portfolio", null);

    JsonNode decided = office.ok("POST", BASE + "/decision", results);
    assertThat(decided.get("decision").get("continues").asBoolean()).isTrue();
    assertThat(decided.get("decision").get("reason").get("en").asString())
        .isEqualTo("3 of 4 domains covered; 3 needed: the portfolio continues");
    assertThat(decided.get("decision").get("reason").get("ko").asString())
        .isEqualTo("4개 분야 중 3개 충족, 필요 3개: 포트폴리오 계속");
    assertThat(decided.get("decision").get("reason").get("code").asString()).isEqualTo("CONTINUES");
    JsonNode again = office.refused(400, "bad_input", "POST", BASE + "/decision", results);
    assertThat(again.get("messageEn").asString()).contains("already recorded");

    // Anyone reads it explained and replays it from the ledger.
    JsonNode shown = anyone.ok("GET", BASE, null);
    assertThat(shown.get("decided").asBoolean()).isTrue();
    assertThat(shown.get("replays").asBoolean()).isTrue();
    assertThat(shown.get("results")).hasSize(9);
    assertThat(shown.get("decision").get("domains").get(0).get("best").asString())
        .isEqualTo("kilaw-law-7b");
    assertThat(shown.get("decision").get("domains").get(3).get("covered").asBoolean()).isFalse();
    JsonNode replay = anyone.ok("GET", BASE + "/replay", null);
    assertThat(replay.get("matches").asBoolean()).isTrue();
    assertThat(replay.get("decisionSeq").asLong()).isEqualTo(shown.get("decisionSeq").asLong());

    // Someone with database access lowers the manufacturing pass: the record no longer replays,
    // and nothing is funded from it.
    long seq = shown.get("decisionSeq").asLong();
    String payload =
        jdbc.sql("SELECT payload FROM audit_ledger WHERE seq = ?")
            .param(seq)
            .query(String.class)
            .single();
    String edited = payload.replace("\"covered\":3", "\"covered\":4");
    assertThat(edited).isNotEqualTo(payload);
    jdbc.sql("UPDATE audit_ledger SET payload = ? WHERE seq = ?").param(edited).param(seq).update();
    assertThat(anyone.ok("GET", BASE + "/replay", null).get("matches").asBoolean()).isFalse();
    assertThat(anyone.ok("GET", BASE, null).get("replays").asBoolean()).isFalse();
    String fund = BASE + "/funding?from=2026-07-01&to=2027-01-01";
    JsonNode refused = office.refused(400, "bad_input", "POST", fund, null);
    assertThat(refused.get("messageEn").asString()).contains("does not replay");
    jdbc.sql("UPDATE audit_ledger SET payload = ? WHERE seq = ?")
        .param(payload)
        .param(seq)
        .update();
    assertThat(ledger.verify().intact()).isTrue();

    // Funding follows the recorded outcome, once, by the stage quota rule.
    anyone.refused(401, "unauthenticated", "POST", fund, null);
    team.refused(403, "forbidden", "POST", fund, null);
    office.refused(400, "bad_input", "POST", BASE + "/funding?from=2026-07-01", null);
    JsonNode funding = office.ok("POST", fund, null);
    assertThat(funding.get("decisionSeq").asLong()).isEqualTo(seq);
    assertThat(funding.get("lines")).hasSize(3);
    assertThat(funding.get("lines").get(1).get("why").asString()).isEqualTo("FUNDED");
    assertThat(funding.get("lines").get(1).get("allocations").get(0).get("count").asInt())
        .isEqualTo(64);
    assertThat(office.refused(400, "bad_input", "POST", fund, null).get("messageEn").asString())
        .contains("already recorded");
    assertThat(anyone.ok("GET", BASE, null).get("funding").get("lines")).hasSize(3);
    // The stage's data budget and talent cap, with their source, for every kept institute.
    assertThat(funding.get("data").get("perTeamBudget").asLong()).isEqualTo(1_500_000_000L);
    assertThat(funding.get("talent").get("source").asString()).isEqualTo("portfolio-support");
    assertThat(funding.get("lines").get(1).get("dataBudget").asLong()).isEqualTo(1_500_000_000L);
    assertThat(funding.get("lines").get(1).get("talentCapPerYear").asLong())
        .isEqualTo(1_000_000_000L);
    assertThat(anyone.ok("GET", BASE, null).get("fundingReplays").asBoolean()).isTrue();
    assertThat(anyone.ok("GET", BASE + "/replay", null).get("fundingMatches").asBoolean()).isTrue();

    // The institute's data budget and talent follow through the teams' support rules.
    String budgetUrl = "/api/office/teams/kimed/data-budget?call=institutes-2026";
    JsonNode budget = office.ok("GET", budgetUrl, null);
    assertThat(budget.get("budget").asLong()).isEqualTo(2_000_000_000L);
    assertThat(budget.get("terms").get(0).get("decisionSeq").asLong()).isEqualTo(seq);
    String spending = "/api/office/calls/institutes-2026/data/spending";
    JsonNode spent =
        office.ok(
            "POST",
            spending,
            "{\"team\": \"kimed\", \"item\": \"clinical notes\", \"amount\": 1800000000,"
                + " \"on\": \"2026-08-01\"}");
    assertThat(spent.get("left").asLong()).isEqualTo(200_000_000L);
    JsonNode hired =
        office.ok(
            "POST",
            "/api/office/calls/institutes-2026/talent/hires",
            "{\"team\": \"kimed\", \"person\": \"r1\", \"hired\": \"2026-05-01\","
                + " \"contractSha256\": \""
                + "b".repeat(64)
                + "\", \"year\": 2026, \"matching\": 1200000000}");
    assertThat(hired.get("line").get("granted").asLong()).isEqualTo(1_000_000_000L);

    // Someone with database access raises kimed's data budget in the funding row: the funding no
    // longer replays (page and replay say so) and no data or talent support is recorded from it.
    long fundingSeq =
        jdbc.sql("SELECT seq FROM audit_ledger WHERE kind = 'resources.portfolioAllocation'")
            .query(Long.class)
            .single();
    String fundingRow =
        jdbc.sql("SELECT payload FROM audit_ledger WHERE seq = ?")
            .param(fundingSeq)
            .query(String.class)
            .single();
    String raised =
        fundingRow.replaceFirst("\"dataBudget\":1500000000", "\"dataBudget\":9500000000");
    assertThat(raised).isNotEqualTo(fundingRow);
    jdbc.sql("UPDATE audit_ledger SET payload = ? WHERE seq = ?")
        .param(raised)
        .param(fundingSeq)
        .update();
    assertThat(anyone.ok("GET", BASE, null).get("fundingReplays").asBoolean()).isFalse();
    assertThat(anyone.ok("GET", BASE + "/replay", null).get("fundingMatches").asBoolean())
        .isFalse();
    JsonNode noSupport =
        office.refused(
            400,
            "bad_input",
            "POST",
            spending,
            "{\"team\": \"kimed\", \"item\": \"more\", \"amount\": 1, \"on\": \"2026-08-02\"}");
    assertThat(noSupport.get("messageEn").asString())
        .isEqualTo(
            "institutes-2026: the recorded portfolio funding does not replay; no data or talent"
                + " support was recorded");
    jdbc.sql("UPDATE audit_ledger SET payload = ? WHERE seq = ?")
        .param(fundingRow)
        .param(fundingSeq)
        .update();
    assertThat(office.ok("GET", budgetUrl, null).get("spent").asLong()).isEqualTo(1_800_000_000L);

    // The institute's resources page reads the allocation and its GPU-hours.
    JsonNode kimed =
        office.ok("GET", "/api/office/teams/kimed/resources?call=institutes-2026", null);
    assertThat(kimed.get("allocations")).hasSize(1);
    assertThat(kimed.get("account").get(0).get("promised").asDouble()).isEqualTo(64 * 184 * 24.0);
    assertThat(ledger.verify().intact()).isTrue();
  }
}
