package kr.gukdae.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.Fixtures;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.TamperableLedgerStore;
import kr.gukdae.stage.Team;
import org.junit.jupiter.api.Test;

class CallsTest {

  private final Call call = OfficeFiles.programme("seed-2025").call();
  private final OffsetDateTime at = OffsetDateTime.parse("2025-07-01T10:00:00+09:00");

  @Test
  void everyViolationNamesTheMemberAndTheRule() {
    List<Application> apps =
        List.of(
            Fixtures.application(
                "a",
                "seed-2025",
                at,
                List.of(
                    new Application.Member("Shared Labs", Team.Role.LEAD, Team.Size.LARGE),
                    new Application.Member(
                        "A University", Team.Role.ACADEMIC, Team.Size.UNIVERSITY)),
                Set.of(Support.GPU),
                DocumentKind.PLAN,
                DocumentKind.ENGLISH_SUMMARY,
                DocumentKind.DEMO_VIDEO),
            Fixtures.application(
                "b",
                "seed-2025",
                at,
                List.of(new Application.Member(" shared  labs ", Team.Role.LEAD, Team.Size.MEDIUM)),
                Set.of(),
                DocumentKind.PLAN),
            Fixtures.application(
                "late",
                "seed-2025",
                OffsetDateTime.parse("2025-07-21T16:00:01+09:00"),
                Fixtures.consortium("late"),
                Set.of(Support.TALENT),
                DocumentKind.PLAN,
                DocumentKind.ENGLISH_SUMMARY,
                DocumentKind.DEMO_VIDEO));
    List<String> v = Calls.check(call, apps).stream().map(Violation::toString).toList();
    assertThat(v)
        .contains(
            "a / Shared Labs: eligibility.oneConsortiumPerOrganisation: also a member of b",
            "b / shared  labs: eligibility.oneConsortiumPerOrganisation: also a member of a",
            "b: eligibility.requiredMemberSizes: no member of size UNIVERSITY (required)",
            "b: eligibility.requiredDocuments: document ENGLISH_SUMMARY is missing",
            "b: eligibility.requiredDocuments: document DEMO_VIDEO is missing",
            "b: eligibility.minSupports: asks for 0 of GPU/DATA/TALENT, at least 1 required")
        .anyMatch(s -> s.startsWith("late: closes: submitted 2025-07-21T07:00:01Z after"));
    assertThat(Calls.eligible(call, apps)).isEmpty();
  }

  /** The seal keeps each violation's English line and, next to it, the line in both languages. */
  @Test
  void aSealRecordsItsViolationsInBothLanguages() {
    Ledger ledger = Ledger.inMemory();
    Application b =
        Fixtures.application(
            "b",
            "seed-2025",
            at,
            List.of(new Application.Member("B Labs", Team.Role.LEAD, Team.Size.MEDIUM)),
            Set.of(Support.GPU),
            DocumentKind.PLAN,
            DocumentKind.DEMO_VIDEO);
    Calls.Seal seal = Calls.seal(call, List.of(b), ledger, Instant.parse("2025-07-21T07:00:00Z"));
    assertThat(seal.violations())
        .anySatisfy(v -> {
          assertThat(v.code()).isEqualTo("eligibility.requiredDocuments");
          assertThat(v.text().en())
              .isEqualTo("b: eligibility.requiredDocuments: document ENGLISH_SUMMARY is missing");
          assertThat(v.text().ko())
              .startsWith("b: eligibility.requiredDocuments: ")
              .containsPattern("[가-힣]");
        });
    assertThat(Calls.seal(ledger, "seed-2025").violations()).isEqualTo(seal.violations());
    assertThat(ledger.entries().getLast().payload())
        .contains(
            "\"violations\":[\"b: eligibility.requiredMemberSizes: no member of size UNIVERSITY"
                + " (required)\",\"b: eligibility.requiredDocuments: document ENGLISH_SUMMARY is"
                + " missing\"]");
  }

  /** A seal recorded before its lines were bilingual, exactly as stored, reads in its own words. */
  @Test
  void aSealRecordedInEnglishReadsBackAsRecorded() {
    Ledger ledger = Ledger.inMemory();
    ledger.appendJson(
        "call.sealed",
        "{\"applications\":{},\"call\":\"seed-2025\",\"closes\":\"2025-07-21T16:00+09:00\","
            + "\"eligible\":[],\"violations\":[\"b: eligibility.requiredDocuments: document"
            + " DEMO_VIDEO is missing\"]}");
    assertThat(Calls.seal(ledger, "seed-2025").violations())
        .containsExactly(
            kr.gukdae.text.Reason.recorded(
                "b: eligibility.requiredDocuments: document DEMO_VIDEO is missing"));
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void sealingWaitsForTheDeadlineHappensOnceAndReadsBackVerbatim() {
    Ledger ledger = Ledger.inMemory();
    List<Application> apps = Fixtures.seedApplications();
    assertThatThrownBy(() -> Calls.seal(call, apps, ledger, Instant.parse("2025-07-21T06:59:59Z")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("cannot be sealed before then");
    assertThat(ledger.entries()).isEmpty();
    Calls.Seal seal = Calls.seal(call, apps, ledger, Instant.parse("2025-07-21T07:00:00Z"));
    assertThat(seal.eligible()).hasSize(15);
    assertThat(Calls.sealed(ledger, "seed-2025")).isEqualTo(apps);
    assertThatThrownBy(() -> Calls.seal(call, apps, ledger, Instant.parse("2025-07-22T00:00:00Z")))
        .hasMessageContaining("already sealed");
  }

  @Test
  void anApplicationEditedAfterSealingIsRefusedEvenIfTheChainIsRehashed() {
    TamperableLedgerStore store = new TamperableLedgerStore();
    Ledger ledger = new Ledger(store);
    Calls.seal(call, Fixtures.seedApplications(), ledger, Instant.parse("2025-07-22T00:00:00Z"));
    // Someone with database access swaps a document hash and recomputes every entry's hash.
    store.rewrite(
        2,
        p ->
            p.replaceFirst("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + "a".repeat(64) + "\""));
    assertThat(ledger.verify().intact()).isTrue();
    assertThatThrownBy(() -> Calls.sealed(ledger, "seed-2025"))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("ledger seq 2: application baekdu differs from its sealed hash"));
  }

  @Test
  void badCallDefinitionsNameTheField() {
    String yaml = OfficeFiles.example("seed-2025.yaml");
    assertThatThrownBy(() ->
            OfficeFiles.parse(
                yaml.replace("minSupports: 1", "minSupports: 4"),
                "p.yaml",
                kr.gukdae.office.OfficeProgramme.class))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .contains("p.yaml: line")
                    .contains("call.eligibility: minSupports must be 0-3, got 4"));
    assertThatThrownBy(() ->
            OfficeFiles.parse(
                yaml.replace("    maxMembers: 0", "    maxMembers: 0\n    minMembers: 2"),
                "p.yaml",
                kr.gukdae.office.OfficeProgramme.class))
        .hasMessageContaining("\"minMembers\"")
        .hasMessageContaining("unknown key");
    assertThatThrownBy(() ->
            OfficeFiles.parse(
                yaml.replace("source: call-2025-06", "source: nowhere"),
                "p.yaml",
                kr.gukdae.office.OfficeProgramme.class))
        .hasMessageContaining("call.source 'nowhere' is not one of the sources");
  }

  @Test
  void applicationFilesRoundTripAndRejectBadHashes() {
    List<Application> apps = Fixtures.seedApplications();
    assertThat(OfficeFiles.applications(OfficeFiles.write(apps), "x.yaml")).isEqualTo(apps);
    String bad =
        OfficeFiles.write(apps).replaceFirst("sha256: \"?[0-9a-f]{64}\"?", "sha256: nothex");
    assertThatThrownBy(() -> OfficeFiles.applications(bad, "apps.yaml"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(false))
                  .contains("apps.yaml: line")
                  .contains(
                      "applications[0].documents[0]: sha256 must be 64 lower-case hex digits");
              assertThat(e.message(true)).contains("apps.yaml: ").contains("행: applications[0]");
            });
  }
}
