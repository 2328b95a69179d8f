package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.data.DataRegistry;
import kr.gukdae.app.data.QualityStore;
import kr.gukdae.data.GeneratedText;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.data.registry.Fields;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quality job for a registered dataset version is stored as that version's next round, exactly as
 * a direct check is (same report, the same rounds and diffs the REST and web views read); the job's
 * pieces stream the file and its join streams their facts. A version that is not registered is
 * refused, and nothing is stored.
 */
class QualityJobRoundTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private record Db(JdbcClient jdbc, DataRegistry registry, QualityStore store) {}

  private static Db open(String database) throws Exception {
    var ds = TestDatabases.migrated(database);
    JdbcClient jdbc = JdbcClient.create(ds);
    var registry =
        new DataRegistry(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
    registry.addSupplier("press-co", "한국신문 / Korea Press", false);
    registry.addDataset(Fields.entry("form", "press-co", fields("web-ko")));
    registry.addVersion(new DataRegistry.Version("web-ko", "v1", 1000, 10, null, null, false));
    return new Db(jdbc, registry, new QualityStore(jdbc, registry));
  }

  private static Map<String, String> fields(String id) {
    return Map.ofEntries(
        Map.entry("id", id),
        Map.entry("title", "웹 말뭉치 / web corpus"),
        Map.entry("licence", "programme licence"),
        Map.entry("modality", "text"),
        Map.entry("rightsBasis", "licensed under contract 2026-17"),
        Map.entry("usageWho", "selected teams"),
        Map.entry("usagePurpose", "pre-training"),
        Map.entry("commercial", "false"),
        Map.entry("termStart", "2026-01-01"),
        Map.entry("termEnd", "2099-12-31"),
        Map.entry("priceKrw", "0"),
        Map.entry("provenance", "crawl"),
        Map.entry("governmentFunded", "false"));
  }

  private Path file(int rows) throws Exception {
    GeneratedText gen = new GeneratedText(4);
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      lines.add(i % 2 == 0 ? gen.english(30) : gen.korean(20));
    }
    lines.add(lines.get(3)); // exact copy
    lines.add(lines.get(6).replace(" ", "").replaceFirst("정부", "국가")); // near copy
    lines.add("연락처 010-1234-5678");
    Path f = dir.resolve("web-ko.jsonl");
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(JSON.writeValueAsString(Map.of("text", l))).append('\n');
    }
    Files.writeString(f, b, StandardCharsets.UTF_8);
    return f;
  }

  /** Runs the job as workers do: split, every piece, join, and the join's store. */
  private static String runJob(JdbcClient jdbc, QualityJob.Spec spec) {
    QualityJob kind = new QualityJob();
    String specJson = JobJson.write(spec);
    List<List<QualityCheck.RowFacts>> results = new ArrayList<>();
    for (JobKind.Piece p : kind.split(specJson)) {
      results.add(new QualityJob().run("job-1", specJson, p.spec()));
    }
    return kind.join("job-1", specJson, results).store(jdbc);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aJobForARegisteredVersionIsStoredAsItsNextRoundLikeADirectCheck(String database)
      throws Exception {
    Db db = open(database);
    Path f = file(120);
    Thresholds limits = db.store().limits().thresholds();
    String sha = Sha256.hex(Files.readAllBytes(f));

    // round 1: a direct check (as the REST upload and the CLI make)
    QualityReport direct = db.store().check("web-ko", "v1", Datasets.read(f), "text", limits);
    assertThat(direct.round()).isEqualTo(1);

    // round 2: the same file as a job in pieces of 25 rows
    var spec = new QualityJob.Spec(f.toString(), sha, "text", "web-ko", "v1", limits, 25);
    QualityReport fromJob = JSON.readValue(runJob(db.jdbc(), spec), QualityReport.class);
    assertThat(fromJob.round()).isEqualTo(2);

    List<QualityReport> rounds = db.store().rounds("web-ko", "v1");
    assertThat(rounds).hasSize(2);
    assertThat(rounds.get(1)).isEqualTo(fromJob);
    // the same report a direct check gives, but for its round number
    assertThat(fromJob).usingRecursiveComparison().ignoringFields("round").isEqualTo(rounds.get(0));
    assertThat(fromJob.findings())
        .anySatisfy(x -> assertThat(x.detail()).startsWith("near copy of " + f + ":7 "));
    var diff = db.store().diff("web-ko", "v1", 0);
    assertThat(diff.fromRound()).isEqualTo(1);
    assertThat(diff.toRound()).isEqualTo(2);
    assertThat(diff.introduced()).isEmpty();
    assertThat(diff.resolved()).isEmpty();

    // a job without dataset and version is not recorded
    var loose = new QualityJob.Spec(f.toString(), sha, "text", "web-ko.jsonl", "-", limits, 50);
    runJob(db.jdbc(), loose);
    assertThat(db.store().rounds("web-ko", "v1")).hasSize(2);

    // a version nobody registered: the join's store refuses, nothing is stored
    var unknown = new QualityJob.Spec(f.toString(), sha, "text", "web-ko", "v9", limits, 50);
    assertThatThrownBy(() -> runJob(db.jdbc(), unknown))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("dataset web-ko has no version 'v9'"));
    assertThat(db.jdbc().sql("SELECT COUNT(*) FROM data_quality_report").query(Long.class).single())
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aFileChangedAfterSubmissionIsRefusedByEveryPiece(String database) throws Exception {
    Db db = open(database);
    Path f = file(60);
    String sha = Sha256.hex(Files.readAllBytes(f));
    var spec =
        new QualityJob.Spec(
            f.toString(), sha, "text", "web-ko", "v1", db.store().limits().thresholds(), 20);
    String specJson = JobJson.write(spec);
    List<JobKind.Piece> pieces = new QualityJob().split(specJson);
    assertThat(pieces).hasSize(4);
    // a row appended at the end: even the first piece, which stops reading rows early, sees it
    Files.writeString(
        f,
        "{\"text\": \"덧붙인 행\"}\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> new QualityJob().run("job-2", specJson, pieces.get(0).spec()))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false)).contains("differs from the submitted one"));
    assertThat(db.store().rounds("web-ko", "v1")).isEmpty();
  }
}
