package kr.gukdae.eval.tasks;

import static kr.gukdae.eval.tasks.PackRuns.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lm-eval task YAMLs with {@code !function} helpers (fixtures in {@code lmeval/functions/}, written
 * by the project in the shape of kobest's utils.py) run unmodified in the Python sandbox and give
 * the same prompts as the same task written in Jinja.
 */
class LmEvalFunctionsTest {

  @TempDir Path tmp;

  private Path hf;

  @BeforeEach
  void data() throws Exception {
    hf = tmp.resolve("hf");
    // Raw rows as published: doubled spaces, and one unlabelled row process_docs drops.
    write(
        "org/copa/test.jsonl",
        row("비가  많이 왔다.", "결과", "강물이 불었다.", "강물이 말랐다.", "0"),
        row("그는 우산을 챙겼다.", "원인", "하늘이 맑았다.", "비 예보가 있었다.", "1"),
        row("라벨 없는 문장.", "결과", "가.", "나.", "-1"),
        row(" 문이  잠겨 있었다.", "결과", "열쇠를 찾았다.", "창문이 열렸다.", "0"));
    write(
        "org/copa/train.jsonl",
        row("배가 고팠다.", "결과", "밥을 먹었다.", "잠을 잤다.", "0"),
        row("길이  미끄러웠다.", "원인", "눈이 왔다.", "해가 떴다.", "0"),
        row("전화가 울렸다.", "결과", "전화를 받았다.", "창을 닫았다.", "0"),
        row("꽃이 시들었다.", "원인", "물을 주지 않았다.", "비료를 주었다.", "0"));
    // The same rows as process_docs leaves them, for the Jinja-only task.
    write(
        "org/copa_tidy/test.jsonl",
        tidy("비가 많이 왔다.", "결과", "강물이 불었다.", "강물이 말랐다.", "0"),
        tidy("그는 우산을 챙겼다.", "원인", "하늘이 맑았다.", "비 예보가 있었다.", "1"),
        tidy("문이 잠겨 있었다.", "결과", "열쇠를 찾았다.", "창문이 열렸다.", "0"));
    write(
        "org/copa_tidy/train.jsonl",
        tidy("배가 고팠다.", "결과", "밥을 먹었다.", "잠을 잤다.", "0"),
        tidy("길이 미끄러웠다.", "원인", "눈이 왔다.", "해가 떴다.", "0"),
        tidy("전화가 울렸다.", "결과", "전화를 받았다.", "창을 닫았다.", "0"),
        tidy("꽃이 시들었다.", "원인", "물을 주지 않았다.", "비료를 주었다.", "0"));
  }

  private static String row(String premise, String q, String a1, String a2, String label) {
    return "{\"premise\": \"%s\", \"question\": \"%s\", \"alternative_1\": \"%s\", \"alternative_2\": \"%s\", \"label\": %s}"
        .formatted(premise, q, a1, a2, label);
  }

  private static String tidy(String premise, String q, String a1, String a2, String label) {
    return row(premise, q, a1, a2, label).replace("\"label\"", "\"gold\"");
  }

  private void write(String name, String... lines) throws Exception {
    Path file = hf.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private Task load(String task, Integer shots) {
    var registry = TaskRegistry.create(List.of(resource("lmeval/functions")));
    return registry.load("lmeval/" + task, new TaskLoader.Options(shots, null, hf));
  }

  @Test
  void helpersGiveTheSamePromptsAsTheJinjaTaskAtZeroAndThreeShots() {
    for (Integer shots : new Integer[] {null, 3}) {
      Task helpers = load("copa_fn", shots);
      Task jinja = load("copa_jinja", shots);
      assertThat(helpers.samples()).hasSize(3); // the unlabelled row was filtered out
      assertThat(helpers.samples())
          .extracting(Sample::prompt)
          .isEqualTo(jinja.samples().stream().map(Sample::prompt).toList());
      assertThat(helpers.samples())
          .extracting(Sample::choices)
          .isEqualTo(jinja.samples().stream().map(Sample::choices).toList());
      assertThat(helpers.samples()).extracting(Sample::target).containsExactly("0", "1", "0");
      assertThat(helpers.samples())
          .extracting(s -> s.doc().fields())
          .isEqualTo(jinja.samples().stream().map(s -> s.doc().fields()).toList());
    }
    assertThat(load("copa_fn", null).samples().get(0).prompt()).isEqualTo("비가 많이 왔다. 그래서");
    assertThat(load("copa_fn", 3).samples().get(1).prompt())
        .endsWith("\n\n그는 우산을 챙겼다. 왜냐하면")
        .contains(" 그래서 ", " 왜냐하면 ");
  }

  @Test
  void aHelperTaskRunsEndToEndAgainstTheFakeOpenAiServerAsItsJinjaTwinDoes() throws Exception {
    Task helpers = load("copa_fn", 3);
    Task jinja = load("copa_jinja", 3);
    Task results = load("copa_results", 3);
    try (var server = FakeOpenAiServer.start();
        ModelApi model =
            Models.open(ModelSpec.parse("openai/fake").withBaseUrl(server.baseUrl()))) {
      EvalOutcome outcome =
          EvalRunner.run(
              List.of(helpers, jinja, results),
              model,
              new RunOptions(tmp.resolve("runs"), "fn", null, null, 4, false),
              null,
              ProgressListener.NONE);
      assertThat(outcome.errors()).isZero();
      double acc = PackRuns.metric(outcome, "lmeval/copa_jinja", "acc,none");
      assertThat(PackRuns.metric(outcome, "lmeval/copa_fn", "acc,none")).isEqualTo(acc);
      // process_results computed acc in Python from the same log-likelihoods
      assertThat(PackRuns.metric(outcome, "lmeval/copa_results", "acc,none")).isEqualTo(acc);
      assertThat(PackRuns.metric(outcome, "lmeval/copa_results", "first_is_best,none"))
          .isBetween(0.0, 1.0);
    }
    Path runs = tmp.resolve("runs/fn");
    assertThat(arguments(runs, "lmeval_copa_fn")).isEqualTo(arguments(runs, "lmeval_copa_jinja"));
  }

  /** The requests as the samples file records them, one line per document, in doc order. */
  private static List<String> arguments(Path run, String task) throws Exception {
    try (Stream<String> lines = Files.lines(run.resolve("samples_" + task + ".jsonl"))) {
      return lines
          .map(TaskLoader.JSON::readTree)
          .sorted(java.util.Comparator.comparingInt(n -> n.path("doc_id").asInt()))
          .map(n -> n.path("arguments").toString())
          .toList();
    }
  }

  private Path helperTask(String utils) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("tasks"));
    Files.writeString(dir.resolve("utils.py"), utils);
    Files.writeString(
        dir.resolve("t.yaml"),
        """
        task: t
        dataset_path: org/copa
        test_split: test
        output_type: generate_until
        doc_to_text: !function utils.text
        doc_to_target: "{{label}}"
        """);
    return dir;
  }

  private Task loadHelperTask(String utils) throws Exception {
    Path dir = helperTask(utils);
    return TaskRegistry.create(List.of(dir))
        .load("lmeval/t", new TaskLoader.Options(null, null, hf));
  }

  @Test
  void aMissingModuleNamesTheYamlTheHelperFileTheModuleAndTheFix() {
    assertThatThrownBy(
            () -> loadHelperTask("import numpyish_absent\n\ndef text(doc):\n  return 'x'\n"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(false))
                  .contains("t.yaml", "utils.py", "'numpyish_absent'")
                  .contains("apt-get install python3-numpyish-absent");
              assertThat(e.message(true))
                  .contains("t.yaml", "utils.py", "'numpyish_absent'", "Python 샌드박스")
                  .contains("apt-get install python3-numpyish-absent");
            });
  }

  @Test
  void aHelperThatRaisesNamesTheDocumentAndTheError() {
    assertThatThrownBy(
            () -> loadHelperTask("def text(doc):\n  return doc['premise'] + doc['nope']\n"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("utils.text")
        .hasMessageContaining("KeyError: 'nope'")
        .hasMessageContaining("on document 0");
  }

  @Test
  void printingInAHelperDoesNotCorruptTheAnswers() throws Exception {
    Task task =
        loadHelperTask("def text(doc):\n  print('{\"ok\": 1}')\n  return doc['question']\n");
    assertThat(task.samples()).extracting(Sample::prompt).startsWith("결과", "원인");
  }

  @Test
  void aHelperWritingRawBytesToTheProtocolIsAnErrorNotAMisreadAnswer() {
    assertThatThrownBy(() ->
            loadHelperTask(
                "import os\n\ndef text(doc):\n  os.write(1, b'garbage\\n')\n  return 'x'\n"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("wrote to the protocol's output directly");
  }

  @Test
  void aHelperThatKillsItsProcessIsAnErrorNotAHang() {
    assertThatThrownBy(() -> loadHelperTask("import os\n\ndef text(doc):\n  os._exit(3)\n"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("the Python process ended (exit code 3");
  }

  @Test
  void anEndlessHelperIsStoppedAtTheTimeout() throws Exception {
    Path dir = helperTask("def text(doc):\n  while True:\n    pass\n");
    var ref = new HelperRef(dir.resolve("t.yaml"), "utils.text");
    var limits =
        new PythonHelpers.Limits(
            java.time.Duration.ofSeconds(1), java.time.Duration.ZERO, 30, 1L << 30, 30);
    try (var python = new PythonHelpers("t.yaml", List.of(ref), limits)) {
      assertThatThrownBy(() -> python.map(ref, List.of(java.util.Map.of())))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("did not answer within 1 s");
      // the next call starts a fresh process: the loop is gone, the helper still loops
      assertThatThrownBy(() -> python.map(ref, List.of(java.util.Map.of())))
          .hasMessageContaining("did not answer within");
    }
  }

  @Test
  void aHelperIsHeldToItsMemoryAndCpuLimits() throws Exception {
    Path dir =
        helperTask(
            "def text(doc):\n  return str(len(bytearray(2 * 1024 ** 3)))\n\n"
                + "def spin(doc):\n  while True:\n    pass\n");
    var memory = new HelperRef(dir.resolve("t.yaml"), "utils.text");
    var small =
        new PythonHelpers.Limits(
            java.time.Duration.ofSeconds(60), java.time.Duration.ZERO, 60, 512L << 20, 30);
    try (var python = new PythonHelpers("t.yaml", List.of(memory), small)) {
      assertThatThrownBy(() -> python.map(memory, List.of(java.util.Map.of())))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("MemoryError");
    }
    var spin = new HelperRef(dir.resolve("t.yaml"), "utils.spin");
    var oneCpuSecond =
        new PythonHelpers.Limits(
            java.time.Duration.ofSeconds(60), java.time.Duration.ZERO, 1, 1L << 30, 30);
    try (var python = new PythonHelpers("t.yaml", List.of(spin), oneCpuSecond)) {
      // RLIMIT_CPU ends the process (SIGXCPU) long before the 60 s wait
      assertThatThrownBy(() -> python.map(spin, List.of(java.util.Map.of())))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("the Python process ended (exit code");
    }
  }

  @Test
  void aHelperCannotOpenASocketReadOutsideItsFolderOrStartAProcess() {
    for (String body :
        List.of(
            "import socket\n  socket.create_connection(('127.0.0.1', 80))",
            "open('/etc/passwd').read()",
            "open('../../outside.txt', 'w')",
            "import subprocess\n  subprocess.run(['/bin/true'])",
            "import os\n  os.system('true')",
            "import ctypes")) {
      String utils = "def text(doc):\n  " + body + "\n  return 'leaked'\n";
      assertThatThrownBy(() -> loadHelperTask(utils))
          .as(body)
          .isInstanceOf(UserError.class)
          .hasMessageContaining("gukdae sandbox");
    }
  }

  @Test
  void aSymlinkInTheTaskFolderIsNotFollowedIntoTheSandbox() throws Exception {
    Path secret = Files.writeString(tmp.resolve("signing.key"), "SECRET-KEY-MATERIAL");
    Path dir = helperTask("def text(doc):\n  return open('k.py', encoding='utf-8').read()\n");
    Files.createSymbolicLink(dir.resolve("k.py"), secret);
    assertThatThrownBy(() ->
            TaskRegistry.create(List.of(dir))
                .load("lmeval/t", new TaskLoader.Options(null, null, hf)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("k.py")
        .hasMessageNotContaining("SECRET");
    Files.delete(dir.resolve("utils.py"));
    Files.createSymbolicLink(dir.resolve("utils.py"), secret);
    assertThatThrownBy(() ->
            TaskRegistry.create(List.of(dir))
                .load("lmeval/t", new TaskLoader.Options(null, null, hf)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is a symbolic link");
  }

  @Test
  void withANetworkNamespaceEvenCodePastThePythonGuardReachesNoServer() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Sandbox.isolatesNetwork(), "unshare -rn does not work on this machine");
    try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<String> command = new java.util.ArrayList<>(Sandbox.prefix());
      command.addAll(
          List.of(
              Sandbox.interpreter("test").toString(),
              "-I",
              "-S",
              "-c",
              "import socket; socket.create_connection(('127.0.0.1', "
                  + server.getLocalPort()
                  + "), timeout=5)"));
      Process plain =
          new ProcessBuilder(command.subList(Sandbox.prefix().size(), command.size()))
              .redirectErrorStream(true)
              .start();
      assertThat(plain.waitFor()).as("the same code outside the namespace connects").isZero();
      Process isolated = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(isolated.getInputStream().readAllBytes());
      assertThat(isolated.waitFor()).isNotZero();
      assertThat(output).containsAnyOf("Network is unreachable", "Connection refused");
    }
  }

  @Test
  void aHelperReadsItsOwnFolderAndTheStandardLibrary() throws Exception {
    Task task =
        loadHelperTask(
            "import re, json, unicodedata\n\ndef text(doc):\n"
                + "  own = open('utils.py', encoding='utf-8').read()\n"
                + "  return str(len(re.findall(r'\\w+', doc['premise']))) + (' own' if own else '')\n");
    assertThat(task.samples().get(0).prompt()).isEqualTo("3 own");
  }

  @Test
  void theDatasetsStandInCoversWhatProcessDocsHelpersUse() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ds"));
    Files.writeString(
        dir.resolve("utils.py"),
        """
        from datasets import Dataset

        def process(ds: Dataset) -> Dataset:
            ds = ds.map(lambda batch: {"n": [len(p) for p in batch["premise"]]}, batched=True)
            ds = ds.map(lambda doc, i: {"i": i}, with_indices=True)
            ds = ds.filter(lambda label: label >= 0, input_columns="label")
            ds = ds.remove_columns(["alternative_2"]).rename_columns({"alternative_1": "alt"})
            ds = ds.select(range(len(ds) - 1, -1, -1))
            return ds.add_column("k", list(range(len(ds))))

        def text(doc):
            return doc["alt"] + "|" + str(doc["i"]) + "|" + str(doc["n"]) + "|" + str(doc["k"])

        def unsupported(ds):
            return ds.shuffle(seed=1)
        """);
    Files.writeString(
        dir.resolve("t.yaml"),
        """
        task: t
        dataset_path: org/copa
        test_split: test
        output_type: generate_until
        process_docs: !function utils.process
        doc_to_text: !function utils.text
        doc_to_target: "{{label}}"
        """);
    Task task =
        TaskRegistry.create(List.of(dir)).load("lmeval/t", new TaskLoader.Options(null, null, hf));
    assertThat(task.samples())
        .extracting(Sample::prompt)
        .containsExactly("열쇠를 찾았다.|3|12|0", "하늘이 맑았다.|1|11|1", "강물이 불었다.|0|10|2");
    Files.writeString(
        dir.resolve("t.yaml"),
        Files.readString(dir.resolve("t.yaml")).replace("utils.process", "utils.unsupported"));
    assertThatThrownBy(() ->
            TaskRegistry.create(List.of(dir))
                .load("lmeval/t", new TaskLoader.Options(null, null, hf)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("Dataset.shuffle is not in gukdae's stand-in");
  }

  @Test
  void helpersAreFoundNextToTheFileThatNamesThemAndTwoUtilsModulesStaySeparate() throws Exception {
    write(
        "org/math/test.jsonl",
        "{\"question\": \" 3 더하기 4는? \", \"answer\": \"3+4=7 #### 7\"}",
        "{\"question\": \"천 더하기 천은?\", \"answer\": \"#### 2000\"}");
    var registry = TaskRegistry.create(List.of(resource("lmeval/functions-split/tasks")));
    Task task = registry.load("lmeval/math_ko", new TaskLoader.Options(null, null, hf));
    // doc_to_text and doc_to_target from base/utils.py (the included file's folder)
    assertThat(task.samples())
        .extracting(Sample::prompt)
        .containsExactly("문제: 3 더하기 4는?\n풀이:", "문제: 천 더하기 천은?\n풀이:");
    assertThat(task.samples()).extracting(Sample::target).containsExactly("7", "2000");
    assertThat(task.config().generation().stop()).containsExactly("문제:");
    // process_results from tasks/utils.py, given [filtered text] as lm-eval passes it
    var scorers = task.scorers();
    assertThat(scorers)
        .extracting(s -> s.key())
        .containsExactly("exact_match,none", "replied,none");
    var exact = scorers.get(0).scorer();
    assertThat(PackRuns.score(exact, task.samples().get(0), "따라서 답은 7입니다")).isEqualTo(1.0);
    assertThat(PackRuns.score(exact, task.samples().get(0), "답은 8")).isZero();
    assertThat(PackRuns.score(exact, task.samples().get(1), "2,000")).isEqualTo(1.0);
    assertThat(PackRuns.score(scorers.get(1).scorer(), task.samples().get(1), "  ")).isZero();
  }

  @Test
  void inlineFewshotSamplesGoThroughTheHelpersButNotThroughProcessDocs() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("inline"));
    Files.writeString(
        dir.resolve("utils.py"),
        """
        def process_docs(ds):
            return ds.map(lambda d: {"premise": d["premise"].upper() + "!"})

        def text(doc):
            return "Q: " + doc["premise"]
        """);
    Files.writeString(
        dir.resolve("t.yaml"),
        """
        task: t
        dataset_path: org/copa
        test_split: test
        output_type: generate_until
        num_fewshot: 1
        process_docs: !function utils.process_docs
        doc_to_text: !function utils.text
        doc_to_target: "{{label}}"
        fewshot_config:
          sampler: first_n
          samples:
            - {premise: "inline example", label: 9}
        """);
    Task task =
        TaskRegistry.create(List.of(dir)).load("lmeval/t", new TaskLoader.Options(null, null, hf));
    assertThat(task.samples().get(0).prompt()).isEqualTo("Q: inline example 9\n\nQ: 비가  많이 왔다.!");
  }

  @Test
  void aCustomFilterHelperRunsBeforeTheFiltersLaterStepsAndTheMetric() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("filters"));
    Files.writeString(
        dir.resolve("utils.py"),
        """
        def after_answer(resps, docs):
            return [[r.split("답:")[-1].strip() for r in rs] for rs, doc in zip(resps, docs)]
        """);
    Files.writeString(
        dir.resolve("t.yaml"),
        """
        task: t
        dataset_path: org/copa
        test_split: test
        output_type: generate_until
        doc_to_text: "{{premise}}"
        doc_to_target: "{{label}}"
        metric_list:
          - metric: exact_match
        filter_list:
          - name: after-answer
            filter:
              - function: custom
                filter_fn: !function utils.after_answer
              - function: take_first
        """);
    Task task =
        TaskRegistry.create(List.of(dir)).load("lmeval/t", new TaskLoader.Options(null, null, hf));
    var spec = task.scorers().get(0);
    assertThat(spec.key()).isEqualTo("exact_match,after-answer");
    assertThat(PackRuns.score(spec.scorer(), task.samples().get(0), "생각해 보면… 답: 0")).isEqualTo(1.0);
    assertThat(PackRuns.score(spec.scorer(), task.samples().get(0), "답: 1")).isZero();
  }

  @Test
  void aFunctionOnAKeyGukdaeDoesNotRunNamesTheKey() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(dir.resolve("utils.py"), "def q(doc):\n  return doc['premise']\n");
    Files.writeString(
        dir.resolve("t.yaml"),
        """
        task: t
        dataset_path: org/copa
        test_split: test
        output_type: generate_until
        doc_to_text: "{{premise}}"
        doc_to_target: "{{label}}"
        doc_to_decontamination_query: !function utils.q
        """);
    assertThatThrownBy(() ->
            TaskRegistry.create(List.of(dir))
                .load("lmeval/t", new TaskLoader.Options(null, null, hf)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("doc_to_decontamination_query is '!function utils.q'");
  }
}
