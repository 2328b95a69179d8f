package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Korean and global pack: its first prompt pinned byte for byte, and a full run. */
class BuiltinPacksTest {

  @TempDir Path tmp;

  private final TaskRegistry registry = TaskRegistry.create(List.of());

  private Task load(String name) {
    return registry.load(name, TaskLoader.Options.DEFAULTS);
  }

  private Sample first(String name) {
    return load(name).samples().get(0);
  }

  /** Task → its first sample's prompt, as lm-evaluation-harness renders it. */
  static final Map<String, String> PROMPTS =
      Map.ofEntries(
          Map.entry("ko/kmmlu_accounting", "재무상태표의 구성 요소가 아닌 것은?\nA. 자산\nB. 부채\nC. 수익\nD. 자본\n정답："),
          Map.entry(
              "ko/kmmlu_hard_korean_history",
              "조선 후기 실학자 정약용이 설계에 참여한 성곽은?\nA. 남한산성\nB. 북한산성\nC. 수원 화성\nD. 한양도성\n정답："),
          Map.entry(
              "ko/haerae_general_knowledge",
              "다음 중 한국의 전통 명절로 음력 8월 15일에 해당하는 것은?\n(A) 설날\n(B) 단오\n(C) 추석\n(D) 동지\n(E) 한식"),
          Map.entry("ko/kobest_boolq", "한강은 서울을 동서로 가로질러 흐르며 황해로 흘러 들어간다. 질문: 한강은 서울을 지나는가? 답변: "),
          Map.entry("ko/kobest_copa", "길이 꽁꽁 얼었다.  그래서"),
          Map.entry("ko/kobest_hellaswag", "문장: 민수는 라면을 끓이려고 냄비에 물을 붓고 불을 켰다."),
          Map.entry("ko/kobest_sentineg", "문장: 이 식당 음식은 정말 맛있고 친절했어요. 긍부정:"),
          Map.entry(
              "ko/kobest_wic", "문장1: 배가 고파서 밥을 먹었다. 문장2: 배를 타고 섬으로 갔다. 두 문장에서 배가 같은 뜻으로 쓰였나?"),
          Map.entry(
              "ko/click",
              "주어진 질문을 천천히 읽고, 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n"
                  + "질문: 한국에서 물건을 살 때 붙는 부가가치세의 일반 세율은?\n보기:\nA:5%, B: 10%, C: 15%, D: 20%\n정답:"),
          Map.entry(
              "ko/hrm8k_gsm8k",
              "주어진 문제를 풀어보세요.\n문제를 푼 후, 최종 답변을 다음과 같은 형식으로 작성하세요: $\\boxed{N}$.\n\n"
                  + "문제: 사과 12개를 3명이 똑같이 나누면 한 명이 몇 개를 갖나요?\n답변:"),
          Map.entry(
              "global/mmlu_astronomy",
              "The following are multiple choice questions (with answers) about astronomy.\n\n"
                  + "Which planet in our solar system has the shortest year?\n"
                  + "A. Venus\nB. Mercury\nC. Mars\nD. Earth\nAnswer:"),
          Map.entry(
              "global/mmlu_pro_zeroshot",
              "The following are multiple choice questions (with answers) about biology. Think step"
                  + " by step and then finish your answer with \"the answer is (X)\" where X is the"
                  + " correct letter choice.\nQuestion:\nWhich organelle produces most of a cell's"
                  + " ATP?\nOptions:\nA. Nucleus\nB. Ribosome\nC. Mitochondrion\nD. Golgi apparatus\n"
                  + "E. Lysosome\nAnswer: Let's think step by step."),
          Map.entry(
              "ko/kmmlu_redux",
              "콘크리트의 압축강도를 시험할 때 표준 공시체의 양생 온도로 가장 적절한 것은?\n"
                  + "A. 10±2℃\nB. 20±2℃\nC. 30±2℃\nD. 40±2℃\n정답："),
          Map.entry(
              "ko/kmmlu_pro",
              "민법상 미성년자의 법률행위에 관한 설명으로 옳은 것은?\n"
                  + "A. 미성년자는 법정대리인의 동의 없이 모든 법률행위를 할 수 있다.\n"
                  + "B. 단순히 권리만을 얻는 행위는 법정대리인의 동의가 필요 없다.\n"
                  + "C. 미성년자가 혼인하여도 행위능력이 생기지 않는다.\n"
                  + "D. 법정대리인이 허락한 재산의 처분도 취소할 수 있다.\n"
                  + "E. 미성년자의 법률행위는 언제나 무효이다.\n정답："),
          Map.entry(
              "global/arc_easy",
              "Question: Which of these is needed for a plant to make its own food?\nAnswer:"),
          Map.entry(
              "global/hellaswag",
              "Making tea: A man fills a kettle with water and puts it on the stove. He"),
          Map.entry(
              "global/gpqa_diamond",
              "What is the correct answer to this question:A sealed rigid container of ideal gas"
                  + " is heated from 300 K to 600 K. By what factor does the pressure change?\n"
                  + "Choices:\n"));

  @Test
  void everyPackRendersLmEvaluationHarnessPrompts() {
    for (var entry : PROMPTS.entrySet()) {
      String prompt = first(entry.getKey()).prompt();
      if (entry.getKey().equals("global/gpqa_diamond")) {
        assertThat(prompt).as(entry.getKey()).startsWith(entry.getValue()).endsWith("\nAnswer:");
      } else {
        assertThat(prompt).as(entry.getKey()).isEqualTo(entry.getValue());
      }
    }
  }

  @Test
  void targetsAndChoicesFollowEachFormat() {
    assertThat(first("ko/kmmlu_accounting").target()).isEqualTo("2");
    assertThat(first("ko/haerae_general_knowledge").target()).isEqualTo("2");
    assertThat(first("ko/kobest_copa").choices()).containsExactly("사람들이 조심조심 걸었다.", "사람들이 수영을 했다.");
    assertThat(load("ko/kobest_copa").samples().get(1).prompt()).isEqualTo("아이가 울음을 터뜨렸다.  왜냐하면");
    Task click = load("ko/click");
    assertThat(click.samples().get(0).target()).isEqualTo("1");
    assertThat(click.samples().get(1).prompt())
        .startsWith("주어진 맥락을 천천히 읽고")
        .contains("\n\n맥락: 설날 아침");
    assertThat(click.samples().get(2).choices()).containsExactly("A", "B", "C", "D", "E");
    assertThat(click.samples().get(2).target()).isEqualTo("1");
    assertThat(load("global/arc_challenge").samples().get(0).target()).isEqualTo("1");
    Task hellaswag = load("global/hellaswag");
    assertThat(hellaswag.samples().get(0).choices().get(2))
        .isEqualTo("paints the kettle. bright red.");
    assertThat(hellaswag.samples().get(1).prompt())
        .isEqualTo(
            "Home and Garden: How to water a houseplant. Check the soil. Push a finger into the soil");
    assertThat(hellaswag.samples().get(1).choices().get(2)).isEqualTo("then sing to it loudly.");
    Sample gpqa = first("global/gpqa_diamond");
    int gold = gpqa.targetIndex();
    assertThat(gpqa.prompt()).contains("(" + (char) ('A' + gold) + ") It doubles\n");
    assertThat(load("global/mmlu_pro").scorers())
        .extracting(ScoreSpec::key)
        .containsExactly("exact_match,custom-extract");
    assertThat(load("global/gsm8k").samples().get(0).prompt().split("\n\nQuestion: ")).hasSize(6);
  }

  @Test
  void kmmluFiveShotDrawsEachDocumentsDevRowsAsLmEvalsDefaultSampler() {
    // lm-eval's kmmlu has no fewshot_config, so its default sampler draws per document from
    // random.Random(1234): CPython 3.11 gives r.sample(range(5), 5) = [3, 0, 4, 2, 1] for the
    // first document and [0, 4, 1, 3, 2] for the second.
    Task task = registry.load("ko/kmmlu_law", new TaskLoader.Options(5, null, null));
    String prompt = task.samples().get(0).prompt();
    assertThat(prompt)
        .startsWith(
            "헌법재판소 재판관의 수는?\nA. 5명\nB. 7명\nC. 8명\nD. 9명\n정답： D\n\n"
                + "대한민국 헌법이 정한 대통령의 임기는?\nA. 4년\nB. 4년 중임\nC. 5년 단임\nD. 6년\n정답： C\n\n"
                + "형법의 기본 원칙으로")
        .contains("정답： A\n\n민법상 성년 나이는?")
        .contains("정답： B\n\n법률은 특별한 규정이 없으면")
        .endsWith("\n\n대한민국 헌법상 국회의원의 임기는?\nA. 3년\nB. 4년\nC. 5년\nD. 6년\n정답：");
    assertThat(prompt.split("정답：")).hasSize(6);
    assertThat(task.samples().get(1).prompt())
        .startsWith("대한민국 헌법이 정한 대통령의 임기는?")
        .contains("정답： C\n\n형법의 기본 원칙으로");
  }

  @Test
  void aBuiltInPackReadsTheRealHubParquetUnderTheDataDir() throws Exception {
    Path folder = java.nio.file.Files.createDirectories(tmp.resolve("hf/skt/kobest_v1/boolq"));
    kr.gukdae.dataset.ParquetReaderTest.writeParquet(
        folder.resolve("test-00000-of-00001.parquet"),
        "SELECT * FROM (VALUES ('문단 하나', '질문 하나?', 1), ('문단 둘', '질문 둘?', 0),"
            + " ('문단 셋', '질문 셋?', 1)) AS t(paragraph, question, label)");

    Task real =
        registry.load("ko/kobest_boolq", new TaskLoader.Options(null, null, tmp.resolve("hf")));

    assertThat(real.samples()).hasSize(3);
    assertThat(real.samples().get(1).prompt()).isEqualTo("문단 둘 질문: 질문 둘? 답변: ");
    assertThat(real.samples().get(1).target()).isEqualTo("0");
    assertThat(real.demo()).as("real data is not demo").isFalse();
  }

  @Test
  void everyPackRunsAgainstTheLexicalDemoModel() {
    List<Task> tasks =
        registry.entries().stream()
            .filter(e -> e.name().startsWith("ko/") || e.name().startsWith("global/"))
            .filter(e -> !e.needsDataDir())
            .map(e -> load(e.name()))
            .toList();
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(20);
    assertThat(tasks).allMatch(Task::demo);
    var outcome = PackRuns.runLexical(tasks, tmp, "packs");
    assertThat(PackRuns.metric(outcome, "ko/kobest_boolq", "f1,none")).isBetween(0.0, 1.0);
    assertThat(PackRuns.metric(outcome, "global/gsm8k", "exact_match,flexible-extract"))
        .isBetween(0.0, 1.0);
    assertThat(PackRuns.metric(outcome, "ko/hrm8k_gsm8k", "exact_match,boxed")).isBetween(0.0, 1.0);
  }

  @Test
  void generatedKmmluFilesMatchTheGeneratorAndCoverAllSubjects() throws Exception {
    assertThat(KmmluTasks.subjects()).hasSize(45);
    for (var s : KmmluTasks.subjects()) {
      if (List.of("Accounting", "Law", "Korean-History").contains(s.name())) {
        var bundled =
            TaskRegistry.class.getResourceAsStream("builtin/ko/kmmlu/kmmlu_" + s.key() + ".yaml");
        assertThat(new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(KmmluTasks.yaml(s, false));
      }
    }
    var files = KmmluTasks.write(tmp.resolve("kmmlu"), false);
    assertThat(files).hasSize(45 + 4 + 1);
    var all = TaskRegistry.create(List.of(tmp.resolve("kmmlu")));
    assertThat(all.expand("kmmlu")).hasSize(45).contains("kmmlu/korean_history");
    assertThat(all.expand("kmmlu_stem")).contains("kmmlu/math").doesNotContain("kmmlu/law");
  }
}
