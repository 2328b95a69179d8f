package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KMMLU-Redux, KMMLU-Pro and MMLU-Pro 5-shot: prompts, targets, real-data layout, full runs. */
class ProfessionalPacksTest {

  @TempDir Path tmp;

  private final TaskRegistry registry = TaskRegistry.create(List.of());

  private Task load(String name) {
    return registry.load(name, TaskLoader.Options.DEFAULTS);
  }

  /**
   * lm-eval's mmlu_pro (v3.1) context for the first bundled test row, computed independently with
   * its format_cot_example/format_cot_target in Python: description, five same-category validation
   * examples (question + " " + cot_content without "A: Let's think step by step. " + "\n\n"), then
   * the question.
   */
  static final String MMLU_PRO_5SHOT =
      "The following are multiple choice questions (with answers) about biology. Think step by"
          + " step and then finish your answer with \"the answer is (X)\" where X is the correct"
          + " letter choice.\nQuestion:\nWhich molecule carries amino acids to the ribosome"
          + " during translation?\nOptions:\nA. messenger RNA\nB. transfer RNA\nC. ribosomal"
          + " RNA\nD. DNA polymerase\nAnswer: Let's think step by step. Messenger RNA carries the"
          + " code and ribosomal RNA forms the ribosome; the adaptor that brings each amino acid"
          + " is transfer RNA. The answer is (B).\n\nQuestion:\nIn which part of a plant cell"
          + " does photosynthesis take place?\nOptions:\nA. Vacuole\nB. Cell wall\nC."
          + " Chloroplast\nD. Nucleus\nE. Mitochondrion\nAnswer: Let's think step by step."
          + " Photosynthesis needs chlorophyll, which sits in the chloroplasts. The answer is"
          + " (C).\n\nQuestion:\nHow many chromosomes does a normal human body cell"
          + " contain?\nOptions:\nA. 23\nB. 44\nC. 46\nD. 48\nAnswer: Let's think step by step."
          + " Body cells are diploid: 23 pairs, which is 46 chromosomes. The answer is"
          + " (C).\n\nQuestion:\nWhich blood cells mainly carry oxygen?\nOptions:\nA."
          + " Platelets\nB. White blood cells\nC. Plasma cells\nD. Red blood cells\nAnswer:"
          + " Let's think step by step. Red blood cells are full of haemoglobin, which binds"
          + " oxygen. The answer is (D).\n\nQuestion:\nWhat kind of bond joins the two strands"
          + " of a DNA double helix?\nOptions:\nA. Ionic bonds\nB. Hydrogen bonds\nC. Peptide"
          + " bonds\nD. Disulfide bonds\nE. Metallic bonds\nAnswer: Let's think step by step."
          + " The bases pair across the helix through hydrogen bonds. The answer is"
          + " (B).\n\nQuestion:\nWhich organelle produces most of a cell's ATP?\nOptions:\nA."
          + " Nucleus\nB. Ribosome\nC. Mitochondrion\nD. Golgi apparatus\nE. Lysosome\nAnswer:"
          + " Let's think step by step.";

  @Test
  void mmluProFiveShotMatchesLmEvaluationHarnessByteForByte() {
    Task task = load("global/mmlu_pro");
    assertThat(task.samples().get(0).prompt()).isEqualTo(MMLU_PRO_5SHOT);
    assertThat(task.config().numFewshot()).isEqualTo(5);
    assertThat(task.config().generation().stop()).containsExactly("Question:");
    assertThat(task.samples().get(0).target()).isEqualTo("C");
    // The business question gets the five business examples, and no biology one.
    String business = task.samples().get(1).prompt();
    assertThat(business)
        .startsWith("The following are multiple choice questions (with answers) about business.")
        .contains("The answer is (C).\n\nQuestion:\nWhich financial statement")
        .doesNotContain("organelle")
        .doesNotContain("chromosomes")
        .endsWith("F. 350\nAnswer: Let's think step by step.");
    assertThat(business.split("Answer: Let's think step by step\\.")).hasSize(6);
  }

  @Test
  void mmluProZeroShotStaysAvailableUnderItsOwnName() {
    Task zero = load("global/mmlu_pro_zeroshot");
    assertThat(zero.samples().get(0).prompt())
        .isEqualTo(
            MMLU_PRO_5SHOT.substring(0, MMLU_PRO_5SHOT.indexOf("Question:"))
                + MMLU_PRO_5SHOT.substring(MMLU_PRO_5SHOT.lastIndexOf("Question:")));
    assertThat(zero.config().numFewshot()).isZero();
  }

  @Test
  void tooFewExamplesOfACategoryIsAnErrorNamingIt() {
    assertThatThrownBy(() -> registry.load("global/mmlu_pro", new TaskLoader.Options(6, null)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("num_fewshot 6")
        .hasMessageContaining("5 rows with category = 'biology'");
  }

  @Test
  void kmmluReduxAndProTargetsComeFromTheOneBasedSolution() {
    Sample redux = load("ko/kmmlu_redux").samples().get(0);
    assertThat(redux.choices()).containsExactly("A", "B", "C", "D");
    assertThat(redux.target()).isEqualTo("1");
    assertThat(redux.category()).isEqualTo("건설");
    Task pro = load("ko/kmmlu_pro");
    assertThat(pro.samples().get(0).choices()).containsExactly("A", "B", "C", "D", "E");
    assertThat(pro.samples().get(1).target()).isEqualTo("4");
    assertThat(pro.samples().get(2).choices()).containsExactly("A", "B", "C", "D");
    assertThat(pro.samples().get(0).category()).isEqualTo("감정평가사");
    assertThat(pro.scorers())
        .extracting(ScoreSpec::key)
        .containsExactly("acc,none", "pass_rate,none");
    Task direct = load("ko/kmmlu_pro_direct");
    assertThat(direct.samples().get(0).prompt()).isEqualTo(pro.samples().get(0).prompt());
    assertThat(direct.scorers())
        .extracting(ScoreSpec::key)
        .containsExactly("exact_match,choice-letter", "pass_rate,choice-letter");
    ScoreSpec letter = direct.scorers().get(0);
    assertThat(PackRuns.score(letter.scorer(), direct.samples().get(0), " B")).isEqualTo(1.0);
    assertThat(PackRuns.score(letter.scorer(), direct.samples().get(0), "정답: B")).isEqualTo(1.0);
    assertThat(PackRuns.score(letter.scorer(), direct.samples().get(0), " C")).isEqualTo(0.0);
  }

  @Test
  void kmmluProReadsTheHubParquetUnderTheDataDir() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("hf/LGAI-EXAONE/KMMLU-Pro/data"));
    kr.gukdae.dataset.ParquetReaderTest.writeParquet(
        folder.resolve("test-00000-of-00001.parquet"),
        "SELECT * FROM (VALUES ('문제 하나', ['가', '나', '다', '라', '마'], '5', '세무사', '회계학', 2024,"
            + " 61, 1), ('문제 둘', ['가', '나', '다', '라'], '2', '세무사', '세법', 2024, 61, 1)) AS"
            + " t(question, options, solution, license_name, subject, year, round, session)");

    Task real =
        registry.load("ko/kmmlu_pro", new TaskLoader.Options(null, null, tmp.resolve("hf")));

    assertThat(real.demo()).isFalse();
    assertThat(real.samples()).hasSize(2);
    assertThat(real.samples().get(0).prompt())
        .isEqualTo("문제 하나\nA. 가\nB. 나\nC. 다\nD. 라\nE. 마\n정답：");
    assertThat(real.samples().get(0).target()).isEqualTo("4");
    assertThat(real.samples().get(1).choices()).hasSize(4);
  }

  @Test
  void datasetColumnsLetACopyWithOtherColumnNamesRun() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("copy"));
    String yaml =
        new String(
                TaskRegistry.class
                    .getResourceAsStream("builtin/ko/kmmlu_redux/kmmlu_redux.yaml")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace(
                "    test: data/test.jsonl\n",
                "    test: mine.jsonl\n  columns: {solution: answer}\n");
    Files.writeString(dir.resolve("redux.yaml"), yaml);
    Files.writeString(
        dir.resolve("mine.jsonl"),
        "{\"question\": \"Q\", \"options\": [\"a\", \"b\", \"c\", \"d\"], \"answer\": 3,"
            + " \"category\": \"c1\"}\n");

    Task task = TaskLoader.load(dir.resolve("redux.yaml"), TaskLoader.Options.DEFAULTS);
    assertThat(task.samples().get(0).target()).isEqualTo("2");

    Files.writeString(
        dir.resolve("mine.jsonl"),
        "{\"question\": \"Q\", \"options\": [\"a\"], \"category\": \"c\"}\n");
    assertThatThrownBy(
            () -> TaskLoader.load(dir.resolve("redux.yaml"), TaskLoader.Options.DEFAULTS))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("mine.jsonl:1")
        .hasMessageContaining("dataset.columns maps 'solution' to column 'answer'");
  }

  private static final List<String> PACKS =
      List.of(
          "ko/kmmlu_redux",
          "ko/kmmlu_redux_direct",
          "ko/kmmlu_pro",
          "ko/kmmlu_pro_direct",
          "global/mmlu_pro",
          "global/mmlu_pro_zeroshot");

  @Test
  void theNewPacksRunAgainstTheLexicalDemoModel() {
    List<Task> tasks = PACKS.stream().map(this::load).toList();
    EvalOutcome outcome = PackRuns.runLexical(tasks, tmp, "professional");
    assertThat(PackRuns.metric(outcome, "ko/kmmlu_pro", "pass_rate,none")).isBetween(0.0, 1.0);
    assertThat(PackRuns.metric(outcome, "ko/kmmlu_pro_direct", "pass_rate,choice-letter"))
        .isBetween(0.0, 1.0);
    assertThat(PackRuns.metric(outcome, "ko/kmmlu_redux", "acc,none")).isBetween(0.0, 1.0);
    assertThat(PackRuns.metric(outcome, "global/mmlu_pro", "exact_match,custom-extract"))
        .isBetween(0.0, 1.0);
    // Per licence the pass rate is a verdict: passed (1) or not (0).
    for (String licence : List.of("감정평가사", "세무사")) {
      assertThat(PackRuns.metric(outcome, "ko/kmmlu_pro:" + licence, "pass_rate,none"))
          .isIn(0.0, 1.0);
    }
  }

  // Through the OpenAI adapter against the local fake: EveryTaskOverHttpTest runs every built-in.
}
