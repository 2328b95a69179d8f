package kr.gukdae.eval.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.eval.Task;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a run was asked to do, written once when it starts ({@code run.json}). Resume reads it back
 * and refuses to continue if the tasks or their data changed, since mixing answers from two
 * versions of a benchmark would give a number that belongs to neither.
 */
public record RunManifest(
    String runId,
    String model,
    ModelInfo modelInfo,
    List<String> tasks,
    Map<String, String> taskHashes,
    @Nullable Integer limit,
    @Nullable Integer numFewshot,
    int concurrency,
    @Nullable String judge,
    double startedAt) {

  public RunManifest {
    tasks = List.copyOf(tasks);
    taskHashes = Map.copyOf(taskHashes);
  }

  /**
   * The manifest of a run of {@code tasks} on {@code model} under {@code options}: the one way a
   * single process and the merge of a distributed run write it, so the two agree field by field.
   */
  public static RunManifest of(
      List<Task> tasks,
      ModelApi model,
      RunOptions options,
      @Nullable String judge,
      double startedAt) {
    Map<String, String> hashes = new LinkedHashMap<>();
    tasks.forEach(t -> hashes.put(t.name(), t.hash()));
    return new RunManifest(
        options.runId(),
        model.name(),
        model.info(),
        tasks.stream().map(Task::name).toList(),
        hashes,
        options.limit(),
        options.numFewshot(),
        options.concurrency(),
        judge,
        startedAt);
  }
}
