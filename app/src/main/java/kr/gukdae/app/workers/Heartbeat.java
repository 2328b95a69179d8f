package kr.gukdae.app.workers;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a held shard's lease (and the endpoint permits that go with it) every third of the lease.
 * Once a renewal finds the lease gone, {@link #lost} stays true: the holder stops asking for more
 * samples, since another worker may already be asking them.
 */
final class Heartbeat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final ScheduledExecutorService timer;
  private volatile boolean lost;

  Heartbeat(
      ShardQueue.Claim claim,
      ShardQueue queue,
      @Nullable EndpointPermits permits,
      Worker.Config config) {
    this(
        claim.runId() + "#" + claim.shardNo(),
        config,
        () -> {
          boolean held = queue.renew(claim, config.lease());
          return held && permits != null
              ? permits.renew(claim.endpoint(), config.id(), config.lease())
              : held;
        });
  }

  /** Renews any lease: {@code renew} answers whether this holder still holds it. */
  Heartbeat(String what, Worker.Config config, BooleanSupplier renew) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("heartbeat-" + config.id()).factory());
    long every = Math.max(100, config.lease().toMillis() / 3);
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            if (!renew.getAsBoolean()) {
              lost = true;
            }
          } catch (RuntimeException e) {
            // the database is unreachable: keep trying until the lease is surely gone
            log.warn("cannot renew lease of {}: {}", what, e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  boolean lost() {
    return lost;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
