package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.Models;
import org.jspecify.annotations.Nullable;

/**
 * A distributed eval run on the job queue. The job's id is the run's id ({@code eval_run} stays the
 * run's record), its spec the {@link JobSpec}; a piece is samples [first, end) of one task, naming
 * the run's endpoint. Each sample is stored as it finishes ({@link JobKind.Context#store}), so a
 * piece taken over after a crash asks only the samples not stored yet; every request of the piece,
 * the model's and the judge's, passes one gate of the endpoint permits the piece was granted. The
 * merge checks every sample's seal and that none is missing, writes the run folder and records the
 * results in {@code eval_run} in the transaction that finishes the job.
 */
final class EvalJob implements JobKind<EvalJob.Stored>, AutoCloseable {

  static final String NAME = "eval";

  /** Samples [first, end) of one task, in the order {@code Task.samples(limit)} gives them. */
  record Range(String task, int first, int end) {
    Range {
      if (first < 0 || end < first) {
        throw UserError.of("잘못된 범위 " + first + ".." + end, "bad range " + first + ".." + end);
      }
    }
  }

  /** What a piece did: its range's samples, all stored now (by this holder or earlier ones). */
  record Stored(int samples) {}

  /** The job's result: samples answered and errors (the scores are in {@code eval_run}). */
  record Finished(int samples, int errors) {}

  private static final PieceCodec<Stored> CODEC = PieceCodec.of(NAME, Stored.class);

  private final Path home;
  private final JobQueue queue;
  private final WorkSamples samples;

  /** Every request of the piece in hand, model and judge alike, within the piece's permits. */
  private final RequestGate gate = new RequestGate();

  private RunMerge.@Nullable LoadedRun loaded;

  /**
   * {@code home}: the worker's (tasks, model specs, run folder); samples sealed under {@code seal}.
   */
  EvalJob(Path home, JobQueue queue, JobSeal seal) {
    this.home = home;
    this.queue = queue;
    this.samples = new WorkSamples(queue, seal);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PieceCodec<Stored> codec() {
    return CODEC;
  }

  /** The pieces of a run: its ranges, each naming the endpoint the run asks. */
  static List<Piece> pieces(List<Range> ranges, String endpoint) {
    List<Piece> pieces = new ArrayList<>();
    for (Range r : ranges) {
      pieces.add(
          new Piece(
              r.task() + " · " + (r.first() + 1) + "–" + r.end(),
              JobJson.write(r),
              endpoint,
              Capacity.NONE));
    }
    return pieces;
  }

  /** Eval runs are cut by {@link Submission}, which loads the tasks to count their samples. */
  @Override
  public List<Piece> split(String spec) {
    throw UserError.of(
        "평가 실행은 gukdae eval --shard-size로 제출합니다",
        "eval runs are submitted with gukdae eval --shard-size");
  }

  @Override
  public Stored run(String jobId, String spec, String piece) {
    throw UserError.of(
        "평가 조각은 워커의 맥락 안에서만 실행됩니다", "an eval piece runs only within its worker's context");
  }

  @Override
  public Stored run(String jobId, String spec, String piece, Context context) {
    JobSpec job = JobSpec.parse(spec, jobId);
    Range range = JobJson.read(piece, Range.class, "job " + jobId + ": eval piece");
    // loaded (and the judge opened behind the gate) before any permit is asked for
    RunMerge.LoadedRun tasks = tasks(jobId, job);
    Task task = RunMerge.task(tasks.loaded(), range.task());
    EvalRequest request = job.request(jobId);
    List<Sample> todo = task.samples(request.limit()).subList(range.first(), range.end());
    Set<Integer> answered = context.answered(task.name());
    int granted = context.permits(request.concurrency());
    AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
    AtomicBoolean stopped = new AtomicBoolean();
    var modelSpec = EvalService.spec(request.model(), request, home).withMaxConcurrency(granted);
    gate.open(granted);
    try (ModelApi model = gate.around(Models.open(modelSpec))) {
      requireSameEndpoint(jobId, context.endpoint(), model);
      ModelApi judge = tasks.judge();
      if (judge != null && !judge.info().endpoint().isBlank()) {
        requireSameEndpoint(jobId, context.endpoint(), judge); // asked with the same API key
      }
      try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // as the single-process runner: twice as many samples as requests in flight
        Semaphore inFlight = new Semaphore(2 * granted);
        for (Sample sample : todo) {
          if (answered.contains(sample.docId())) {
            continue; // answered before a crash or by an earlier holder: never asked again
          }
          inFlight.acquireUninterruptibly();
          // a sample starts only while the lease surely holds (see Heartbeat): once it may have
          // ended, another worker may be asking the same samples
          if (failure.get() != null) {
            inFlight.release();
            break;
          }
          if (!context.mayStart()) {
            stopped.set(true);
            inFlight.release();
            break;
          }
          executor.execute(() -> {
            try {
              context.store(EvalRunner.evaluateSample(task, sample, model));
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              inFlight.release();
            }
          });
        }
      }
    } finally {
      gate.close();
    }
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    if (stopped.get()) {
      throw new PieceContext.Gone();
    }
    return new Stored(todo.size());
  }

  /**
   * The piece was handed out by its row's endpoint (the one --endpoint allows, whose permits it
   * holds); the spec the model is opened from must name the same server, or a row edited in the
   * database could send this worker's API key somewhere else. Every piece would meet it: fatal.
   */
  private static void requireSameEndpoint(String runId, @Nullable String named, ModelApi model) {
    String opened = Submission.endpointOf(model);
    if (!opened.equals(named)) {
      throw new ModelException(
          ModelException.Kind.FATAL,
          UserError.both(
              "run "
                  + runId
                  + ": 작업 조각에 적힌 엔드포인트는 "
                  + named
                  + "인데 모델 명세는 "
                  + opened
                  + "을(를) 엽니다. 제출 뒤 work_shard 행이 바뀌었으므로 요청을 보내지 않았습니다",
              "run "
                  + runId
                  + ": its piece names endpoint "
                  + named
                  + " but its model spec opens "
                  + opened
                  + "; the work_shard row was changed after submission, so no request was sent"));
    }
  }

  /** The run's tasks, loaded once per run (a worker's pieces in a row are often of one run). */
  private RunMerge.LoadedRun tasks(String runId, JobSpec spec) {
    RunMerge.LoadedRun held = loaded;
    if (held != null && held.runId().equals(runId)) {
      return held;
    }
    close();
    held = RunMerge.load(runId, spec, home, gate);
    loaded = held;
    return held;
  }

  @Override
  public Joined join(String jobId, String spec, List<Stored> results) {
    JobSpec job = JobSpec.parse(spec, jobId);
    RunMerge.LoadedRun tasks = tasks(jobId, job);
    try {
      RunMerge.verify(samples, jobId, job, tasks.loaded());
    } catch (UserError e) {
      // an edited, moved or deleted sample stays so: no retry merges it, the job fails saying which
      throw new Refused(e);
    }
    EvalOutcome outcome =
        RunMerge.merge(
            samples, queue.now(), jobId, job, tasks.loaded(), home.resolve("runs"), home);
    int answered = samples.answeredCount(jobId);
    return jdbc -> {
      new EvalStore(jdbc).recordFinished(jobId, outcome, answered);
      return JobJson.write(new Finished(answered, outcome.errors()));
    };
  }

  /** Closes the judge of the run whose tasks are loaded. */
  @Override
  public void close() {
    RunMerge.LoadedRun held = loaded;
    loaded = null;
    if (held != null) {
      held.close();
    }
  }
}
