package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
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
   * long a shard stays its own without a renewal (it renews every third of that).
   */
  public record Config(
      String id,
      int capacity,
      @Nullable Set<String> endpoints,
      Duration lease,
      Duration idlePoll,
      Path home,
      Capacity resources) {

    /** A worker declaring what this machine has ({@link Capacity#ofMachine}). */
    public Config(
        String id,
        int capacity,
        @Nullable Set<String> endpoints,
        Duration lease,
        Duration idlePoll,
        Path home) {
      this(id, capacity, endpoints, lease, idlePoll, home, Capacity.ofMachine());
    }

    public Config {
      Objects.requireNonNull(resources, "resources");
      Objects.requireNonNull(id, "id");
      if (capacity < 1) {
        throw kr.gukdae.UserError.of(
            "--capacity는 1 이상이어야 합니다. 받은 값: " + capacity,
            "--capacity must be at least 1, got " + capacity);
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

  /** Runs until {@link #stop} (or the process ends). */
  public void run() {
    registry.register(config);
    log.info("worker {} ready (capacity {})", config.id(), config.capacity());
    try {
      while (!stopping) {
        registry.beat(config.id());
        if (!jobs.runNext()) {
          pause(config.idlePoll());
        }
      }
    } finally {
      jobs.close();
    }
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
