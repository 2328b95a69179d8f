import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.tasks.TaskLoader;
import kr.gukdae.eval.tasks.TaskRegistry;

/**
 * Loads a 35,030-row KMMLU-shaped lm-eval task (generated Korean-like text, not KMMLU data) twice:
 * with its prompt computed by Python helpers in gukdae's sandbox (process_docs, doc_to_text,
 * doc_to_choice, doc_to_target) and with the same prompt written in Jinja; checks both give the
 * same prompts and prints warm load times (the helper figure includes starting the Python child).
 */
public class HelperBenchmark {

  static final int ROWS = 35_030;
  static final int WARMUP = 2;
  static final int RUNS = 5;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gukdae-bench-helpers-");
    Path data = Files.createDirectories(dir.resolve("data/org/kmmlu"));
    Path tasks = Files.createDirectories(dir.resolve("tasks"));
    var random = new SplittableRandom(11);
    try (BufferedWriter out =
        Files.newBufferedWriter(data.resolve("test.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < ROWS; i++) {
        out.write(
            "{\"question\": \" " + words(random, 20 + random.nextInt(40)) + " \", \"A\": \""
                + words(random, 3) + "\", \"B\": \"" + words(random, 3) + "\", \"C\": \""
                + words(random, 3) + "\", \"D\": \"" + words(random, 3) + "\", \"answer\": "
                + (1 + random.nextInt(4)) + "}\n");
      }
    }
    Files.writeString(
        tasks.resolve("utils.py"),
        """
        def process_docs(ds):
            return ds.map(lambda d: {"gold": d["answer"] - 1})

        def doc_to_text(d):
            return d["question"].strip() + "\\nA. " + d["A"] + "\\nB. " + d["B"] + "\\nC. " + d["C"] + "\\nD. " + d["D"] + "\\n정답："

        def doc_to_choice(d):
            return ["A", "B", "C", "D"]

        def doc_to_target(d):
            return d["gold"]
        """);
    String common = "dataset_path: org/kmmlu\ntest_split: test\noutput_type: multiple_choice\n";
    Files.writeString(
        tasks.resolve("fn.yaml"),
        "task: bench_fn\n" + common
            + "process_docs: !function utils.process_docs\n"
            + "doc_to_text: !function utils.doc_to_text\n"
            + "doc_to_choice: !function utils.doc_to_choice\n"
            + "doc_to_target: !function utils.doc_to_target\n");
    Files.writeString(
        tasks.resolve("jinja.yaml"),
        "task: bench_jinja\n" + common
            + "doc_to_text: \"{{question.strip()}}\\nA. {{A}}\\nB. {{B}}\\nC. {{C}}\\nD. {{D}}\\n정답：\"\n"
            + "doc_to_choice: [\"A\", \"B\", \"C\", \"D\"]\n"
            + "doc_to_target: \"{{answer - 1}}\"\n");
    var registry = TaskRegistry.create(List.of(tasks));
    var options = new TaskLoader.Options(null, null, dir.resolve("data"));
    Task fn = registry.load("lmeval/bench_fn", options);
    Task jinja = registry.load("lmeval/bench_jinja", options);
    for (int i = 0; i < ROWS; i++) {
      if (!fn.samples().get(i).prompt().equals(jinja.samples().get(i).prompt())
          || !fn.samples().get(i).target().equals(jinja.samples().get(i).target())) {
        throw new IllegalStateException("row " + i + " differs");
      }
    }
    var helpers = LoadTimer.time(registry, "lmeval/bench_fn", options, ROWS, WARMUP, RUNS);
    var templates = LoadTimer.time(registry, "lmeval/bench_jinja", options, ROWS, WARMUP, RUNS);
    System.out.printf("rows: %d, prompts identical%n", ROWS);
    System.out.printf("%-28s %12s %18s%n", "task", "best warm ms", "mean JVM CPU ms");
    System.out.printf("%-28s %12.1f %18.1f%n", "!function helpers (Python)", helpers.bestMs(), helpers.meanCpuMs());
    System.out.printf("%-28s %12.1f %18.1f%n", "Jinja", templates.bestMs(), templates.meanCpuMs());
  }

  static String words(SplittableRandom random, int n) {
    String syllables = "가나다라마바사아자차카타파하국대시험문제정답";
    var sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ");
      for (int j = 0; j < 1 + random.nextInt(3); j++) {
        sb.append(syllables.charAt(random.nextInt(syllables.length())));
      }
    }
    return sb.toString();
  }
}
