package kr.gukdae.eval.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-task metrics of a {@code results.json} in lm-evaluation-harness's schema: gukdae's own
 * run folders and lm-eval's {@code results_<time>.json} both read. Metric keys stay as written
 * ({@code "acc,none"}, {@code "exact_match,strict-match"}); standard errors are left out and values
 * that are not numbers ({@code "N/A"}) are kept as NaN so a comparison can say which one it met.
 */
public record RunResults(String source, List<TaskMetrics> tasks) {

  private static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final int MAX_NAME = 200;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public RunResults {
    Objects.requireNonNull(source, "source");
    tasks = List.copyOf(tasks);
  }

  /**
   * One task (or group) entry: metric key to value, in the file's order, and the task's primary
   * metric key where the file states one (gukdae writes {@code gukdae.primary_metric}).
   */
  public record TaskMetrics(String task, Map<String, Double> metrics, @Nullable String primary) {
    public TaskMetrics {
      Objects.requireNonNull(task, "task");
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public TaskMetrics(String task, Map<String, Double> metrics) {
      this(task, metrics, null);
    }
  }

  /**
   * Reads a results file, or finds one in a folder: a gukdae run folder's {@code results.json}, or
   * lm-eval's newest {@code results_*.json} in the folder or one level below (its {@code
   * --output_path} holds one folder per model).
   */
  public static RunResults read(Path fileOrDir) {
    Path file = Files.isDirectory(fileOrDir) ? find(fileOrDir) : fileOrDir;
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          fileOrDir + ": 그런 파일이 없습니다. results.json이나 실행 폴더를 주세요 (--results)",
          fileOrDir + ": no such file; give a results.json or a run folder (--results)");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw UserError.of(
            file + ": 64 MiB보다 큽니다. 결과 파일이 아닙니다",
            file + ": larger than 64 MiB; this is not a results file");
      }
      return parse(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }

  static Path find(Path dir) {
    Path direct = dir.resolve("results.json");
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    List<Path> found;
    try (Stream<Path> walk = Files.walk(dir, 2)) {
      found =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches("results(_.*)?\\.json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw UserError.of(
          dir + ": 목록을 읽을 수 없습니다 (" + e.getMessage() + ")",
          dir + ": cannot list (" + e.getMessage() + ")",
          e);
    }
    if (found.isEmpty()) {
      throw UserError.of(
          dir + ": 여기에 results.json이나 results_*.json이 없습니다. 결과 파일 자체를 주세요",
          dir + ": no results.json or results_*.json here; give the results file itself");
    }
    Set<Path> folders = new LinkedHashSet<>();
    found.forEach(p -> folders.add(p.getParent()));
    if (folders.size() > 1) {
      throw UserError.of(
          dir
              + ": 결과 파일이 폴더 "
              + folders.size()
              + "곳에 있습니다 ("
              + String.join(", ", folders.stream().limit(5).map(Path::toString).toList())
              + "). 그중 하나를 주세요",
          dir
              + ": results files in "
              + folders.size()
              + " folders ("
              + String.join(", ", folders.stream().limit(5).map(Path::toString).toList())
              + "); give one of them");
    }
    // lm-eval stamps names with the run's start time, so the last name is the newest run.
    return found.stream().max(Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
  }

  public static RunResults parse(String source, byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw UserError.of(
          source + ": 올바른 JSON이 아닙니다 (" + e.getOriginalMessage() + ")",
          source + ": not valid JSON (" + e.getOriginalMessage() + ")",
          e);
    }
    JsonNode results = root == null ? null : root.get("results");
    if (results == null || !results.isObject()) {
      throw UserError.of(
          source
              + ": 'results' 객체가 없습니다. lm-evaluation-harness의 results.json"
              + " ({\"results\": {\"task\": {\"acc,none\": 0.42, ...}}}), 예를 들어 gukdae 실행"
              + " 폴더의 results.json을 주세요",
          source
              + ": no 'results' object; expected lm-evaluation-harness's results.json"
              + " ({\"results\": {\"task\": {\"acc,none\": 0.42, ...}}}), e.g. a gukdae run"
              + " folder's results.json");
    }
    Map<String, TaskMetrics> tasks = new LinkedHashMap<>();
    JsonNode primary = root.path("gukdae").path("primary_metric");
    collect(results, tasks, primary);
    JsonNode groups = root.get("groups");
    if (groups != null && groups.isObject()) {
      collect(groups, tasks, primary);
    }
    return new RunResults(source, new ArrayList<>(tasks.values()));
  }

  private static void collect(JsonNode section, Map<String, TaskMetrics> into, JsonNode primary) {
    for (Map.Entry<String, JsonNode> task : section.properties()) {
      String name = clean(task.getKey());
      if (into.containsKey(name) || !task.getValue().isObject()) {
        continue;
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : task.getValue().properties()) {
        String key = field.getKey();
        int comma = key.indexOf(',');
        if (comma < 1 || key.substring(0, comma).endsWith("_stderr")) {
          continue;
        }
        JsonNode v = field.getValue();
        metrics.put(clean(key), v.isNumber() ? v.asDouble() : Double.NaN);
      }
      JsonNode stated = primary.get(task.getKey());
      String key = stated != null && stated.isString() ? clean(stated.asString()) : null;
      into.put(name, new TaskMetrics(name, metrics, metrics.containsKey(key) ? key : null));
    }
  }

  /** Names come from a file we did not write; keep them printable and short. */
  private static String clean(String name) {
    String printable = name.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME) + "…";
  }
}
