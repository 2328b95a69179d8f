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
 * Loads the built-in MMLU-Pro task on a full-size MMLU-Pro-shaped data set (12,032 test rows in
 * 14 categories, 70 validation rows; generated English text, not MMLU-Pro data) laid out as on
 * the Hub under a data directory, 5-shot (examples of the row's category) against 0-shot, and
 * prints warm load times side by side.
 */
public class FewshotBenchmark {

  static final int TEST_ROWS = 12_032;
  static final int WARMUP = 3;
  static final int RUNS = 10;
  static final List<String> CATEGORIES =
      List.of("biology", "business", "chemistry", "computer science", "economics", "engineering",
          "health", "history", "law", "math", "other", "philosophy", "physics", "psychology");

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gukdae-bench-");
    Path data = Files.createDirectories(dir.resolve("TIGER-Lab/MMLU-Pro/data"));
    var random = new SplittableRandom(7);
    write(data.resolve("test.jsonl"), TEST_ROWS, random, false);
    write(data.resolve("validation.jsonl"), 5 * CATEGORIES.size(), random, true);
    var registry = TaskRegistry.create(List.of());
    var options = new TaskLoader.Options(null, null, dir);
    var five = LoadTimer.time(registry, "global/mmlu_pro", options, TEST_ROWS, WARMUP, RUNS);
    var zero = LoadTimer.time(registry, "global/mmlu_pro_zeroshot", options, TEST_ROWS, WARMUP, RUNS);
    Task task = registry.load("global/mmlu_pro", options);
    long chars = task.samples().stream().mapToLong(s -> s.prompt().length()).sum();
    System.out.printf("test rows: %d  5-shot prompt chars: %.1f M%n", TEST_ROWS, chars / 1e6);
    System.out.printf("%-26s %12s %14s%n", "task", "best warm ms", "mean CPU ms");
    System.out.printf("%-26s %12.1f %14.1f%n", "global/mmlu_pro (5-shot)", five.bestMs(), five.meanCpuMs());
    System.out.printf("%-26s %12.1f %14.1f%n", "global/mmlu_pro_zeroshot", zero.bestMs(), zero.meanCpuMs());
    System.out.printf("5-shot / 0-shot (best wall): %.2f%n", five.bestMs() / zero.bestMs());
  }

  static void write(Path file, int rows, SplittableRandom random, boolean cot) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        String category = CATEGORIES.get(i % CATEGORIES.size());
        int options = 4 + random.nextInt(7);
        var sb = new StringBuilder("{\"question_id\": ").append(i).append(", \"question\": \"");
        sb.append(words(random, 30 + random.nextInt(60))).append("?\", \"options\": [");
        for (int o = 0; o < options; o++) {
          sb.append(o == 0 ? "" : ", ").append('"').append(words(random, 3 + random.nextInt(8)))
              .append('"');
        }
        int answer = random.nextInt(options);
        char letter = (char) ('A' + answer);
        sb.append("], \"answer\": \"").append(letter).append("\", \"answer_index\": ").append(answer);
        sb.append(", \"cot_content\": \"");
        if (cot) {
          sb.append("A: Let's think step by step. ").append(words(random, 80))
              .append(". The answer is (").append(letter).append(").");
        }
        sb.append("\", \"category\": \"").append(category).append("\", \"src\": \"bench\"}\n");
        out.write(sb.toString());
      }
    }
  }

  static String words(SplittableRandom random, int n) {
    var sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ");
      int len = 2 + random.nextInt(8);
      for (int j = 0; j < len; j++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    return sb.toString();
  }
}
