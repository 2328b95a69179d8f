package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import kr.gukdae.UserError;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.stage.DemoFilesForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workspace's rules against hostile and mistaken input, on each database: bad programme files
 * and evidence files give one error and record nothing; imports are marked imported; a second
 * decision needs a reason and supersedes, and of two offices deciding at once only one wins; a row
 * edited in the database stops counting; the demo never loads over a real programme.
 */
abstract class StageRulesContract {

  @Autowired StageService stages;
  @Autowired JdbcClient jdbc;

  /** The demo programme as a real programme: same teams and scheme, not labelled demo. */
  static String real() {
    return DemoFilesForTests.programme().replace("demo: true", "demo: false");
  }

  int rows(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
  }

  Programmes.Loaded load(Path dir, String text) throws Exception {
    Path file = dir.resolve("p-" + System.nanoTime() + ".yaml");
    Files.writeString(file, text);
    return stages.load(file, "office");
  }

  Path evidence(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("e-" + System.nanoTime() + ".yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void badInputGivesOneErrorAndRecordsNothing(@TempDir Path dir) throws Exception {
    int before = rows("stage_programme");
    assertThatThrownBy(() ->
            load(
                dir, real().replace("    KO-Math: ko/hrm8k_gsm8k", "    KO-Maths: ko/hrm8k_gsm8k")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("evaluation.tasks.KO-Maths: is not a benchmark of the scheme");
    assertThat(rows("stage_programme")).isEqualTo(before);

    Programmes.Loaded loaded = load(dir, real());
    int evidenceBefore = rows("stage_evidence");
    record Bad(String yaml, String message) {}
    List<Bad> bad =
        List.of(
            new Bad(
                "- {type: user-evaluation, team: nobody, stage: 1, rating: 1100, low: 1000, high: 1200, votes: 10}",
                "is not a team"),
            new Bad(
                "- {type: user-evaluation, team: hanbit, stage: 2, rating: 1100, low: 1000, high: 1200, votes: 10}",
                "this import is for stage 1"),
            new Bad(
                "- {type: user-evaluation, team: hallasan, stage: 1, rating: 1100, low: 1000, high: 1200, votes: 10}",
                "no submitted model in stage 1"),
            new Bad(
                "- {type: benchmark, team: hanbit, stage: 1, group: GLOBAL, benchmark: KO-Math, score: 50}",
                "'GLOBAL/KO-Math' is not in the scheme"),
            new Bad(
                "- {type: user-evaluation, team: hanbit, stage: 1, rating: 1100, low: 1000, high: 1200, votes: 10}\n- {type: user-evaluation, team: hanbit, stage: 1, rating: 1100, low: 1000, high: 1200, votes: 10}",
                "a second record"),
            new Bad(
                "- {type: review, team: hanbit, stage: 1, reviewer: rv02, items: {originality: 9,"
                    + " training: 9, data-safety: 9, report: 9}}",
                "conflict of interest"),
            new Bad(
                "- {type: derivatives, team: hanbit, stage: 1, count: 3}",
                "the scheme has no derivatives component"));
    for (Bad b : bad) {
      Path file = evidence(dir, b.yaml());
      assertThatThrownBy(() -> stages.importFile(loaded, 1, file))
          .as(b.yaml())
          .isInstanceOf(UserError.class)
          .hasMessageContaining("nothing imported")
          .hasMessageContaining(b.message());
      assertThat(rows("stage_evidence")).as(b.yaml()).isEqualTo(evidenceBefore);
    }
    // the review panel's own checks read in the chosen language, not both glued together
    Path stranger =
        evidence(
            dir,
            "- {type: review, team: hanbit, stage: 1, reviewer: rv99, items: {originality: 9, training: 9, data-safety: 9, report: 9}}");
    assertThatThrownBy(() -> stages.importFile(loaded, 1, stranger))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true))
                  .contains("평가위원 'rv99'은(는) 이 패널에 없습니다")
                  .doesNotContain("is not on the panel");
              assertThat(e.message(false))
                  .contains("reviewer 'rv99' is not on the panel")
                  .doesNotContain("이 패널에 없습니다");
            });
    assertThat(rows("stage_evidence")).isEqualTo(evidenceBefore);
  }

  @Test
  void importedRecordsAreMarkedAndASecondDecisionNeedsAReasonAndSupersedes(@TempDir Path dir)
      throws Exception {
    Programmes.Loaded loaded =
        load(dir, real().replace("version: \"2026.1-demo\"", "version: \"r2\""));
    Path file = evidence(dir, DemoFilesForTests.evidence());
    var imported = stages.importFile(loaded, 1, file);
    assertThat(imported).isNotEmpty().allMatch(StageEvidence::imported);
    Path again =
        evidence(
            dir,
            "- {type: user-evaluation, team: hanbit, stage: 1, rating: 1100, low: 1000, high: 1200, votes: 10}");
    assertThatThrownBy(() -> stages.importFile(loaded, 1, again))
        .hasMessageContaining("already recorded");

    var first = stages.decide(loaded, 1, "office", true, null);
    assertThat(first.result().survivors()).contains("hanbit");
    int decisions = rows("stage_decision");
    assertThatThrownBy(() -> stages.decide(loaded, 1, "office", true, ""))
        .hasMessageContaining("give a reason");
    assertThat(rows("stage_decision")).isEqualTo(decisions);

    // Two offices re-decide at the same moment: the unique chain key lets exactly one through.
    var start = new CountDownLatch(1);
    List<Callable<Object>> both = new ArrayList<>();
    for (String who : List.of("office-a", "office-b")) {
      both.add(() -> {
        start.await();
        try {
          return stages.decide(loaded, 1, who, true, "recount by " + who);
        } catch (RuntimeException e) {
          return e;
        }
      });
    }
    List<Object> outcomes = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      var futures = both.stream().map(pool::submit).toList();
      start.countDown();
      for (var f : futures) {
        outcomes.add(f.get());
      }
    }
    assertThat(outcomes).filteredOn(o -> o instanceof StageService.Decided).hasSize(1);
    var winner =
        (StageService.Decided)
            outcomes.stream().filter(o -> o instanceof StageService.Decided).findFirst().get();
    assertThat(winner.supersedesSeq()).isEqualTo(first.ledgerSeq());
    assertThat(rows("stage_decision")).isEqualTo(decisions + 1);
  }

  @Test
  void aRowEditedInTheDatabaseStopsCounting(@TempDir Path dir) throws Exception {
    Programmes.Loaded loaded =
        load(dir, real().replace("version: \"2026.1-demo\"", "version: \"r3\""));
    stages.importFile(loaded, 1, evidence(dir, DemoFilesForTests.evidence()));
    assertThat(stages.status(loaded, 1).complete()).isTrue();
    jdbc.sql(
            "UPDATE stage_evidence SET record_json = REPLACE(record_json, '\"votes\":980',"
                + " '\"votes\":9800') WHERE programme_id = ? AND kind = 'user-evaluation'"
                + " AND team = 'hanbit'")
        .param(loaded.id())
        .update();
    Readiness r = stages.status(loaded, 1);
    assertThat(r.complete()).isFalse();
    assertThat(r.teams().stream().flatMap(t -> t.items().stream()))
        .anySatisfy(i -> {
          assertThat(i.state()).isEqualTo(Readiness.State.STALE);
          assertThat(i.detail().en()).contains("edited after it was recorded");
        });
  }

  @Test
  void anEvalRunFinishedBeforeTheStageStartedIsStale(@TempDir Path dir) throws Exception {
    Programmes.Loaded loaded =
        load(dir, real().replace("version: \"2026.1-demo\"", "version: \"r5\""));
    var before = java.time.OffsetDateTime.parse("2025-01-01T00:00:00Z");
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at, finished_at)"
                + " VALUES ('old-run', 'demo/lexical', 'demo/ko_knowledge', 'DONE', ?, ?)")
        .params(before, before)
        .update();
    jdbc.sql(
            "INSERT INTO eval_result (run_id, task, metric, filter_name, aggregation,"
                + " metric_value, n_samples) VALUES ('old-run', 'demo/ko_knowledge', 'acc', 'none',"
                + " 'micro', 0.9, 20)")
        .update();
    var item =
        stages.status(loaded, 1).teams().stream()
            .filter(t -> t.team().equals("hanbit"))
            .flatMap(t -> t.items().stream())
            .filter(i -> i.component().equals("korean-benchmarks/KO-Knowledge"))
            .findFirst()
            .orElseThrow();
    assertThat(item.state()).isEqualTo(Readiness.State.STALE);
    assertThat(item.detail().en()).isEqualTo("run finished before the stage started");
  }

  @Test
  void aGroupCountsByItsAggregateInTheNamedMetric(@TempDir Path dir) throws Exception {
    Programmes.Loaded loaded =
        load(
            dir,
            real()
                .replace("version: \"2026.1-demo\"", "version: \"r6\"")
                .replace(
                    "KO-Knowledge: demo/ko_knowledge",
                    "KO-Knowledge: {task: demo/ko_knowledge, metric: acc_norm}"));
    var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at, finished_at)"
                + " VALUES ('group-run', 'demo/lexical-90', 'demo/ko_knowledge', 'DONE', ?, ?)")
        .params(now, now)
        .update();
    String row =
        "INSERT INTO eval_result (run_id, task, metric, filter_name, aggregation, metric_value,"
            + " n_samples) VALUES ('group-run', ?, ?, 'none', ?, ?, 20)";
    jdbc.sql(row).params("demo/ko_knowledge", "acc", "micro", 0.5).update();
    jdbc.sql(row).params("demo/ko_knowledge", "acc_norm", "micro", 0.6).update();
    jdbc.sql(row).params("demo/ko_knowledge#macro", "acc", "macro", 0.7).update();
    jdbc.sql(row).params("demo/ko_knowledge#macro", "acc_norm", "macro", 0.8).update();
    var record =
        stages.gather(loaded, 1).stream()
            .filter(e -> e.team().equals("baekdu") && e.slot().equals("KOREAN/KO-Knowledge"))
            .findFirst()
            .orElseThrow();
    assertThat(((kr.gukdae.stage.Evidence.BenchmarkResult) record.evidence()).score())
        .isCloseTo(80.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(record.sourceJson()).contains("\"task\":\"demo/ko_knowledge#macro\"");
    assertThat(record.counts()).isTrue();
  }

  @Test
  void theDemoNeverLoadsOverARealProgramme(@TempDir Path dir) throws Exception {
    load(dir, real().replace("version: \"2026.1-demo\"", "version: \"r4\""));
    int before = rows("stage_programme");
    assertThatThrownBy(() -> stages.loadDemo("demo"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("own GUKDAE_HOME");
    assertThat(rows("stage_programme")).isEqualTo(before);
  }
}
