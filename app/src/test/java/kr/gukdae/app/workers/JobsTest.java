package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.app.originality.ReportJson;
import kr.gukdae.app.originality.Vocab;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.TrainingLogCheck;
import kr.gukdae.originality.WeightModel;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Originality checks and quality scans on the job queue, on both databases, computed by several
 * in-process workers: the joined reports equal the single-process ones; a holder whose lease ran
 * out is fenced (its late result is refused, its successor's stands); a piece that keeps failing
 * fails its job with the reason; paths outside the allowed roots and a worker's differing copy of a
 * file are refused. The kill of a real worker process is {@link JobsProcessTest}'s.
 */
class JobsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration LEASE = Duration.ofMinutes(5);

  @TempDir Path root;
  private JdbcClient jdbc;
  private JobQueue queue;
  private Jobs jobs;
  private DataSource ds;

  private void open(String database) throws Exception {
    ds = TestDatabases.migrated(database);
    queue = new JobQueue(ds);
    jdbc = queue.jdbc();
    jobs = new Jobs(ds, root.toString(), "", root);
  }

  private JobRunner runner(String id) {
    var config = new Worker.Config(id, 2, null, LEASE, Duration.ofMillis(10), root);
    return new JobRunner(queue, config, () -> false);
  }

  private String status(String id) {
    return jdbc.sql("SELECT status FROM work_job WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private WeightModel demo(String name, DemoWeights.Model model) {
    model.write(root.resolve(name), DType.BF16, 2);
    return WeightModel.open(name, root.resolve(name));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void originalityCheckInPiecesEqualsTheSingleProcessCheckAndALateHolderIsFenced(String db)
      throws Exception {
    open(db);
    var c = DemoWeights.Config.tiny();
    var base = DemoWeights.independent(c, 1);
    WeightModel foreign = demo("foreign", base);
    WeightModel team = demo("team", DemoWeights.fineTuned(DemoWeights.independent(c, 1), 7, 0.05));
    WeightModel nullA = demo("indep-a", DemoWeights.independent(c, 21));
    WeightModel nullB = demo("indep-b", DemoWeights.independent(c, 22));
    var options = new Originality.Options(true, true, 1);
    // through text, as the job's result travels (numbers read back as the same node types)
    var single =
        JSON.readTree(
            ReportJson.report(
                    Originality.compare(
                        team,
                        List.of(foreign),
                        Originality.calibrate(List.of(nullA, nullB), options),
                        options,
                        null))
                .toString());

    String id =
        jobs.submitOriginality(
            new OriginalityJob.Spec(
                root.resolve("team").toString(),
                "team",
                List.of(new OriginalityJob.Named("foreign", root.resolve("foreign").toString())),
                List.of(root.resolve("indep-a").toString(), root.resolve("indep-b").toString()),
                true,
                true,
                7,
                null,
                null,
                0,
                0),
            "user-office");
    JobProgress before = jobs.progress(id).orElseThrow();
    // pairs of the reference and of the null pair in pieces of 7, plus one hash per weight file
    assertThat(before.shardsTotal()).isGreaterThan(6);
    assertThat(before.kind()).isEqualTo("originality");

    // a worker takes a piece and stalls past its lease; another takes it over and finishes it
    JobQueue.Claim stalled = queue.claim("slow", LEASE).orElseThrow();
    jdbc.sql(
            "UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR"
                + " WHERE job_id = ? AND shard_no = ?")
        .params(id, stalled.shardNo())
        .update();
    QueueFixture.drain(runner("w1"), runner("w2"));
    assertThat(queue.complete(stalled, "[\"forged\"]", JobSeal.of("", root), List.of()))
        .as("fenced")
        .isFalse();
    assertThat(queue.renew(stalled, LEASE)).isFalse();

    assertThat(status(id)).isEqualTo("DONE");
    JobProgress done = jobs.progress(id).orElseThrow();
    assertThat(done.shardsDone()).isEqualTo(done.shardsTotal());
    assertThat(done.retries()).isEqualTo(1);
    assertThat(done.etaSeconds()).isNull();
    ObjectNode joined = (ObjectNode) JSON.readTree(jobs.result(id).orElseThrow());
    String reportId = joined.remove("id").asString();
    assertThat(joined).isEqualTo(single);
    assertThat(joined.get("verdict").asString()).isEqualTo("FINE-TUNED FROM foreign");
    // stored as a single process stores it, with the weight files pinned by hash
    assertThat(
            jdbc.sql("SELECT verdict FROM forensics_report WHERE id = ?")
                .param(reportId)
                .query(String.class)
                .single())
        .isEqualTo("FINE-TUNED FROM foreign");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM forensics_weight_file WHERE report_id = ?")
                .param(reportId)
                .query(Integer.class)
                .single())
        .isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void originalityJobTakesTheTrainingLogAsTheCommandDoesAndPinsIt(String db) throws Exception {
    open(db);
    var c = DemoWeights.Config.tiny();
    WeightModel foreign = demo("foreign", DemoWeights.independent(c, 1));
    WeightModel team = demo("team", DemoWeights.independent(c, 2));
    // a curve that starts near its floor: the log check flags it as a continued run
    Path log = root.resolve("team-loss.csv");
    StringBuilder csv = new StringBuilder("step,loss,tokens\n");
    for (int step = 0; step <= 2000; step += 20) {
      csv.append(step).append(',').append(2.0 + 0.3 * Math.exp(-step / 300.0));
      csv.append(',').append(step * 2_000_000L).append('\n');
    }
    Files.writeString(log, csv);
    var options = new Originality.Options(true, true, 1);
    // what gukdae originality --candidate team --reference foreign=… --log … --claimed-tokens 5e12
    // computes (no --vocab: the candidate's embedding rows)
    var command =
        Originality.compare(
            team,
            List.of(foreign),
            Originality.calibrate(List.of(), options),
            options,
            TrainingLogCheck.check(log, Vocab.guess(team), 5e12));
    assertThat(command.log()).isNotNull();
    var single = JSON.readTree(ReportJson.report(command).toString());

    var spec =
        new OriginalityJob.Spec(
            root.resolve("team").toString(),
            "team",
            List.of(new OriginalityJob.Named("foreign", root.resolve("foreign").toString())),
            List.of(),
            true,
            true,
            50,
            log.toString(),
            null,
            0,
            5e12);
    String id = jobs.submitOriginality(spec, "office");
    QueueFixture.drain(runner("w1"), runner("w2"));
    assertThat(status(id)).isEqualTo("DONE");
    ObjectNode joined = (ObjectNode) JSON.readTree(jobs.result(id).orElseThrow());
    joined.remove("id");
    assertThat(joined).isEqualTo(single);
    assertThat(joined.get("log").isObject()).isTrue();

    // the log is pinned at submission: a worker whose copy differs refuses the merge
    String changed = jobs.submitOriginality(spec, "office");
    Files.writeString(log, csv.toString().replace("0,2.3,", "0,9.9,"));
    QueueFixture.drain(runner("w1"));
    assertThat(status(changed)).isEqualTo("FAILED");
    assertThat(jobs.progress(changed).orElseThrow().error())
        .contains("training log differs from the submitted one");
    // a log outside the allowed folders is refused before anything is queued
    Path outside = Files.createTempFile("gukdae-log", ".csv");
    try {
      assertThatThrownBy(() ->
              jobs.submitOriginality(
                  new OriginalityJob.Spec(
                      spec.candidate(),
                      "team",
                      spec.references(),
                      List.of(),
                      true,
                      true,
                      50,
                      outside.toString(),
                      null,
                      0,
                      0),
                  "office"))
          .isInstanceOf(UserError.class)
          .hasMessageStartingWith("log: ");
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void qualityScanInPiecesEqualsTheSingleProcessScanNearCopiesAcrossPiecesIncluded(String db)
      throws Exception {
    open(db);
    Path file = writeRows(root.resolve("ko-web.jsonl"), 300);
    var single =
        QualityCheck.run("ko-web.jsonl", "-", 1, Datasets.read(file), "text", Thresholds.DEFAULT);
    String id =
        jobs.submitQuality(file.toString(), "text", null, null, Thresholds.DEFAULT, 40, "office");
    assertThat(jobs.progress(id).orElseThrow().shardsTotal()).isEqualTo(8);
    QueueFixture.drain(runner("w1"), runner("w2"), runner("w3"));
    assertThat(status(id)).isEqualTo("DONE");
    // every piece and the merge timed by its holder (the per-kind shard latency of /metrics)
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND duration_ms IS NULL")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();
    var joined =
        JSON.readValue(jobs.result(id).orElseThrow(), kr.gukdae.data.quality.QualityReport.class);
    assertThat(joined).isEqualTo(single);
    // row 261 (piece 7) copies row 13 (piece 1) with its spaces removed and a word changed
    assertThat(joined.findings())
        .anySatisfy(f -> {
          assertThat(f.row()).isEqualTo(file + ":261");
          assertThat(f.detail()).startsWith("near copy of " + file + ":13 ");
        });

    // a worker whose copy of the file differs refuses; after four claims the job fails, saying why
    Path other = writeRows(root.resolve("other.jsonl"), 50);
    String bad =
        jobs.submitQuality(other.toString(), "text", null, null, Thresholds.DEFAULT, 100, "o");
    Files.writeString(other, "{\"text\": \"바뀐 내용\"}\n", StandardCharsets.UTF_8);
    QueueFixture.drain(runner("w1"));
    assertThat(status(bad)).isEqualTo("FAILED");
    JobProgress failed = jobs.progress(bad).orElseThrow();
    assertThat(failed.shardsFailed()).isEqualTo(1);
    assertThat(failed.retries()).isEqualTo(4);
    assertThat(failed.error()).contains("claimed 4 times").contains("differs from the submitted");
    assertThat(failed.problems())
        .singleElement()
        .satisfies(s -> assertThat(s.error()).contains("differs from the submitted one"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2"})
  void pathsOutsideTheAllowedRootsAreRefusedLinksAndDotsIncluded(String db) throws Exception {
    open(db);
    Path outside = Files.createTempFile("gukdae-outside", ".jsonl");
    try {
      Files.writeString(outside, "{\"text\": \"비밀\"}\n");
      Path link = root.resolve("link.jsonl");
      Files.createSymbolicLink(link, outside);
      for (String p :
          List.of(
              outside.toString(),
              link.toString(),
              root.resolve("../" + outside.getFileName()).toString(),
              "relative.jsonl",
              root.resolve("missing.jsonl").toString())) {
        assertThatThrownBy(
                () -> jobs.submitQuality(p, "text", null, null, Thresholds.DEFAULT, 10, "o"))
            .as(p)
            .isInstanceOf(UserError.class)
            .hasMessageStartingWith("file: ");
      }
      assertThat(jdbc.sql("SELECT COUNT(*) FROM work_job").query(Integer.class).single()).isZero();
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  /** Korean rows with exact and near copies whose originals lie in earlier pieces. */
  static Path writeRows(Path file, int n) throws Exception {
    var gen = new kr.gukdae.data.GeneratedText(3);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      texts.add(gen.korean(30));
    }
    if (n > 250) {
      texts.set(250, texts.get(5));
      texts.set(260, texts.get(12).replace(" ", "").replaceFirst("정부", "국가"));
      texts.set(270, texts.get(100).replace(" ", ""));
      texts.set(280, "연락처 010-1234-5678 로 문의");
    }
    List<String> lines = new ArrayList<>();
    texts.forEach(t -> lines.add(JSON.writeValueAsString(Map.of("text", t))));
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
