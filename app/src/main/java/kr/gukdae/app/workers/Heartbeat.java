package kr.gukdae.app.workers;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a held shard's lease (and, once granted, the endpoint permits that go with it) every third
 * of the lease, from the moment of the claim on: loading a run's tasks may take longer than the
 * lease.
 *
 * <p>The holder also keeps a deadline of its own: the monotonic time just before the claim (or the
 * last successful renewal) was sent, plus the lease. The database set the real end of the lease
 * from its clock after that moment, so the deadline is never later than the real end, and no other
 * worker can take the shard over before it. {@link #awaitHeld} lets the holder start a sample only
 * before that deadline; past it, it waits for the next renewal. Without it, a holder whose renewals
 * came late kept starting samples until its next renewal failed, while the worker that had taken
 * the shard over asked the same samples (issue #18's finding). So a shard changing hands costs at
 * most the samples its old holder had in flight when its lease ended.
 */
final class Heartbeat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final String what;
  private final BooleanSupplier renewLease;
  private final @Nullable String endpoint;
  private final Worker.Config config;
  private final long leaseNanos;
  private final long claimedAt;
  private final ScheduledExecutorService timer;
  private final Object changed = new Object();
  private volatile boolean lost;
  private volatile long heldUntil;
  private volatile @Nullable EndpointPermits permits;
  private volatile String holder;

  /**
   * A lease (a job's piece): {@code renewLease} answers whether this holder still holds it. {@code
   * claimedAt}: {@link System#nanoTime} taken before the claim was sent.
   */
  Heartbeat(String what, long claimedAt, Worker.Config config, BooleanSupplier renewLease) {
    this(what, claimedAt, config, null, renewLease);
  }

  /**
   * A lease whose holder may also be granted permits for {@code endpoint} ({@link #coverPermits}).
   */
  Heartbeat(
      String what,
      long claimedAt,
      Worker.Config config,
      @Nullable String endpoint,
      BooleanSupplier renewLease) {
    this.what = what;
    this.renewLease = renewLease;
    this.endpoint = endpoint;
    this.config = config;
    this.leaseNanos = config.lease().toNanos();
    this.claimedAt = claimedAt;
    this.holder = config.id();
    this.heldUntil = claimedAt + leaseNanos;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("heartbeat-" + config.id() + "-" + what).factory());
    long every = Math.max(100, config.lease().toMillis() / 3);
    timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Renews the endpoint grant too from now on. {@code acquiredAt}: {@link System#nanoTime} taken
   * before the grant was asked for; the deadline becomes the earlier of the two leases' ends.
   */
  void coverPermits(EndpointPermits granted, long acquiredAt) {
    coverPermits(granted, config.id(), acquiredAt);
  }

  /**
   * As above, for a grant held under {@code holder} (a slot of the worker, {@code worker/slot}:
   * each piece running at once holds its own grant).
   */
  void coverPermits(EndpointPermits granted, String holder, long acquiredAt) {
    this.holder = holder;
    this.permits = granted;
    heldUntil = Math.min(heldUntil, acquiredAt + leaseNanos);
  }

  private void renew() {
    long sentAt = System.nanoTime();
    try {
      boolean held = renewLease.getAsBoolean();
      EndpointPermits grant = permits;
      if (held && grant != null && endpoint != null) {
        held = grant.renew(endpoint, holder, config.lease());
      }
      if (held) {
        heldUntil = sentAt + leaseNanos;
      } else {
        lost = true;
      }
    } catch (RuntimeException e) {
      // the database is unreachable: keep trying; past the deadline the holder starts nothing
      log.warn("cannot renew lease of {}: {}", what, e.toString());
    }
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  /** True once a renewal found the shard (or the grant) in another holder's hands. */
  boolean lost() {
    return lost;
  }

  /**
   * Whether the holder may start another sample: true while the lease surely holds; past the
   * deadline it waits for the next renewal's outcome (the lease may have lapsed with nobody taking
   * the shard, and then the fenced renewal succeeds); false once the shard is lost.
   */
  boolean awaitHeld() {
    if (!lost && System.nanoTime() - heldUntil < 0) {
      return true;
    }
    synchronized (changed) {
      while (!lost && System.nanoTime() - heldUntil >= 0) {
        try {
          changed.wait(Math.max(1, leaseNanos / 3_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return !lost;
    }
  }

  /** Time since the claim, by this worker's monotonic clock. */
  Duration held() {
    return Duration.ofNanos(System.nanoTime() - claimedAt);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
