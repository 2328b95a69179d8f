package kr.gukdae.app.workers;

import java.util.Set;
import java.util.function.BooleanSupplier;
import kr.gukdae.UserError;
import kr.gukdae.eval.run.SampleRecord;
import kr.gukdae.model.ModelApi;
import org.jspecify.annotations.Nullable;

/**
 * A held piece's {@link JobKind.Context}: its heartbeat's deadline, the worker's stop flag, the
 * endpoint permits it asked for, given back when the piece ends, and its samples, stored fenced by
 * the claim's attempt. A worker may run several pieces at once (one per slot): each holds its own
 * grant, under its slot's holder id ({@code worker/slot}) in {@link EndpointPermits}, taken out of
 * the worker's {@link RequestBudget} ({@code --capacity}), and its own {@link RequestGate} sized to
 * it, so two pieces of one worker at one endpoint neither share nor clobber a grant.
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
  private final String holder;
  private final RequestBudget budget;
  private final RequestGate gate = new RequestGate();

  /** Permits this piece holds now (0: none), out of {@link #budget}. */
  private int granted;

  /** The context of a worker running one piece at a time (its grants held under its id). */
  PieceContext(
      Heartbeat beat,
      JobQueue.Claim claim,
      WorkSamples samples,
      EndpointPermits permits,
      Worker.Config config,
      BooleanSupplier stopping) {
    this(
        beat,
        claim,
        samples,
        permits,
        config,
        stopping,
        config.id(),
        new RequestBudget(config.capacity()));
  }

  /**
   * {@code holder}: whom the endpoint grant is held under (the piece's slot); {@code budget}: the
   * worker's requests in flight, shared by its slots.
   */
  PieceContext(
      Heartbeat beat,
      JobQueue.Claim claim,
      WorkSamples samples,
      EndpointPermits permits,
      Worker.Config config,
      BooleanSupplier stopping,
      String holder,
      RequestBudget budget) {
    this.holder = holder;
    this.budget = budget;
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
    giveBack(); // a second call replaces the first grant
    int want = budget.take(config.capacity());
    if (want == 0) {
      throw new Busy(endpoint); // the worker's other pieces hold all of its --capacity
    }
    long askedAt = System.nanoTime(); // the grant's lease starts after this: see Heartbeat
    int got = 0;
    try {
      got = permits.acquire(endpoint, holder, want, defaultLimit, config.lease());
    } finally {
      budget.giveBack(want - got); // what was not granted (all of it if asking failed) is free
    }
    if (got == 0) {
      throw new Busy(endpoint);
    }
    granted = got;
    gate.open(got);
    beat.coverPermits(permits, holder, askedAt);
    return got;
  }

  @Override
  public ModelApi gated(ModelApi model) {
    return gate.around(model);
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
    giveBack();
  }

  private void giveBack() {
    if (granted > 0 && endpoint != null) {
      gate.close();
      permits.release(endpoint, holder);
      budget.giveBack(granted);
      granted = 0;
    }
  }
}
