package kr.gukdae.app.workers;

import static kr.gukdae.lineage.Hub.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import kr.gukdae.app.lineage.RulesQuery;
import kr.gukdae.data.ngram.NgramParams;
import kr.gukdae.data.ngram.Normaliser;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.lineage.FakeHub;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Someone with write access to the database edits a job's spec, or a piece's, after submission and
 * before a worker runs it: for every kind, the worker refuses before any work (no piece result, no
 * partial file, no request to the Hub) and fails the job with an error naming the job and the
 * piece. A seal removed, or another piece's spec copied over with its seal, is refused the same
 * way. On both databases.
 */
class SealedSpecsTest {

  @TempDir Path root;
  private JdbcClient jdbc;
  private Jobs jobs;
  private JobRunner runner;
  private JobQueue queue;

  private void open(String database) throws Exception {
    String url = database.equals("h2") ? TestDatabases.freshH2() : TestDatabases.postgres();
    Flyway.configure().dataSource(url, null, null).load().migrate();
    var ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
    queue = new JobQueue(ds);
    jdbc = queue.jdbc();
    jobs = new Jobs(ds, root.toString(), "", root);
    var config =
        new Worker.Config("w", 1, null, Duration.ofMinutes(5), Duration.ofMillis(10), root);
    runner = new JobRunner(queue, config, () -> false);
  }

  private void editPiece(String id, int shard, String from, String to) {
    int n =
        jdbc.sql(
                "UPDATE work_shard SET spec = REPLACE(spec, ?, ?) WHERE job_id = ?"
                    + " AND shard_no = ?")
            .params(from, to, id, shard)
            .update();
    assertThat(n).isEqualTo(1);
    assertThat(spec("work_shard", id, shard)).contains(to);
  }

  private String spec(String table, String id, int shard) {
    return table.equals("work_job")
        ? jdbc.sql("SELECT spec FROM work_job WHERE id = ?").param(id).query(String.class).single()
        : jdbc.sql("SELECT spec FROM work_shard WHERE job_id = ? AND shard_no = ?")
            .params(id, shard)
            .query(String.class)
            .single();
  }

  /**
   * The next claim is refused before any work, failing the job with an error naming {@code what}.
   */
  private void assertRefused(String id, String what, String why) {
    assertThat(runner.runNext()).as("a claim was made").isTrue();
    JobProgress p = jobs.progress(id).orElseThrow();
    assertThat(p.status()).isEqualTo("FAILED");
    assertThat(UserError.inLanguage(p.error(), false))
        .startsWith("job " + id + ", " + what + ": ")
        .contains(why)
        .contains("nothing was run, submit the job again");
    assertThat(UserError.inLanguage(p.error(), true)).contains("아무것도 실행하지 않았습니다");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND result IS NOT NULL")
                .param(id)
                .query(Integer.class)
                .single())
        .as("no piece computed")
        .isZero();
    assertThat(runner.runNext()).as("nothing of it is left to claim").isFalse();
  }

  private static final String EDITED = "its spec does not match its seal";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void qualityPiecesAndJobEditedUnsealedOrSwappedAreRefusedBeforeAnyWork(String db)
      throws Exception {
    open(db);
    Path file = JobsTest.writeRows(root.resolve("rows.jsonl"), 60);
    String widened = quality(file);
    editPiece(widened, 0, "\"end\":20", "\"end\":60");
    assertRefused(widened, "piece 0 (rows 1–20)", EDITED);

    // the job's spec edited (white space only, the same JSON to a parser): refused at the first
    // piece, before its rows are read
    String loosened = quality(file);
    int n =
        jdbc.sql(
                "UPDATE work_job SET spec = REPLACE(spec, '\"rowsPerPiece\"', ' \"rowsPerPiece\"')"
                    + " WHERE id = ?")
            .param(loosened)
            .update();
    assertThat(n).isEqualTo(1);
    assertRefused(loosened, "spec", EDITED);

    // a seal removed
    String unsealed = quality(file);
    jdbc.sql("UPDATE work_shard SET spec_seal = NULL WHERE job_id = ? AND shard_no = 0")
        .param(unsealed)
        .update();
    assertRefused(unsealed, "piece 0 (rows 1–20)", "its spec has no seal");

    // piece 2's spec copied over piece 0's with its seal: the seal names its own piece
    String swapped = quality(file);
    for (String column : List.of("spec", "spec_seal")) {
      String value =
          jdbc.sql("SELECT " + column + " FROM work_shard WHERE job_id = ? AND shard_no = 2")
              .param(swapped)
              .query(String.class)
              .single();
      jdbc.sql("UPDATE work_shard SET " + column + " = ? WHERE job_id = ? AND shard_no = 0")
          .params(value, swapped)
          .update();
    }
    assertRefused(swapped, "piece 0 (rows 1–20)", EDITED);
  }

  /**
   * What a piece needs, edited by SQL: made smaller (so that a worker too small for it would take
   * it), larger, negative, unsealed, or copied from another piece with its seal. Each is refused
   * right after the claim, naming job and piece, before any row is read.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aPieceWhoseNeedsWereEditedIsRefusedRightAfterTheClaim(String db) throws Exception {
    open(db);
    Path file = JobsTest.writeRows(root.resolve("rows.jsonl"), 60);
    String piece = "piece 0 (rows 1–20)";
    String smaller = quality(file);
    editNeeds(smaller, "need_memory_mb = 0");
    assertRefused(smaller, piece, "its needs (1 CPU · 0 MiB) do not match their seal");

    String larger = quality(file);
    editNeeds(larger, "need_memory_mb = 2");
    assertRefused(larger, piece, "its needs (1 CPU · 2 MiB) do not match their seal");

    String negative = quality(file);
    editNeeds(negative, "need_cpus = -1");
    assertRefused(negative, piece, "its needs (-1 CPU · 1 MiB) do not match their seal");

    String unsealed = quality(file);
    editNeeds(unsealed, "needs_seal = NULL");
    assertRefused(unsealed, piece, "its needs (1 CPU · 1 MiB) have no seal");

    // piece 2's needs (the same numbers) copied over piece 0's with their seal: bound to piece 2
    String swapped = quality(file);
    String seal2 =
        jdbc.sql("SELECT needs_seal FROM work_shard WHERE job_id = ? AND shard_no = 2")
            .param(swapped)
            .query(String.class)
            .single();
    editNeeds(swapped, "needs_seal = '" + seal2 + "'");
    assertRefused(swapped, piece, "its needs (1 CPU · 1 MiB) do not match their seal");
  }

  private static final String GPU1 = "http://10.0.0.1:8000/v1";
  private static final String GPU2 = "http://10.0.0.2:8000/v1";

  /**
   * The endpoint a piece asks, edited by SQL: moved to another endpoint (whose workers, permits and
   * API key would then serve it), NULLed (any worker would take it), given to a piece that named
   * none, copied from another piece with its seal, or unsealed (as a piece queued before V980).
   * Each is refused right after the claim, naming job and piece, before any work or permit.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aPieceWhoseEndpointWasEditedIsRefusedRightAfterTheClaim(String db) throws Exception {
    open(db);
    String moved = endpointJob("moved");
    editEndpoint(moved, "endpoint = '" + GPU2 + "'");
    assertRefused(moved, "piece 0 (gpu1)", "its endpoint (" + GPU2 + ") does not match its seal");

    String nulled = endpointJob("nulled");
    editEndpoint(nulled, "endpoint = NULL");
    assertRefused(nulled, "piece 0 (gpu1)", "its endpoint (none) does not match its seal");

    // the piece that named none given one: a worker limited to GPU1 would take it
    String given = endpointJob("given");
    int n =
        jdbc.sql("UPDATE work_shard SET endpoint = ? WHERE job_id = ? AND shard_no = 2")
            .params(GPU1, given)
            .update();
    assertThat(n).isEqualTo(1);
    jdbc.sql("UPDATE work_shard SET status = 'DONE' WHERE job_id = ? AND shard_no < 2")
        .param(given)
        .update();
    assertRefused(given, "piece 2 (any)", "its endpoint (" + GPU1 + ") does not match its seal");

    // piece 1's endpoint copied over piece 0's with its seal: the seal names its own piece
    String swapped = endpointJob("swapped");
    String seal1 =
        jdbc.sql("SELECT endpoint_seal FROM work_shard WHERE job_id = ? AND shard_no = 1")
            .param(swapped)
            .query(String.class)
            .single();
    editEndpoint(swapped, "endpoint = '" + GPU2 + "', endpoint_seal = '" + seal1 + "'");
    assertRefused(swapped, "piece 0 (gpu1)", "its endpoint (" + GPU2 + ") does not match its seal");

    String unsealed = endpointJob("unsealed");
    editEndpoint(unsealed, "endpoint_seal = NULL");
    assertRefused(
        unsealed,
        "piece 0 (gpu1)",
        "its endpoint (" + GPU1 + ") has no seal (it was queued before this version");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM eval_endpoint_permit").query(Integer.class).single())
        .as("no permits asked for")
        .isZero();
  }

  /** A job of a piece for GPU1, one for GPU2 and one that names no endpoint. */
  private String endpointJob(String id) {
    queue.submit(
        id,
        new QualityJob(),
        "endpoints",
        "{}",
        "office",
        List.of(
            new JobKind.Piece("gpu1", "{}", GPU1, Capacity.NONE),
            new JobKind.Piece("gpu2", "{}", GPU2, Capacity.NONE),
            new JobKind.Piece("any", "{}", null, Capacity.NONE)),
        JobSeal.of("", root));
    return id;
  }

  private void editEndpoint(String id, String assignment) {
    editNeeds(id, assignment);
  }

  private void editNeeds(String id, String assignment) {
    int n =
        jdbc.sql("UPDATE work_shard SET " + assignment + " WHERE job_id = ? AND shard_no = 0")
            .param(id)
            .update();
    assertThat(n).isEqualTo(1);
  }

  private String quality(Path file) {
    return jobs.submitQuality(file.toString(), "text", null, null, Thresholds.DEFAULT, 20, "o");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void anNgramsPieceWhoseRangeHashWasEditedToMatchAChangedFileIsRefused(String db)
      throws Exception {
    open(db);
    Path txt = root.resolve("web.txt");
    Files.writeString(txt, "가나다 라마바 사아자\n".repeat(400));
    Path out = root.resolve("idx.ngrams");
    var spec =
        new NgramsJob.Spec(
            List.of(new NgramsJob.Source(txt.toString(), 0)),
            "text",
            NgramParams.of(3, Normaliser.NORI_1, 16, 3),
            out.toString(),
            1 << 20);
    String id = jobs.submitNgrams(spec, "office");
    // the file changed, and its piece's recorded hash changed to match: the seal still refuses
    String before = NgramsJob.sha256(txt, 0, Files.size(txt));
    byte[] bytes = Files.readAllBytes(txt);
    bytes[100] = bytes[100] == ' ' ? (byte) '\n' : (byte) ' ';
    Files.write(txt, bytes);
    editPiece(id, 0, before, NgramsJob.sha256(txt, 0, bytes.length));
    assertRefused(
        id,
        "piece 0 (web.txt bytes 0–" + String.format(Locale.ROOT, "%,d", bytes.length) + ")",
        EDITED);
    try (var left = Files.list(root)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(f -> f.contains("ngrams"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aLineageJobEditedToCrawlLessSendsNoRequest(String db) throws Exception {
    open(db);
    try (FakeHub hub = new FakeHub()) {
      hub.put(model("team/Root"));
      hub.put(model("u1/ft").tag("base_model:team/Root"));
      System.setProperty("gukdae.lineage.hub", hub.endpoint().toString());
      try {
        var rules = new RulesQuery(null, null, null, null, null, null, null, null, null);
        var spec =
            new LineageJob.Spec(
                "team/Root", hub.endpoint().toString(), 2, 0, 500_000, rules, 50, true);
        String id = jobs.submit(new LineageJob(), "lineage", JobJson.write(spec), "office");
        // a recorded count made to stop after one repo: a smaller number as stage evidence
        int n =
            jdbc.sql("UPDATE work_job SET spec = REPLACE(spec, '500000', '1') WHERE id = ?")
                .param(id)
                .update();
        assertThat(n).isEqualTo(1);
        assertRefused(id, "spec", EDITED);
        assertThat(hub.requests).isEmpty();
      } finally {
        System.clearProperty("gukdae.lineage.hub");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void anOriginalityPieceEditedEvenHarmlesslyIsRefused(String db) throws Exception {
    open(db);
    var c = DemoWeights.Config.tiny();
    DemoWeights.independent(c, 1).write(root.resolve("foreign"), DType.BF16, 2);
    DemoWeights.independent(c, 2).write(root.resolve("team"), DType.BF16, 2);
    String id =
        jobs.submitOriginality(
            new OriginalityJob.Spec(
                root.resolve("team").toString(),
                "team",
                List.of(new OriginalityJob.Named("foreign", root.resolve("foreign").toString())),
                List.of(),
                true,
                true,
                7,
                null,
                null,
                0,
                0),
            "office");
    // white space only: the same JSON to a parser, still not the sealed bytes
    jdbc.sql("UPDATE work_shard SET spec = spec || ' ' WHERE job_id = ? AND shard_no = 0")
        .param(id)
        .update();
    String label =
        jdbc.sql("SELECT label FROM work_shard WHERE job_id = ? AND shard_no = 0")
            .param(id)
            .query(String.class)
            .single();
    assertRefused(id, "piece 0 (" + label + ")", EDITED);
  }

  /**
   * Seals a job's edited specs again, as someone who also holds the server secret could: what the
   * kinds check themselves (the Hub, the output path) must still hold then.
   */
  static void reseal(JdbcClient jdbc, Path home, String jobId) {
    JobSeal seal = JobSeal.of("", home);
    jdbc.sql("SELECT kind, spec FROM work_job WHERE id = ?")
        .param(jobId)
        .query((rs, n) ->
            jdbc.sql("UPDATE work_job SET spec_seal = ? WHERE id = ?")
                .params(
                    seal.sealSpec(jobId, JobSeal.RESULT, rs.getString(1), rs.getString(2)), jobId)
                .update())
        .list();
    jdbc.sql("SELECT shard_no, merge, spec FROM work_shard WHERE job_id = ?")
        .param(jobId)
        .query((rs, n) ->
            jdbc.sql("UPDATE work_shard SET spec_seal = ? WHERE job_id = ? AND shard_no = ?")
                .params(
                    seal.sealSpec(
                        jobId, rs.getInt(1), JobQueue.part(rs.getBoolean(2)), rs.getString(3)),
                    jobId,
                    rs.getInt(1))
                .update())
        .list();
  }
}
