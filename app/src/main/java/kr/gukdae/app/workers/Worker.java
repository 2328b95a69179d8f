package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's loop: claim a shard, run its samples (each stored as it finishes, so a crash
 * loses only answers in flight), complete it, repeat; the merge shard of a run builds its results.
 * Plain Java over a {@link DataSource}: {@code gukdae worker} runs it inside the application, and
 * tests run it in bare child JVMs.
 */
public final class Worker {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /**
   * Who this worker is and what it takes on. {@code capacity}: requests it keeps in flight at most;
   * {@code endpoints}: the model endpoints it may reach ({@code null}: any); {@code lease}: how
   * long a shard stays its own without a renewal (it renews every third of that); {@code slots}:
   * job pieces it runs at once at most, within {@code resources} (eval shards: one at a time).
   */
  public record Config(
      String id,
      int capacity,
      @Nullable Set<String> endpoints,
      Duration lease,
      Duration idlePoll,
      Path home,
      Capacity resources,
      int slots) {

    /** Pieces one worker may run at once at most (each slot is a thread and a heartbeat). */
    public static final int MAX_SLOTS = 1024;

    /** A worker declaring what this machine has ({@link Capacity#ofMachine}), one slot. */
    public Config(
        String id,
        int capacity,
        @Nullable Set<String> endpoints,
        Duration lease,
        Duration idlePoll,
        Path home) {
      this(id, capacity, endpoints, lease, idlePoll, home, Capacity.ofMachine());
    }

    /** A worker running one piece at a time. */
    public Config(
        String id,
        int capacity,
        @Nullable Set<String> endpoints,
        Duration lease,
        Duration idlePoll,
        Path home,
        Capacity resources) {
      this(id, capacity, endpoints, lease, idlePoll, home, resources, 1);
    }

    public Config {
      Objects.requireNonNull(resources, "resources");
      Objects.requireNonNull(id, "id");
      if (capacity < 1) {
        throw kr.gukdae.UserError.of(
            "--capacity는 1 이상이어야 합니다. 받은 값: " + capacity,
            "--capacity must be at least 1, got " + capacity);
      }
      if (slots < 1 || slots > MAX_SLOTS) {
        throw kr.gukdae.UserError.of(
            "--slots는 1에서 " + MAX_SLOTS + " 사이여야 합니다. 받은 값: " + slots,
            "--slots must be between 1 and " + MAX_SLOTS + ", got " + slots);
      }
      if (lease.toMillis() < 300) {
        throw kr.gukdae.UserError.of(
            "--lease-seconds는 양수여야 합니다", "--lease-seconds must be positive");
      }
      endpoints = endpoints == null ? null : Set.copyOf(endpoints);
    }
  }

  private final Config config;
  private final ShardQueue queue;
  private final EndpointPermits permits;
  private final WorkerRegistry registry;
  private final JobRunner jobs;
  private final JobSeal seal;

  /** Every request of the shard in hand, model and judge alike, within the shard's permits. */
  private final RequestGate gate = new RequestGate();

  private volatile boolean stopping;
  private RunMerge.@Nullable LoadedRun loaded;

  /** A worker sealing job results under the server secret in its home folder. */
  public Worker(Config config, DataSource dataSource) {
    this(config, dataSource, "");
  }

  /** {@code secret}: the configured {@code gukdae.secret} ("" for the home folder's). */
  public Worker(Config config, DataSource dataSource, String secret) {
    this.config = config;
    this.queue = new ShardQueue(dataSource);
    this.permits = new EndpointPermits(queue);
    this.registry = new WorkerRegistry(queue);
    this.seal = JobSeal.of(secret, config.home());
    this.jobs = new JobRunner(new JobQueue(queue), config, () -> stopping, seal);
  }

  /**
   * Runs until {@link #stop} (or the process ends): slot 0 takes eval shards and job pieces, slots
   * 1 to {@code slots - 1} job pieces only, each its own loop; what their pieces need together
   * stays within the declared resources ({@link JobRunner#claimWithin}).
   */
  public void run() {
    registry.register(config);
    log.info(
        "worker {} ready (capacity {}, {} slots)", config.id(), config.capacity(), config.slots());
    try (ExecutorService slots =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("slot-" + config.id() + "-", 1).factory())) {
      for (int slot = 1; slot < config.slots(); slot++) {
        int mine = slot;
        slots.execute(() -> runPieces(mine));
      }
      try {
        runFirstSlot();
      } finally {
        stopping = true; // a failed first slot stops the others, which give their pieces back
      }
    }
    if (loaded != null) {
      loaded.close();
      loaded = null;
    }
  }

  private void runFirstSlot() {
    while (!stopping) {
      registry.beat(config.id());
      long claimedAt = System.nanoTime(); // before the database starts the lease: see Heartbeat
      var claim = queue.claim(config.id(), config.endpoints(), config.lease());
      if (claim.isEmpty()) {
        // no eval shard: a shard of another job kind (originality, quality), else wait
        if (!jobs.runNext(0)) {
          pause(config.idlePoll());
        }
        continue;
      }
      runClaim(claim.get(), claimedAt);
    }
  }

  /** Another slot: job pieces only, one at a time, until the worker stops. */
  private void runPieces(int slot) {
    while (!stopping) {
      try {
        if (!jobs.runNext(slot)) {
          pause(config.idlePoll());
        }
      } catch (RuntimeException e) {
        // the database unreachable: this slot's piece went back or its lease runs out; try again
        log.warn("slot {} of worker {}: {}", slot, config.id(), e.toString());
        pause(config.idlePoll());
      }
    }
  }

  /** The job runner all slots share (tests watch its pieces start). */
  JobRunner jobs() {
    return jobs;
  }

  public void stop() {
    stopping = true;
  }

  private void runClaim(ShardQueue.Claim claim, long claimedAt) {
    // renewed from the claim on: loading the tasks can take longer than the lease
    try (Heartbeat beat = new Heartbeat(claim, claimedAt, queue, config)) {
      JobSpec spec = JobSpec.parse(claim.spec(), claim.runId());
      RunMerge.LoadedRun tasks = tasks(claim.runId(), spec);
      switch (claim.kind()) {
        case SAMPLES -> runSamples(claim, spec, tasks, beat);
        case MERGE -> runMerge(claim, spec, tasks, beat);
      }
    } catch (ModelException e) {
      if (e.kind() == ModelException.Kind.RETRYABLE) {
        queue.release(claim, e.getMessage());
      } else {
        queue.failRun(claim.runId(), e.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("shard {}#{} failed: {}", claim.runId(), claim.shardNo(), e.toString());
      queue.release(claim, config.id() + ": " + e);
    }
  }

  /** The run's tasks, loaded once per run (a worker's shards in a row are often of one run). */
  private RunMerge.LoadedRun tasks(String runId, JobSpec spec) {
    if (loaded == null || !loaded.runId().equals(runId)) {
      if (loaded != null) {
        loaded.close();
        loaded = null;
      }
      loaded = RunMerge.load(runId, spec, config.home(), gate);
    }
    return loaded;
  }

  private void runSamples(
      ShardQueue.Claim claim, JobSpec spec, RunMerge.LoadedRun tasks, Heartbeat beat) {
    Task task = RunMerge.task(tasks.loaded(), Objects.requireNonNull(claim.task(), "task"));
    EvalRequest request = spec.request(claim.runId());
    List<Sample> samples = task.samples(request.limit()).subList(claim.first(), claim.end());
    long askedAt = System.nanoTime();
    int granted =
        permits.acquire(
            claim.endpoint(),
            config.id(),
            config.capacity(),
            request.concurrency(),
            config.lease());
    if (granted == 0) {
      queue.unclaim(claim); // the endpoint is at its limit; another worker's grant must end first
      pause(config.idlePoll());
      return;
    }
    Set<Integer> answered = queue.answered(claim.runId(), task.name());
    AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
    var modelSpec =
        EvalService.spec(request.model(), request, config.home()).withMaxConcurrency(granted);
    beat.coverPermits(permits, askedAt);
    gate.open(granted);
    try (ModelApi model = gate.around(Models.open(modelSpec))) {
      requireSameEndpoint(claim, model);
      if (tasks.judge() != null && !tasks.judge().info().endpoint().isBlank()) {
        requireSameEndpoint(claim, tasks.judge()); // the judge is asked with the same API key
      }
      try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // as the single-process runner: twice as many samples as requests in flight
        Semaphore inFlight = new Semaphore(2 * granted);
        for (Sample sample : samples) {
          if (answered.contains(sample.docId())) {
            continue; // answered before a crash or by an earlier holder: never asked again
          }
          inFlight.acquireUninterruptibly();
          // a sample starts only while the lease surely holds (see Heartbeat): once it may have
          // ended, another worker may be asking the same samples
          if (failure.get() != null || stopping || !beat.awaitHeld()) {
            inFlight.release();
            break;
          }
          executor.execute(() -> {
            try {
              queue.record(claim.runId(), EvalRunner.evaluateSample(task, sample, model), seal);
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              inFlight.release();
            }
          });
        }
      }
      if (failure.get() != null) {
        throw failure.get();
      }
      if (beat.lost()) {
        log.warn(
            "lost the lease of {}#{}; another worker carries on", claim.runId(), claim.shardNo());
      } else if (stopping) {
        queue.unclaim(claim); // stopped on purpose: back to the queue at once, attempt not counted
      } else {
        queue.complete(claim, beat.held());
      }
    } finally {
      gate.close();
      permits.release(claim.endpoint(), config.id());
    }
  }

  /**
   * The shard was chosen by its job's endpoint column (the one --endpoint allows); the spec the
   * model is opened from must name the same server, or a row edited in the database could send this
   * worker's API key somewhere else.
   */
  private static void requireSameEndpoint(ShardQueue.Claim claim, ModelApi model) {
    String opened = Submission.endpointOf(model);
    if (!opened.equals(claim.endpoint())) {
      throw new ModelException(
          ModelException.Kind.FATAL,
          kr.gukdae.UserError.both(
              "run "
                  + claim.runId()
                  + ": 작업에 적힌 엔드포인트는 "
                  + claim.endpoint()
                  + "인데 모델 명세는 "
                  + opened
                  + "을(를) 엽니다. 제출 뒤 eval_job 행이 바뀌었으므로 요청을 보내지 않았습니다",
              "run "
                  + claim.runId()
                  + ": its job names endpoint "
                  + claim.endpoint()
                  + " but its model spec opens "
                  + opened
                  + "; the eval_job row was changed after submission, so no request was sent"));
    }
  }

  private void runMerge(
      ShardQueue.Claim claim, JobSpec spec, RunMerge.LoadedRun tasks, Heartbeat beat) {
    try {
      RunMerge.verify(queue, seal, claim.runId(), spec, tasks.loaded());
    } catch (kr.gukdae.UserError e) {
      // an edited sample stays edited: no retry merges it, the run fails saying which
      log.warn("run {} refused: {}", claim.runId(), e.getMessage());
      queue.failRun(claim.runId(), e.getMessage());
      return;
    }
    EvalOutcome outcome =
        RunMerge.merge(
            queue,
            seal,
            claim.runId(),
            spec,
            tasks.loaded(),
            config.home().resolve("runs"),
            config.home());
    int samples = queue.answeredCount(claim.runId());
    queue
        .tx()
        .executeWithoutResult(status -> {
          if (beat.lost() || !queue.complete(claim, beat.held())) {
            status.setRollbackOnly(); // another worker holds the merge now
            return;
          }
          new EvalStore(queue.jdbc()).recordFinished(claim.runId(), outcome, samples);
        });
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
