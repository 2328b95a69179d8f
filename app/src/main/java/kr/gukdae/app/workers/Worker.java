package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.cli.Terminal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's loop: take a piece of any job from the job queue ({@link JobRunner}: an eval
 * run's samples, each stored as it finishes, so a crash loses only answers in flight; an
 * originality check's tensor pairs; a merge), run it, repeat. Plain Java over a {@link DataSource}:
 * {@code gukdae worker} runs it inside the application, and tests run it in bare child JVMs.
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
  private final WorkerRegistry registry;
  private final JobRunner jobs;

  private volatile boolean stopping;

  /** A worker sealing job results under the server secret in its home folder. */
  public Worker(Config config, DataSource dataSource) {
    this(config, dataSource, "");
  }

  /** {@code secret}: the configured {@code gukdae.secret} ("" for the home folder's). */
  public Worker(Config config, DataSource dataSource, String secret) {
    this.config = config;
    JobQueue queue = new JobQueue(dataSource);
    this.registry = new WorkerRegistry(queue);
    this.jobs = new JobRunner(queue, config, () -> stopping, JobSeal.of(secret, config.home()));
  }

  /**
   * Runs until {@link #stop} (or the process ends): each slot runs job pieces (eval shards among
   * them) in its own loop, slot 0 also beating for the worker; what their pieces need together
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
    } finally {
      jobs.close();
    }
  }

  /** Slot 0: beats for the worker and runs pieces; an error here ends the worker. */
  private void runFirstSlot() {
    while (!stopping) {
      registry.beat(config.id());
      if (!jobs.runNext(0)) {
        pause(config.idlePoll());
      }
    }
  }

  /** Another slot: one piece at a time until the worker stops. */
  private void runPieces(int slot) {
    while (!stopping) {
      try {
        if (!jobs.runNext(slot)) {
          pause(config.idlePoll());
        }
      } catch (RuntimeException e) {
        // the database unreachable: this slot's piece went back or its lease runs out; try again
        System.err.println(slotFailed(slot, config.id(), e));
        pause(config.idlePoll());
      }
    }
  }

  /**
   * The line a failed slot prints on stderr, in the run's language like the worker's other status
   * lines ({@link WorkerCommand}): a {@link UserError} in that language, any other error as its
   * class and message (data the user may search for).
   */
  static String slotFailed(int slot, String worker, RuntimeException e) {
    UserError user = UserError.findIn(e);
    return Terminal.pick(
        "작업자 "
            + worker
            + "의 슬롯 "
            + slot
            + "이(가) 실패해 잠시 뒤 다시 시도합니다: "
            + (user != null ? user.message(true) : e.toString()),
        "slot "
            + slot
            + " of worker "
            + worker
            + " failed; trying again shortly: "
            + (user != null ? user.message(false) : e.toString()));
  }

  /** The job runner all slots share (tests watch its pieces start). */
  JobRunner jobs() {
    return jobs;
  }

  public void stop() {
    stopping = true;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
