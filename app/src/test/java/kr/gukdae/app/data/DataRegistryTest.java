package kr.gukdae.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.registry.Agreement;
import kr.gukdae.data.registry.Croissant;
import kr.gukdae.data.registry.DatasetCard;
import kr.gukdae.data.registry.Fields;
import kr.gukdae.data.registry.Openness;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DataRegistryTest {

  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  record Db(
      String url,
      JdbcClient jdbc,
      DataRegistry registry,
      Ledger ledger,
      CommitmentStore commitments) {}

  static Db open(String database) throws Exception {
    String url = TestDatabases.migratedUrl(database);
    var ds = TestDatabases.dataSource(url);
    JdbcClient jdbc = JdbcClient.create(ds);
    var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    var registry = new DataRegistry(jdbc, tx, Clock.fixed(NOW, ZoneOffset.UTC));
    // The app's ledger is the database one (LedgerConfig); the store under test only appends to it.
    Ledger ledger = Ledger.inMemory();
    return new Db(url, jdbc, registry, ledger, new CommitmentStore(jdbc, ledger));
  }

  static Map<String, String> fields(String id) {
    Map<String, String> f = new HashMap<>();
    f.put("id", id);
    f.put("title", "한국어 신문 말뭉치 / Korean news corpus");
    f.put("licence", "programme licence");
    f.put("modality", "text");
    f.put("rightsBasis", "publisher's copyright, licensed under contract 2026-17");
    f.put("usageWho", "selected teams");
    f.put("usagePurpose", "foundation-model pre-training");
    f.put("commercial", "false");
    f.put("termStart", "2026-01-01");
    f.put("termEnd", "2026-12-31");
    f.put("priceKrw", "120000000");
    f.put("provenance", "newspaper archive 1990-2025");
    f.put("governmentFunded", "false");
    return f;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void registryRulesAndBadInputLeaveNothingHalfRecorded(String database) throws Exception {
    Db db = open(database);
    DataRegistry r = db.registry();
    r.addSupplier("press-co", "한국신문 / Korea Press", false);
    r.addTeam("hanbit", false);
    r.addDataset(Fields.entry("form", "press-co", fields("ko-news")));
    r.addVersion(new DataRegistry.Version("ko-news", "2026.1", 5_000, 100, null, null, false));

    // No rights basis, no term, unknown supplier: refused, nothing stored.
    var noRights = fields("x1");
    noRights.remove("rightsBasis");
    assertThatThrownBy(() -> r.addDataset(Fields.entry("form", "press-co", noRights)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("rightsBasis");
    var noTerm = fields("x2");
    noTerm.remove("termEnd");
    assertThatThrownBy(() -> r.addDataset(Fields.entry("form", "press-co", noTerm)))
        .hasMessageContaining("missing termEnd");
    assertThatThrownBy(() -> r.addDataset(Fields.entry("form", "nobody", fields("x3"))))
        .hasMessageContaining("supplier 'nobody' is not registered");
    assertThat(r.datasets()).hasSize(1);

    // Agreements: unknown team, expired grant, commercial on a non-commercial dataset.
    LocalDate start = LocalDate.parse("2026-01-01");
    assertThatThrownBy(() ->
            r.addAgreement(
                new Agreement(
                    "a0",
                    "press-co",
                    "ghost",
                    "ko-news",
                    false,
                    start,
                    LocalDate.parse("2026-12-31"),
                    null)))
        .hasMessageContaining("team 'ghost' is unknown");
    assertThatThrownBy(() ->
            r.addAgreement(
                new Agreement(
                    "a0",
                    "press-co",
                    "hanbit",
                    "ko-news",
                    false,
                    start,
                    LocalDate.parse("2026-02-01"),
                    null)))
        .hasMessageContaining("expired grant");
    assertThatThrownBy(() ->
            r.addAgreement(
                new Agreement(
                    "a0",
                    "press-co",
                    "hanbit",
                    "ko-news",
                    true,
                    start,
                    LocalDate.parse("2026-12-31"),
                    null)))
        .hasMessageContaining("non-commercial use only");
    assertThat(r.agreements(null)).isEmpty();

    r.addAgreement(
        new Agreement(
            "a1",
            "press-co",
            "hanbit",
            "ko-news",
            false,
            start,
            LocalDate.parse("2026-06-30"),
            null));
    assertThat(r.access("hanbit", "ko-news", null).granted()).isTrue();
    // The grant expires at its term end.
    var after = r.access("hanbit", "ko-news", LocalDate.parse("2026-07-01"));
    assertThat(after.granted()).isFalse();
    assertThat(after.reason()).contains("expired");
    assertThat(after.because().ko()).contains("만료");
    // Marked for commercial release, the team loses its non-commercial grant...
    assertThat(r.markCommercial("hanbit", true)).containsExactly("a1");
    var commercial = r.access("hanbit", "ko-news", null);
    assertThat(commercial.granted()).isFalse();
    assertThat(commercial.reason()).contains("renegotiate");
    // ...until the dataset allows commercial use and a renegotiated agreement replaces it.
    var commercialFields = fields("ko-news-c");
    commercialFields.put("commercial", "true");
    r.addDataset(Fields.entry("form", "press-co", commercialFields));
    r.addAgreement(
        new Agreement(
            "a2",
            "press-co",
            "hanbit",
            "ko-news-c",
            true,
            start,
            LocalDate.parse("2026-12-31"),
            null));
    assertThat(r.access("hanbit", "ko-news-c", null).granted()).isTrue();
    assertThatThrownBy(() ->
            r.addAgreement(
                new Agreement(
                    "a3",
                    "press-co",
                    "hanbit",
                    "ko-news",
                    false,
                    start,
                    LocalDate.parse("2026-12-31"),
                    "a2")))
        .hasMessageContaining("another dataset");

    // Government-funded data is registered as excluded and can never be granted.
    var gov = fields("gov-corpus");
    gov.put("governmentFunded", "true");
    r.addDataset(Fields.entry("form", "press-co", gov));
    assertThatThrownBy(() ->
            r.addAgreement(
                new Agreement(
                    "a4",
                    "press-co",
                    "hanbit",
                    "gov-corpus",
                    false,
                    start,
                    LocalDate.parse("2026-12-31"),
                    null)))
        .hasMessageContaining("government funds");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void croissantAndCardsRoundTripAndMalformedFilesAreRefused(String database) throws Exception {
    Db db = open(database);
    DataRegistry r = db.registry();
    r.addSupplier("press-co", "Korea Press", true);
    r.addDataset(Fields.entry("form", "press-co", fields("ko-news")));
    r.addVersion(new DataRegistry.Version("ko-news", "v1", 123, 4, "ab".repeat(32), null, false));
    Map<String, Object> jsonld = r.croissant("ko-news");
    assertThat(jsonld)
        .containsEntry("@type", "sc:Dataset")
        .containsEntry("dct:conformsTo", "http://mlcommons.org/croissant/1.0")
        .containsKey("rai:dataCollection")
        .containsKey("rai:dataUseCases");
    String text = DataJson.pretty(jsonld);
    var back =
        Croissant.importFrom(
            "export.json", text.replace("\"ko-news\"", "\"ko-news-2\""), "press-co", Map.of());
    assertThat(back.rightsBasis()).isEqualTo(r.dataset("ko-news").rightsBasis());
    assertThat(back.term()).isEqualTo(r.dataset("ko-news").term());

    assertThatThrownBy(() ->
            Croissant.importFrom("bad.json", "{\"@type\": \"sc:Dataset\",", "press-co", Map.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() ->
            Croissant.importFrom(
                "plain.json",
                "{\"@context\":{},\"@type\":\"sc:Dataset\",\"@id\":\"p\",\"name\":\"P\",\"license\":\"cc-by-4.0\"}",
                "press-co",
                Map.of()))
        .hasMessageContaining("plain.json")
        .hasMessageContaining("rightsBasis");

    String card =
        "---\npretty_name: KoWiki sample\nlicense: cc-by-sa-4.0\ntask_categories:\n- text-generation\n---\n# KoWiki\n";
    var fromCard =
        DatasetCard.importFrom(
            "README.md",
            card,
            "kowiki",
            "press-co",
            Map.of(
                "rightsBasis",
                "CC BY-SA 4.0 (public licence)",
                "usageWho",
                "all teams",
                "commercial",
                "true",
                "termStart",
                "2026-01-01",
                "termEnd",
                "2027-12-31",
                "governmentFunded",
                "false"));
    assertThat(fromCard.title()).isEqualTo("KoWiki sample");
    assertThat(fromCard.licence()).isEqualTo("cc-by-sa-4.0");
    assertThatThrownBy(
            () -> DatasetCard.importFrom("README.md", "# no metadata", "k", "press-co", Map.of()))
        .hasMessageContaining("no YAML metadata block");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void twoClientsRegisteringOneIdGetOneSuccessAndOneClearRefusal(String database) throws Exception {
    Db db = open(database);
    db.registry().addSupplier("press-co", "Korea Press", false);
    Callable<String> add =
        () -> {
          try {
            db.registry().addDataset(Fields.entry("form", "press-co", fields("same")));
            return "ok";
          } catch (UserError e) {
            return e.getMessage();
          }
        };
    try (var pool = Executors.newFixedThreadPool(2)) {
      var results = pool.invokeAll(List.of(add, add));
      List<String> outcomes = List.of(results.get(0).get(), results.get(1).get());
      assertThat(outcomes).containsOnlyOnce("ok");
      assertThat(outcomes).anyMatch(o -> o.contains("already registered"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void opennessShortfallIsFlaggedBeforeStageDates(String database) throws Exception {
    Db db = open(database);
    DataRegistry r = db.registry();
    r.addSupplier("hanbit-lab", "Hanbit lab", false);
    r.addTeam("hanbit", false);
    r.addDataset(Fields.entry("form", "hanbit-lab", fields("built-1")));
    r.addVersion(new DataRegistry.Version("built-1", "v1", 600, 60, null, "hanbit", true));
    r.addVersion(new DataRegistry.Version("built-1", "v2", 1_400, 40, null, "hanbit", false));
    var stages = List.of(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-07-15"));
    Openness.Status bytes = r.openness("hanbit", Openness.Unit.BYTES, 0.5, stages);
    assertThat(bytes.shortfall()).isEqualTo(400);
    assertThat(bytes.flags())
        .hasSize(1)
        .first()
        .asString()
        .contains("2026-07-15")
        .contains("open 400 more bytes");
    assertThat(bytes.warnings().getFirst().ko()).contains("2026-07-15", "400 bytes 더 공개");
    Openness.Status records = r.openness("hanbit", Openness.Unit.RECORDS, 0.5, stages);
    assertThat(records.met()).isTrue();
    assertThatThrownBy(() -> r.openness("ghost", Openness.Unit.BYTES, 0.5, stages))
        .hasMessageContaining("unknown");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void commitmentsAnswerClaimsAndAManifestEditedInTheDatabaseIsRefused(String database)
      throws Exception {
    Db db = open(database);
    String manifest =
        "{\"format\":\"gukdae-training-manifest/1\",\"team\":\"hanbit\",\"datasets\":[{\"id\":"
            + "\"ko-news\",\"version\":\"v1\",\"name\":\"Korean news\",\"source\":\"LICENSED\","
            + "\"modality\":\"TEXT\",\"licence\":\"programme\"}],\"shards\":[{\"path\":\"a.jsonl\","
            + "\"sha256\":\""
            + "ab".repeat(32)
            + "\",\"bytes\":10,\"dataset\":\"ko-news\","
            + "\"version\":\"v1\",\"weight\":1}]}";
    var stored = db.commitments().commit(manifest, "m.json");
    assertThat(db.ledger().entries()).hasSize(1);
    assertThatThrownBy(() -> db.commitments().commit(manifest, "m.json"))
        .hasMessageContaining("already committed");
    assertThat(db.ledger().entries()).hasSize(1);
    var claim = db.commitments().claim("hanbit", stored.root(), "ko-news", null);
    assertThat(claim.supported()).isTrue();
    assertThat(claim.proofs().get(0).verifies(stored.root())).isTrue();
    assertThat(db.commitments().claim("hanbit", stored.root(), "kmmlu", null).supported())
        .isFalse();

    db.jdbc()
        .sql("UPDATE data_commitment SET manifest = REPLACE(manifest, 'ko-news', 'ko-newz')")
        .update();
    assertThatThrownBy(() -> db.commitments().claim("hanbit", stored.root(), "ko-newz", null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("does not match ledger entry");
  }
}
