package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What lm-evaluation-harness's own readers expect of a run folder (its {@code lm_eval/utils.py}:
 * {@code get_results_filenames}, {@code get_latest_filename}, {@code get_file_task_name}, {@code
 * make_table}; its {@code result_schema.py}), checked on a gukdae run of a group (kobest), a task
 * with two filters (gsm8k) and a task with category rows. lm-eval's table printer was run on such a
 * file (docs/packs-ko.md); this test keeps what it relies on from regressing.
 */
class LmEvalReadersTest {

  @TempDir Path tmp;

  @Test
  void aRunFolderIsWhatLmEvalsReadersAndTablePrinterExpect() throws Exception {
    var registry = TaskRegistry.create(List.of());
    RunPlan plan = registry.plan(List.of("kobest", "global/gsm8k", "demo/ko_knowledge"));
    List<Task> tasks =
        plan.tasks().stream().map(n -> registry.load(n, TaskLoader.Options.DEFAULTS)).toList();
    try (ModelApi api = Models.open("demo/lexical")) {
      var outcome =
          EvalRunner.run(
              tasks,
              plan.groups(),
              api,
              new RunOptions(tmp, "r", null, null, 2, false),
              null,
              ProgressListener.NONE);
      assertThat(outcome.errors()).isZero();
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(tmp.resolve("r"))) {
      walk.filter(Files::isRegularFile).forEach(p -> files.add(p.toString()));
    }
    // get_results_filenames / get_latest_filename: "/results_" and ".json" in the path, the
    // date after the last "_"
    List<String> results =
        files.stream().filter(f -> f.contains("/results_") && f.contains(".json")).toList();
    assertThat(results).hasSize(1);
    String date = afterLastUnderscore(results.get(0)).replace(".json", "");
    assertThat(date).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{6}");
    // get_sample_results_filenames / get_file_task_name on the model folder's samples files
    Set<String> sampleTasks = new HashSet<>();
    for (String f : files) {
      String base = Path.of(f).getFileName().toString();
      if (f.contains("/samples_") && f.contains(".json") && base.contains(date)) {
        sampleTasks.add(base.substring(base.indexOf('_') + 1, base.lastIndexOf('_')));
        assertThat(afterLastUnderscore(f).replace(".jsonl", "")).isEqualTo(date);
      }
    }
    assertThat(sampleTasks)
        .containsExactlyInAnyOrder(
            plan.tasks().stream().map(t -> t.replaceAll("\\W", "_")).toArray(String[]::new));

    JsonNode root = TaskLoader.JSON.readTree(Path.of(results.get(0)).toFile());
    JsonNode rows = root.path("results");
    assertThat(root.path("date").isNumber()).isTrue();
    assertThat(root.path("total_evaluation_time_seconds").isString()).isTrue();
    for (String section : List.of("results", "groups")) {
      for (Map.Entry<String, JsonNode> row : root.path(section).properties()) {
        String name = row.getKey();
        // make_table: every key but alias is a metric row, "metric,filter" with a stderr beside
        for (Map.Entry<String, JsonNode> field : row.getValue().properties()) {
          String key = field.getKey();
          if (key.equals("alias")) {
            // the printer indents by group_subtasks itself: no "- " or spaces in the alias
            assertThat(field.getValue().asString())
                .as(name)
                .doesNotStartWith(" ")
                .doesNotStartWith("-");
            continue;
          }
          assertThat(key).as(name).matches("[a-z_0-9]+,[a-z_\\-]+");
          String metric = key.substring(0, key.indexOf(','));
          String filter = key.substring(key.indexOf(',') + 1);
          if (metric.endsWith("_stderr")) {
            assertThat(field.getValue().isNumber() || field.getValue().asString().equals("N/A"))
                .as(name + " " + key)
                .isTrue();
            continue;
          }
          assertThat(field.getValue().isDouble()).as(name + " " + key).isTrue();
          assertThat(row.getValue().has(metric + "_stderr," + filter))
              .as(name + " " + key)
              .isTrue();
          // the arrow column: a direction for each metric of each row, groups included
          assertThat(root.path("higher_is_better").path(name).path(metric).isBoolean())
              .as("higher_is_better " + name + " " + metric)
              .isTrue();
        }
        // every row has n-shot (groups: their tasks' common value), tasks and categories a version
        assertThat(root.path("n-shot").path(name).isInt()).as("n-shot " + name).isTrue();
        if (!name.equals("kobest")) {
          assertThat(root.path("versions").path(name).isNumber()).as("version " + name).isTrue();
        }
      }
    }
    // group rows: in "results" and "groups", before their tasks; children are rows too
    assertThat(root.path("groups").has("kobest")).isTrue();
    assertThat(rows.propertyNames().iterator().next()).isEqualTo("kobest");
    for (Map.Entry<String, JsonNode> group : root.path("group_subtasks").properties()) {
      assertThat(rows.has(group.getKey())).as(group.getKey()).isTrue();
      group
          .getValue()
          .forEach(child -> assertThat(rows.has(child.asString())).as(child.asString()).isTrue());
    }
    assertThat(root.path("group_subtasks").path("kobest")).hasSize(5);
    assertThat(rows.path("demo/ko_knowledge:Law").path("alias").asString()).isEqualTo("Law");
    // two filters of one metric: two rows, one metric_list entry in the config
    assertThat(rows.path("global/gsm8k").has("exact_match,strict-match")).isTrue();
    assertThat(rows.path("global/gsm8k").has("exact_match,flexible-extract")).isTrue();
    assertThat(root.path("configs").path("global/gsm8k").path("metric_list")).hasSize(1);
    // gukdae's own facts only under "gukdae"
    assertThat(root.path("gukdae").path("primary_metric").path("global/gsm8k").asString())
        .isEqualTo("exact_match,strict-match");
  }

  private static String afterLastUnderscore(String file) {
    return file.substring(file.lastIndexOf('_') + 1);
  }
}
