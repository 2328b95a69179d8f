package kr.gukdae.eval.tasks;

import static kr.gukdae.eval.tasks.PackRuns.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmEvalImportTest {

  @TempDir Path tmp;

  private final Path data = resource("lmeval-data");

  private TaskLoader.Options withData(Path dir) {
    return new TaskLoader.Options(null, null, dir);
  }

  @Test
  void arcYamlWithIncludeRunsOnParquetLaidOutAsOnTheHub() throws Exception {
    for (String config : List.of("ARC-Easy", "ARC-Challenge")) {
      Path folder = Files.createDirectories(tmp.resolve("hf/allenai/ai2_arc/" + config));
      try (var db = DriverManager.getConnection("jdbc:duckdb:");
          var st = db.createStatement()) {
        st.execute(
            "COPY (SELECT * FROM (VALUES"
                + " ('Mercury_1', 'Which gas do plants take in from the air?',"
                + "  {'text': ['oxygen', 'carbon dioxide', 'helium'], 'label': ['A', 'B', 'C']}, 'B'),"
                + " ('Mercury_2', 'What is frozen water called?',"
                + "  {'text': ['steam', 'ice', 'frozen water called ice'], 'label': ['1', '2', '3']},"
                + "  '3')) AS t(id, question, choices, answerKey)) TO '"
                + folder.resolve("test-00000-of-00001.parquet")
                + "' (FORMAT parquet)");
      }
    }
    var registry = TaskRegistry.create(List.of(resource("lmeval/arc")));
    // _base_template.yaml has no task: it is only there to be included, so it is not listed.
    assertThat(registry.entries())
        .extracting(e -> e.name())
        .filteredOn(n -> n.startsWith("lmeval/"))
        .containsExactly("lmeval/arc_challenge", "lmeval/arc_easy");

    Task easy = registry.load("lmeval/arc_challenge", withData(tmp.resolve("hf")));

    assertThat(easy.samples().get(0).prompt())
        .isEqualTo("Question: Which gas do plants take in from the air?\nAnswer:");
    assertThat(easy.samples().get(0).choices())
        .containsExactly("oxygen", "carbon dioxide", "helium");
    assertThat(easy.samples().get(0).target()).isEqualTo("1");
    assertThat(easy.samples().get(1).target()).isEqualTo("2");
    assertThat(easy.scorers())
        .extracting(ScoreSpec::key)
        .containsExactly("acc,none", "acc_norm,none");
    assertThat(registry.expand("ai2_arc"))
        .containsExactly("lmeval/arc_challenge", "lmeval/arc_easy");

    var outcome = PackRuns.runLexical(List.of(easy), tmp.resolve("runs"), "arc");
    assertThat(PackRuns.metric(outcome, "lmeval/arc_challenge", "acc,none")).isBetween(0.0, 1.0);
  }

  @Test
  void kmmluYamlsKeepTheFullWidthColonAndTakeShotsFromDev() {
    var registry = TaskRegistry.create(List.of(resource("lmeval/kmmlu")));
    var options = new TaskLoader.Options(1, null, data);

    Task accounting = registry.load("lmeval/kmmlu_accounting", options);

    assertThat(accounting.samples()).hasSize(3);
    assertThat(accounting.samples().get(0).prompt())
        .isEqualTo(
            // Random(1234).sample(range(2), 1) == [1] in CPython: the second dev row.
            "수익을 기록하는 장부는?\nA. 손익계산서\nB. 주석\nC. 정관\nD. 등기부\n정답： A\n\n"
                + "재무상태표에 표시되는 항목은?\nA. 매출액\nB. 자산\nC. 매출원가\nD. 판매비\n정답：");
    assertThat(accounting.samples().get(0).target()).isEqualTo("1");
    assertThat(accounting.version()).as("metadata.version 2.0").isEqualTo(2);
    // Law's files are chosen over Criminal-Law's, which also end in -test.csv.
    assertThat(registry.load("lmeval/kmmlu_law", options).samples()).hasSize(1);
    assertThat(registry.expand("kmmlu"))
        .containsExactly("lmeval/kmmlu_accounting", "lmeval/kmmlu_law");
    // The folder's own kmmlu and kmmlu_humss groups replace the built-in ones of those names.
    var groups = new java.util.HashMap<String, TaskGroup>();
    registry.groups().forEach(g -> groups.put(g.name(), g));
    assertThat(groups.get("kmmlu_humss").aggregates())
        .containsExactly(new TaskGroup.Aggregate("acc", true));
    assertThat(groups.get("kmmlu_humss").members()).containsExactly("kmmlu_humss_tasks");
    assertThat(groups.get("kmmlu").aggregates().get(0).weightBySize()).isFalse();
  }

  @Test
  void fewshotConfigTemplatesRenderTheExamplesDifferently() throws Exception {
    Path set = Files.createDirectories(tmp.resolve("hf/org/cot"));
    Files.writeString(
        set.resolve("test.jsonl"), "{\"q\": \"2+2?\", \"a\": \"4\", \"why\": \"\"}\n");
    Files.writeString(
        set.resolve("dev.jsonl"),
        "{\"q\": \"1+1?\", \"a\": \"2\", \"why\": \"One and one. So 2.\"}\n");
    Path tasks = Files.createDirectories(tmp.resolve("tasks"));
    Files.writeString(
        tasks.resolve("cot.yaml"),
        """
        task: cot
        dataset_path: org/cot
        test_split: test
        fewshot_split: dev
        num_fewshot: 1
        fewshot_config:
          sampler: first_n
          doc_to_text: "Q: {{q}}\\nA:"
          doc_to_target: "{{why}}"
        output_type: generate_until
        doc_to_text: "Q: {{q}}\\nA: think."
        doc_to_target: a
        """);
    Task task = TaskRegistry.create(List.of(tasks)).load("lmeval/cot", withData(tmp.resolve("hf")));
    assertThat(task.samples().get(0).prompt())
        .isEqualTo("Q: 1+1?\nA: One and one. So 2.\n\nQ: 2+2?\nA: think.");
    assertThat(task.samples().get(0).target()).isEqualTo("4");
  }

  @Test
  void gsm8kScoresStrictAndFlexibleExtractionLikeLmEval() {
    var registry = TaskRegistry.create(List.of(resource("lmeval/gsm8k")));
    Task gsm8k = registry.load("lmeval/gsm8k", withData(data));

    var first = gsm8k.samples().get(0);
    // Two seeded-random examples from train, each "Question: …\nAnswer: <full answer>\n\n".
    assertThat(first.prompt().split("\n\nQuestion: ")).hasSize(3);
    assertThat(first.prompt())
        .startsWith("Question: ")
        .contains("\nAnswer: 4 * 5 = 20.\n#### 20\n\nQuestion: ")
        .endsWith(
            "\n\nQuestion: Mina has 3 boxes of 12 pencils. She gives away 5 pencils."
                + " How many are left?\nAnswer:");
    assertThat(gsm8k.scorers())
        .extracting(ScoreSpec::key)
        .containsExactly("exact_match,strict-match", "exact_match,flexible-extract");
    var strict = gsm8k.scorers().get(0).scorer();
    var flexible = gsm8k.scorers().get(1).scorer();
    assertThat(PackRuns.score(strict, first, " She has 31 left.\n#### 31")).isEqualTo(1.0);
    assertThat(PackRuns.score(strict, first, " She has 31 left.")).isZero();
    assertThat(PackRuns.score(flexible, first, " 36 - 5 = 31 pencils.")).isEqualTo(1.0);
    assertThat(PackRuns.score(flexible, first, " 31 pencils, not 30")).isZero();
    // "$2,500." loses "$", "," and the final "." on both sides.
    var second = gsm8k.samples().get(1);
    assertThat(PackRuns.score(strict, second, "#### $2,500.")).isZero();
    assertThat(PackRuns.score(strict, second, "#### 2,500")).isEqualTo(1.0);
    assertThat(PackRuns.score(flexible, second, "That is $2,500.")).isEqualTo(1.0);
    assertThat(gsm8k.config().generation().stop())
        .containsExactly("Question:", "</s>", "<|im_end|>");

    var outcome = PackRuns.runLexical(List.of(gsm8k), tmp, "gsm8k");
    assertThat(PackRuns.metric(outcome, "lmeval/gsm8k", "exact_match,flexible-extract"))
        .isBetween(0.0, 1.0);
  }

  @Test
  void aFunctionWhoseHelperFileIsMissingNamesTheKeyTheIncludeAndTheFile() {
    var registry = TaskRegistry.create(List.of(resource("lmeval/bad")));
    assertThatThrownBy(() -> registry.load("lmeval/click_cul_economy", withData(data)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("click_economy.yaml")
        .hasMessageContaining("doc_to_text is '!function utils.get_context'")
        .hasMessageContaining("(written in ")
        .hasMessageContaining("_default_click_yaml")
        .hasMessageContaining("utils.py does not exist");
  }

  @Test
  void missingDataNamesTheFolderAndTheFix() {
    var registry = TaskRegistry.create(List.of(resource("lmeval/arc")));
    assertThatThrownBy(() -> registry.load("lmeval/arc_easy", withData(tmp)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("allenai/ai2_arc")
        .hasMessageContaining("--data-dir");
  }

  @Test
  void groupAggregationIsMicroOrMacro() {
    var parts = List.of(new TaskGroup.Measure(1.0, 30), new TaskGroup.Measure(0.0, 10));
    assertThat(TaskGroup.combine(parts, true)).isEqualTo(new TaskGroup.Measure(0.75, 40));
    assertThat(TaskGroup.combine(parts, false).value()).isEqualTo(0.5);
  }
}
