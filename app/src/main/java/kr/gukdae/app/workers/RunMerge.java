package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.RunManifest;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.eval.run.SampleRecord;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import org.jspecify.annotations.Nullable;

/**
 * Loads a distributed run's tasks as its submitter did, and merges its sample records into the same
 * results a single process computes: the manifest carries the submitter's settings, and the records
 * go through the single-process journal and results code unchanged.
 */
final class RunMerge {

  private RunMerge() {}

  /**
   * A run's tasks as this machine loaded them, and the judge their model-graded scorers ask: open
   * while the tasks are in use, closed with them.
   */
  record LoadedRun(String runId, EvalService.Loaded loaded, @Nullable ModelApi judge)
      implements AutoCloseable {
    @Override
    public void close() {
      if (judge != null) {
        judge.close();
      }
    }
  }

  /** The run's tasks as {@link #load(String, JobSpec, Path, RequestGate)} loads them, ungated. */
  static LoadedRun load(String runId, JobSpec spec, Path home) {
    return load(runId, spec, home, null);
  }

  /**
   * The run's tasks with their judge opened as the submitter's request names it (at the model's
   * endpoint), refused when this machine's copy of a task differs from the submitter's. A worker
   * passes its {@code gate}: the judge's requests then count against the shard's endpoint permits
   * with the model's ({@code null}: a submitter, which asks nothing).
   */
  static LoadedRun load(String runId, JobSpec spec, Path home, @Nullable RequestGate gate) {
    EvalRequest request = spec.request(runId);
    ModelApi judge =
        request.judge() == null
            ? null
            : Models.open(EvalService.spec(request.judge(), request, home));
    if (judge != null && gate != null) {
      judge = gate.around(judge);
    }
    try {
      return new LoadedRun(runId, checked(runId, spec, EvalService.load(request, judge)), judge);
    } catch (RuntimeException e) {
      if (judge != null) {
        judge.close();
      }
      throw e;
    }
  }

  private static EvalService.Loaded checked(String runId, JobSpec spec, EvalService.Loaded loaded) {
    Map<String, String> here = new TreeMap<>();
    loaded.tasks().forEach(t -> here.put(t.name(), t.hash()));
    if (!here.equals(new TreeMap<>(spec.taskHashes()))) {
      throw UserError.of(
          "run "
              + runId
              + ": 이 워커의 과제나 과제 데이터가 제출한 쪽과 다릅니다 (해시 여기 "
              + here
              + ", 제출 "
              + new TreeMap<>(spec.taskHashes())
              + "). 모든 워커에 같은 과제 파일과 --data-dir을 주세요",
          "run "
              + runId
              + ": this worker's tasks or task data differ from the submitter's (hashes "
              + here
              + " here, "
              + new TreeMap<>(spec.taskHashes())
              + " submitted); give every worker the same task files and --data-dir");
    }
    return loaded;
  }

  static Task task(EvalService.Loaded loaded, String name) {
    return loaded.tasks().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                "샤드가 실행에 없는 과제 " + name + "을(를) 가리킵니다",
                "shard names task " + name + ", which the run lacks"));
  }

  /**
   * Refuses to merge a run whose stored samples were tampered with: a record whose seal does not
   * match (edited, re-hashed, moved, unsealed) or a sample missing (deleted), naming run, task and
   * doc. Every piece of the run is done when this is asked.
   */
  static void verify(WorkSamples samples, String runId, JobSpec spec, EvalService.Loaded loaded) {
    Integer limit = spec.request(runId).limit();
    for (Task task : loaded.tasks()) {
      Set<Integer> stored = new HashSet<>();
      samples.records(runId, task.name(), r -> stored.add(r.docId()));
      for (Sample sample : task.samples(limit)) {
        if (!stored.contains(sample.docId())) {
          throw UserError.of(
              "job "
                  + runId
                  + ", task "
                  + task.name()
                  + ", doc "
                  + sample.docId()
                  + ": 저장된 샘플이 없습니다 (데이터베이스에서 지워졌습니다). 결과를 합치지 않습니다. 실행을 다시 제출하세요",
              "job "
                  + runId
                  + ", task "
                  + task.name()
                  + ", doc "
                  + sample.docId()
                  + ": its stored sample is missing (it was deleted from the database); the results"
                  + " are not merged, submit the run again");
        }
      }
    }
  }

  /**
   * Writes the run folder under {@code outputDir} and returns the run's results; {@code now}: the
   * database's clock (the run's duration is measured in it, from the submission).
   */
  static EvalOutcome merge(
      WorkSamples samples,
      OffsetDateTime now,
      String runId,
      JobSpec spec,
      EvalService.Loaded loaded,
      Path outputDir,
      Path home) {
    EvalRequest request = spec.request(runId);
    var options =
        new RunOptions(
            outputDir, runId, request.limit(), request.numFewshot(), request.concurrency(), false);
    RunManifest manifest;
    // the tasks' hashes are the submitter's: load() refused a copy that differs
    try (ModelApi model = Models.open(EvalService.spec(request.model(), request, home))) {
      manifest = RunManifest.of(loaded.tasks(), model, options, request.judge(), spec.startedAt());
    }
    // Task by task, each in its sample order (doc ids are positions in the split), as a single
    // process at concurrency 1 journals them; streamed from the database into the journal.
    Consumer<Consumer<SampleRecord>> records =
        sink -> loaded.tasks().forEach(task -> samples.records(runId, task.name(), sink));
    long startedMillis = (long) (spec.startedAt() * 1000);
    Duration elapsed =
        Duration.ofMillis(Math.max(0, now.toInstant().toEpochMilli() - startedMillis));
    return EvalRunner.merge(
        loaded.tasks(), loaded.plan().groups(), manifest, options, records, elapsed);
  }
}
