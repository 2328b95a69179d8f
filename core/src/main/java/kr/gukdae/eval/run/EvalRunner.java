package kr.gukdae.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Solver;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskState;
import kr.gukdae.eval.tasks.RunPlan;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelException;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks against a model: every sample on a virtual thread (at most {@code concurrency} in
 * flight), each finished sample appended to the journal at once, then the metrics computed from the
 * journal. Because results come only from the journal, a run killed and resumed ends with the same
 * numbers as one that was never interrupted.
 */
public final class EvalRunner {

  static final String MANIFEST = "run.json";
  static final String JOURNAL = "journal.jsonl";
  private static final int MAX_ERROR_CHARS = 500;
  private static final int SAMPLES_PER_REQUEST_SLOT = 2;

  private EvalRunner() {}

  /**
   * Every sample a run in {@code runDir} recorded, from its journal: the last record of each task
   * and document wins (a sample retried after an error shows its final state), in journal order.
   */
  public static List<SampleRecord> samples(Path runDir) {
    Map<String, SampleRecord> last = new java.util.LinkedHashMap<>();
    Journal.forEach(runDir.resolve(JOURNAL), r -> last.put(Journal.key(r.task(), r.docId()), r));
    return List.copyOf(last.values());
  }

  public static EvalOutcome run(
      List<Task> tasks,
      ModelApi model,
      RunOptions options,
      @Nullable String judge,
      ProgressListener progress) {
    return run(tasks, List.of(), model, options, judge, progress);
  }

  /** As {@link #run}, with lm-eval group rows for the groups the tasks were named by. */
  public static EvalOutcome run(
      List<Task> tasks,
      List<RunPlan.Group> groups,
      ModelApi model,
      RunOptions options,
      @Nullable String judge,
      ProgressListener progress) {
    Instant start = Instant.now();
    Path dir = options.runDir();
    RunManifest manifest = prepare(tasks, model, options, judge, start);
    Map<String, SampleRecord> finished = Journal.finished(dir.resolve(JOURNAL));

    List<Work> work = new ArrayList<>();
    int total = 0;
    for (Task task : tasks) {
      for (Sample sample : task.samples(options.limit())) {
        total++;
        if (!finished.containsKey(Journal.key(task.name(), sample.docId()))) {
          work.add(new Work(task, sample));
        }
      }
    }
    finished.clear(); // only the keys were needed; results are rebuilt from the file
    progress.started(total, total - work.size());

    AtomicReference<@Nullable ModelException> fatal = new AtomicReference<>();
    try (Journal journal = Journal.openForAppend(dir.resolve(JOURNAL));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      // Twice as many samples as requests may be in flight: while one sample is scored and
      // journaled, the next is already waiting at the model adapter, which caps real requests
      // at the concurrency; the endpoint never idles between samples.
      Semaphore inFlight = new Semaphore(SAMPLES_PER_REQUEST_SLOT * options.concurrency());
      for (Work item : work) {
        inFlight.acquireUninterruptibly();
        if (fatal.get() != null) {
          inFlight.release();
          break;
        }
        executor.execute(() -> {
          try {
            SampleRecord record = evaluate(item.task(), item.sample(), model);
            journal.append(record);
            progress.sampleFinished(record.ok());
          } catch (ModelException e) {
            fatal.compareAndSet(null, e);
          } finally {
            inFlight.release();
          }
        });
      }
    }
    if (fatal.get() != null) {
      throw stopped(fatal.get(), options);
    }
    Duration elapsed = Duration.between(start, Instant.now());
    return ResultsBuilder.build(tasks, groups, options, manifest, dir.resolve(JOURNAL), elapsed);
  }

  /**
   * Evaluates one sample as {@link #run} does, for callers that schedule samples themselves (the
   * distributed workers). A retryable failure comes back as an error record; a fatal model error
   * (wrong key, unsupported endpoint) is thrown, since every other sample would fail alike.
   */
  public static SampleRecord evaluateSample(Task task, Sample sample, ModelApi model) {
    return evaluate(task, sample, model);
  }

  /**
   * Builds a run's results from sample records gathered elsewhere (the shards of a distributed
   * run): writes {@code run.json} and {@code journal.jsonl} into a fresh run folder, then the same
   * results a single-process run computes from its journal. {@code records} pushes the records into
   * the journal one by one (so a large run is streamed, never held); metrics follow each task's
   * sample order whatever the order, and {@code samples_<task>.jsonl} lists records in the order
   * given. The first successful record of a sample counts, as on resume.
   */
  public static EvalOutcome merge(
      List<Task> tasks,
      List<RunPlan.Group> groups,
      RunManifest manifest,
      RunOptions options,
      Consumer<Consumer<SampleRecord>> records,
      Duration elapsed) {
    Path dir = options.runDir();
    try {
      Files.createDirectories(dir);
      LmEvalWriter.writeAtomically(dir.resolve(MANIFEST), manifest);
      Files.deleteIfExists(dir.resolve(JOURNAL));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare run folder " + dir, e);
    }
    try (Journal journal = Journal.openForAppend(dir.resolve(JOURNAL))) {
      records.accept(journal::append);
    }
    return ResultsBuilder.build(tasks, groups, options, manifest, dir.resolve(JOURNAL), elapsed);
  }

  static SampleRecord evaluate(Task task, Sample sample, ModelApi model) {
    TaskState state = TaskState.initial(sample);
    try {
      return evaluateOrThrow(task, sample, model, state);
    } catch (ModelException e) {
      if (e.kind() != ModelException.Kind.RETRYABLE) {
        throw e; // a wrong key or an endpoint that cannot do this: every sample would fail alike
      }
      return failed(task, sample, state, e);
    } catch (RuntimeException e) {
      return failed(task, sample, state, e);
    }
  }

  private static SampleRecord evaluateOrThrow(
      Task task, Sample sample, ModelApi model, TaskState initial) {
    TaskState state = initial;
    for (Solver solver : task.solvers()) {
      state = solver.solve(state, model);
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    for (ScoreSpec spec : task.scorers()) {
      scores.put(spec.key(), spec.scorer().score(state));
    }
    return new SampleRecord(
        task.name(),
        sample.docId(),
        sample.category(),
        scores,
        state.calls(),
        state.output() == null ? null : state.completion(),
        null);
  }

  /** Recorded, counted and reported; never silently scored as wrong or dropped. */
  private static SampleRecord failed(
      Task task, Sample sample, TaskState state, RuntimeException e) {
    return new SampleRecord(
        task.name(),
        sample.docId(),
        sample.category(),
        Map.of(),
        state.calls(),
        null,
        errorText(e));
  }

  /**
   * A fatal model error ends the run with one clear line; what finished stays in the journal, so
   * the run can be resumed once the cause is fixed.
   */
  private static UserError stopped(ModelException e, RunOptions options) {
    boolean unsupported = e.kind() == ModelException.Kind.UNSUPPORTED;
    String hint =
        unsupported
            ? " Use the generation variant of the task (e.g. demo/ko_knowledge_gen), which needs"
                + " only the chat endpoint."
            : "";
    String hintKo = unsupported ? " 채팅 엔드포인트만 쓰는 작업의 생성형 변형(예: demo/ko_knowledge_gen)을 쓰세요." : "";
    return UserError.of(
        e.message(true)
            + "."
            + hintKo
            + " 끝난 샘플은 보존됩니다. 원인을 고친 뒤 --resume "
            + options.runId()
            + "로 다시 실행하세요",
        e.message(false)
            + "."
            + hint
            + " Finished samples are kept: fix the cause and rerun with"
            + " --resume "
            + options.runId(),
        e);
  }

  private static String errorText(RuntimeException e) {
    String text = e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage(), "");
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
  }

  private static RunManifest prepare(
      List<Task> tasks, ModelApi model, RunOptions options, @Nullable String judge, Instant start) {
    Path dir = options.runDir();
    Path manifestFile = dir.resolve(MANIFEST);
    var fresh = RunManifest.of(tasks, model, options, judge, start.toEpochMilli() / 1000.0);
    try {
      if (Files.exists(manifestFile)) {
        if (!options.resume()) {
          throw UserError.of(
              "run '"
                  + options.runId()
                  + "': 이미 "
                  + dir
                  + "에 있습니다. --resume "
                  + options.runId()
                  + "로 이어서 실행하거나 새 실행을 시작하세요",
              "run '"
                  + options.runId()
                  + "': already exists in "
                  + dir
                  + "; resume it with --resume "
                  + options.runId()
                  + " or start a new run");
        }
        RunManifest previous = Journal.JSON.readValue(manifestFile.toFile(), RunManifest.class);
        requireSameRun(previous, fresh, manifestFile);
        return previous;
      }
      if (options.resume()) {
        throw UserError.of(
            "--resume " + options.runId() + ": " + options.outputDir() + "에 이어서 실행할 실행이 없습니다",
            "--resume " + options.runId() + ": no such run to resume in " + options.outputDir());
      }
      Files.createDirectories(dir);
      Path tmp = dir.resolve(MANIFEST + ".tmp");
      Journal.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), fresh);
      Files.move(tmp, manifestFile, StandardCopyOption.ATOMIC_MOVE);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare run folder " + dir, e);
    }
  }

  private static void requireSameRun(RunManifest previous, RunManifest now, Path file) {
    List<String> differences = new ArrayList<>();
    if (!previous.model().equals(now.model())) {
      differences.add("model " + previous.model() + " → " + now.model());
    }
    if (!previous.taskHashes().equals(now.taskHashes())) {
      differences.add("tasks or their data " + previous.tasks() + " → " + now.tasks());
    }
    if (!Objects.equals(previous.limit(), now.limit())) {
      differences.add("limit " + previous.limit() + " → " + now.limit());
    }
    if (!Objects.equals(previous.numFewshot(), now.numFewshot())) {
      differences.add("num_fewshot " + previous.numFewshot() + " → " + now.numFewshot());
    }
    if (!differences.isEmpty()) {
      throw UserError.of(
          file
              + ": 다른 설정으로 시작한 실행이라 이어서 실행할 수 없습니다 ("
              + String.join("; ", differences)
              + "). 새 실행을 시작하세요",
          file
              + ": cannot resume, the run was started with different settings ("
              + String.join("; ", differences)
              + "); start a new run instead");
    }
  }

  private record Work(Task task, Sample sample) {}
}
