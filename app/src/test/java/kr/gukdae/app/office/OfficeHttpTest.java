package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.call.Application;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.Stages;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seed call over real HTTP: applicants submit, the office seals and assigns, reviewers score.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficeHttpTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    // A home of its own: the ledger's signed checkpoints (anchors) belong to this fresh database.
    String home;
    try {
      home = java.nio.file.Files.createTempDirectory("gukdae-office").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    registry.add("gukdae.home", () -> home);
  }

  /** The deadline passes when the test says so. */
  static final class HandClock extends Clock {
    volatile Instant now = Instant.parse("2025-07-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TestConfiguration
  static class Config {
    @Bean
    HandClock officeTestClock() {
      return new HandClock();
    }
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired HandClock clock;
  @Autowired Ledger ledger;

  private TestClient team(String id) throws Exception {
    accounts.create("team-" + id, TestClient.PASSWORD, Set.of(Role.TEAM), id);
    TestClient c = new TestClient(port);
    c.signIn("team-" + id, TestClient.PASSWORD);
    return c;
  }

  private static Map<String, Object> form(Application a) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", a.id());
    f.put("consortium", a.consortium());
    f.put("members", a.members());
    f.put("support", a.support());
    f.put("documents", a.documents());
    return f;
  }

  @Test
  void applicantsSubmitTheOfficeSealsAndAssignsReviewersScoreAndEveryDecisionReplays()
      throws Exception {
    String base = "/api/office/calls/seed-2025";
    TestClient anonymous = new TestClient(port);
    anonymous.ok("GET", "/api/office/programmes", null);
    List<Application> apps = OfficeFiles.exampleApplications("seed-2025");
    anonymous.refused(401, "unauthenticated", "POST", base + "/applications", form(apps.get(0)));

    // Three applicants submit from their own team accounts; the office enters the rest (the
    // access layer allows 20 sign-ins a minute from one address, so not every one signs in here).
    TestClient office = TestClient.as(port, accounts, "office1", Role.OFFICE);
    for (int i = 0; i < apps.size(); i++) {
      Application a = apps.get(i);
      TestClient t = i < 3 ? team(a.id()) : office;
      var reply = t.ok("POST", base + "/applications", form(a));
      assertThat(reply.get("violations").size()).as(a.id()).isZero();
    }
    TestClient hanbit = team("hanbit2");
    var other = hanbit.refused(403, "forbidden", "POST", base + "/applications", form(apps.get(1)));
    assertThat(other.toString()).contains("id: a team account submits only its own application");
    Map<String, Object> unknownKey = form(apps.get(0));
    unknownKey.put("budget", 5);
    var unknown = hanbit.send("POST", base + "/applications", unknownKey);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("budget").contains("unknown key");

    clock.now = Instant.parse("2025-07-21T07:00:00Z");
    Map<String, Object> lateForm = form(apps.get(0));
    lateForm.put("id", "hanbit2");
    var late = hanbit.send("POST", base + "/applications", lateForm);
    assertThat(late.body()).contains("closed at 2025-07-21T16:00+09:00");
    hanbit.refused(403, "forbidden", "POST", base + "/seal", null);
    assertThat(office.ok("POST", base + "/seal", null).get("eligible").size()).isEqualTo(15);

    office.ok("POST", base + "/rounds/written/assign", null);
    Map<String, TestClient> reviewers = new LinkedHashMap<>();
    for (int i = 1; i <= 10; i++) {
      String id = String.format(Locale.ROOT, "rv%02d", i);
      accounts.create(id, TestClient.PASSWORD, Set.of(Role.REVIEWER), null);
      TestClient r = new TestClient(port);
      r.signIn(id, TestClient.PASSWORD);
      reviewers.put(id, r);
    }
    Map<String, Double> quality = new LinkedHashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      quality.put(apps.get(i).id(), i < 5 ? 9.4 - 0.2 * i : 7.8 - 0.2 * (i - 5));
    }
    int sheets = 0;
    for (var e : reviewers.entrySet()) {
      var mine = e.getValue().ok("GET", base + "/rounds/written/assignment", null);
      assertThat(mine.size()).isBetween(7, 8);
      for (var app : mine) {
        String id = app.get("id").asString();
        assertThat(e.getKey().equals("rv02") && id.equals("hanbit")).isFalse();
        double q = quality.get(id);
        e.getValue()
            .ok(
                "POST",
                base + "/rounds/written/scores",
                Map.of(
                    "application",
                    id,
                    "items",
                    Map.of("technology", q, "goals-strategy", q, "impact", q)));
        sheets++;
      }
    }
    assertThat(sheets).isEqualTo(75);
    var notMine =
        reviewers
            .get("rv02")
            .send(
                "POST",
                base + "/rounds/written/scores",
                Map.of(
                    "application",
                    "hanbit",
                    "items",
                    Map.of("technology", 10, "goals-strategy", 10, "impact", 10)));
    assertThat(notMine.statusCode()).isEqualTo(400);
    assertThat(notMine.body()).contains("rv02/hanbit: reviewer is not assigned to it");

    reviewers.get("rv01").refused(403, "forbidden", "POST", base + "/rounds/written/decide", null);
    var decision = office.ok("POST", base + "/rounds/written/decide", null);
    assertThat(decision.get("selected").size()).isEqualTo(10);
    var reason = decision.get("lines").get(14).get("reason");
    assertThat(reason.get("code").asString()).isEqualTo("QUOTA_FILLED");
    assertThat(reason.get("en").asString()).contains("quota of 10 is filled");
    assertThat(reason.get("ko").asString()).contains("정원 10개가 찼습니다");
    var rule = decision.get("rule");
    assertThat(rule.get("code").asString()).isEqualTo("BEST_BY_TOTAL");
    assertThat(rule.get("en").asString())
        .isEqualTo("best 10 by total among those meeting every threshold");
    assertThat(rule.get("ko").asString()).isEqualTo("모든 기준을 충족한 신청 중 총점 상위 10개");
    var replay = office.ok("GET", base + "/rounds/written/replay", null);
    assertThat(replay.get("matches").asBoolean()).isTrue();
    var whatIf =
        office.ok("GET", base + "/rounds/written/what-if?criterion=impact&weight=60", null);
    assertThat(whatIf.get("changed").get("selected").size()).isEqualTo(10);
    var closed =
        reviewers
            .get("rv01")
            .send(
                "POST",
                base + "/rounds/written/scores",
                Map.of(
                    "application",
                    "hanbit",
                    "items",
                    Map.of("technology", 1, "goals-strategy", 1, "impact", 1)));
    assertThat(closed.body()).contains("round written is decided; sheets are closed");

    // Stage 1 decided elsewhere on the platform; the office applies it to the public registry.
    Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    reviewers
        .get("rv01")
        .refused(403, "forbidden", "POST", "/api/designations/apply?stage=1", null);
    var applied = office.ok("POST", "/api/designations/apply?stage=1", null);
    var granted = applied.get("changes").get(0);
    assertThat(granted.get("code").asString()).isEqualTo("GRANTED");
    assertThat(granted.get("en").asString()).startsWith("granted KAI-M-");
    assertThat(granted.get("ko").asString()).startsWith("지정 부여 KAI-M-");
    assertThat(applied.get("changes").toString()).contains("granted KAI-M-hanbit");
    var verified = anonymous.ok("GET", "/api/designations/KAI-M-hanbit", null);
    assertThat(verified.get("valid").asBoolean()).isTrue();
    assertThat(verified.get("designation").get("emblemUsers").toString())
        .contains("Hanbit AI (demo)");
    assertThat(anonymous.send("GET", "/api/designations/KAI-M-nobody", null).statusCode())
        .isEqualTo(400);
    assertThat(ledger.verify().intact()).as(ledger.verify().describe()).isTrue();

    // A later decision for the stage that does not replay is not applied; the Korean half names
    // the stage in Korean ("단계 1:"), the English half in English.
    String recorded =
        ledger.entries().stream()
            .filter(e -> e.kind().equals(Stages.DECISION))
            .reduce((first, last) -> last)
            .orElseThrow()
            .payload();
    String forged = recorded.replace("\"result\":{", "\"result\":{\"forged\":true,");
    assertThat(forged).isNotEqualTo(recorded);
    ledger.appendJson(Stages.DECISION, forged);
    var notApplied =
        office.refused(400, "bad_input", "POST", "/api/designations/apply?stage=1", null);
    assertThat(notApplied.path("messageKo").asString())
        .startsWith("단계 1: ")
        .doesNotContain("stage");
    assertThat(notApplied.path("messageEn").asString())
        .startsWith("stage 1: ")
        .contains("does not replay")
        .doesNotContainPattern("[가-힣]");
  }
}
