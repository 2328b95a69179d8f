package kr.gukdae.app.workers;

import java.util.Set;
import java.util.function.BooleanSupplier;
import kr.gukdae.UserError;
import kr.gukdae.eval.run.SampleRecord;
import org.jspecify.annotations.Nullable;

/**
 * A held piece's {@link JobKind.Context}: its heartbeat's deadline, the worker's stop flag, the
 * endpoint permits it asked for, given back when the piece ends (the grant is per worker and
 * endpoint, as in {@link EndpointPermits}), and its samples, stored fenced by the claim's attempt.
 */
final class PieceContext implements JobKind.Context, AutoCloseable {

  /** No permits were free for the piece's endpoint: it goes back to the queue, uncounted. */
  static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy(String endpoint) {
      super("no permits free for " + endpoint, null, false, false);
    }
  }

  /**
   * The piece stopped before its next request because {@link #mayStart} said no: the lease is
   * another holder's, or the worker is stopping. Nothing is stored; the runner gives the piece back
   * or leaves it to its new holder.
   */
  static final class Gone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Gone() {
      super("the piece's lease is gone or the worker is stopping", null, false, false);
    }
  }

  private final Heartbeat beat;
  private final JobQueue.Claim claim;
  private final WorkSamples samples;
  private final @Nullable String endpoint;
  private final EndpointPermits permits;
  private final Worker.Config config;
  private final BooleanSupplier stopping;
  private boolean granted;

  PieceContext(
      Heartbeat beat,
      JobQueue.Claim claim,
      WorkSamples samples,
      EndpointPermits permits,
      Worker.Config config,
      BooleanSupplier stopping) {
    this.beat = beat;
    this.claim = claim;
    this.samples = samples;
    this.endpoint = claim.endpoint();
    this.permits = permits;
    this.config = config;
    this.stopping = stopping;
  }

  @Override
  public boolean mayStart() {
    return !stopping.getAsBoolean() && beat.awaitHeld();
  }

  @Override
  public @Nullable String endpoint() {
    return endpoint;
  }

  @Override
  public synchronized int permits(int defaultLimit) {
    if (endpoint == null) {
      throw UserError.of(
          "엔드포인트가 없는 조각은 엔드포인트 허가를 받을 수 없습니다",
          "a piece without an endpoint cannot be granted endpoint permits");
    }
    long askedAt = System.nanoTime(); // the grant's lease starts after this: see Heartbeat
    int got =
        permits.acquire(endpoint, config.id(), config.capacity(), defaultLimit, config.lease());
    if (got == 0) {
      throw new Busy(endpoint);
    }
    granted = true;
    beat.coverPermits(permits, askedAt);
    return got;
  }

  @Override
  public void store(SampleRecord record) {
    if (!samples.store(claim, record)) {
      throw new Gone();
    }
  }

  @Override
  public Set<Integer> answered(String task) {
    return samples.answered(claim.jobId(), task);
  }

  /** Gives back the grant, if the piece asked for one. */
  @Override
  public synchronized void close() {
    if (granted && endpoint != null) {
      permits.release(endpoint, config.id());
      granted = false;
    }
  }
}
