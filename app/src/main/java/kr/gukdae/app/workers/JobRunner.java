package kr.gukdae.app.workers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's share of the job queue: takes one shard of an originality check or a quality scan,
 * computes it under a renewed lease and stores its result with the fenced update that completes it.
 * A failed piece goes back to the queue for another attempt (another worker may have the files);
 * the merge joins the pieces and finishes the job in one transaction. It takes only pieces of the
 * endpoints the worker may reach, and hands the piece its lease's deadline and the endpoint's
 * permits ({@link PieceContext}). One runner serves all of a worker's slots ({@code --slots}): each
 * slot runs one piece at a time with {@link #runNext(int)}, and the pieces running at once together
 * never need more than the worker declared, nor hold more requests in flight than its capacity.
 */
final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobQueue queue;
  private final Worker.Config config;
  private final BooleanSupplier stopping;

  /**
   * Each slot's own instance of each kind, by "slot:kind": a kind may cache what a job's pieces
   * share (the originality kind its opened weights) and is not written to be shared by threads.
   */
  private final Map<String, JobKind<?>> kinds = new ConcurrentHashMap<>();

  private final Object reserving = new Object();

  /** What the pieces running now need together; guarded by {@link #reserving}. */
  private Capacity running = Capacity.NONE;

  private final JobSeal seal;
  private final EndpointPermits permits;
  private final WorkSamples samples;
  private final RequestBudget requests;

  /** Called with each piece about to run, in its slot's thread (tests watch concurrency). */
  private volatile Consumer<JobQueue.Claim> starting = c -> {};

  /** A runner sealing under the secret in the worker's home folder. */
  JobRunner(JobQueue queue, Worker.Config config, BooleanSupplier stopping) {
    this(queue, config, stopping, JobSeal.of("", config.home()));
  }

  JobRunner(JobQueue queue, Worker.Config config, BooleanSupplier stopping, JobSeal seal) {
    this.queue = queue;
    this.config = config;
    this.stopping = stopping;
    this.seal = seal;
    this.permits = new EndpointPermits(queue);
    this.samples = new WorkSamples(queue, seal);
    this.requests = new RequestBudget(config.capacity());
  }

  /** Runs one shard in slot 0 if there is one; false when the queue had nothing for this worker. */
  boolean runNext() {
    return runNext(0);
  }

  /**
   * Runs one shard in {@code slot} if there is one that fits in what the worker's other slots leave
   * free; false when there was nothing for it.
   */
  boolean runNext(int slot) {
    long claimedAt = System.nanoTime();
    var claim = claimWithin();
    if (claim.isEmpty()) {
      return false;
    }
    try {
      runClaim(claim.get(), claimedAt, slot);
    } finally {
      finished(claim.get());
    }
    return true;
  }

  /**
   * Claims a piece that fits in what the worker declared less what its running pieces need, and
   * reserves its needs until {@link #finished}: however many pieces run at once, their needs
   * together never exceed the declared capacity. Checking what is free and reserving it are one
   * step under a lock.
   */
  Optional<JobQueue.Claim> claimWithin() {
    synchronized (reserving) {
      Capacity free = config.resources().minus(running);
      var claim = queue.claim(config.id(), config.endpoints(), config.lease(), free);
      claim.ifPresent(c -> running = running.plus(c.needs()));
      return claim;
    }
  }

  /** Gives back what a claimed piece reserved. */
  void finished(JobQueue.Claim c) {
    synchronized (reserving) {
      running = running.minus(c.needs());
    }
  }

  /** What the pieces running on this worker need together. */
  Capacity running() {
    synchronized (reserving) {
      return running;
    }
  }

  /**
   * Whom the endpoint grant of the piece in {@code slot} is held under: each slot its own, so two
   * pieces of one worker at one endpoint neither share nor clobber a grant. Slot 0 keeps the
   * worker's id (a one-slot worker's grants look as before).
   */
  String holder(int slot) {
    return slot == 0 ? config.id() : config.id() + "/" + slot;
  }

  /** The context of piece {@code c} running in {@code slot}. */
  PieceContext context(Heartbeat beat, JobQueue.Claim c, int slot) {
    return new PieceContext(beat, c, samples, permits, config, stopping, holder(slot), requests);
  }

  /** Tests: {@code hook} sees each piece about to run, in its slot's thread, lease held. */
  void onStarting(Consumer<JobQueue.Claim> hook) {
    this.starting = hook;
  }

  private void runClaim(JobQueue.Claim c, long claimedAt, int slot) {
    try {
      JobQueue.checkSpecs(c, seal);
    } catch (UserError e) {
      // a spec edited after submission stays edited: nothing of it runs, the job fails saying which
      refuse(c, e);
      return;
    }
    try (Heartbeat beat =
            new Heartbeat(
                c.jobId() + "#" + c.shardNo(),
                claimedAt,
                config,
                c.endpoint(),
                () -> queue.renew(c, config.lease()));
        PieceContext context = context(beat, c, slot)) {
      starting.accept(c);
      JobKind<?> kind =
          kinds.computeIfAbsent(
              slot + ":" + c.kind(), k -> JobKind.of(c.kind(), config.home(), queue, seal));
      if (c.merge()) {
        merge(kind, c, beat);
      } else {
        run(kind, c, beat, context);
      }
    } catch (PieceContext.Gone e) {
      if (stopping.getAsBoolean()) {
        queue.unclaim(c); // fenced: a no-op if the lease was lost as well
      } else {
        log.warn("lost the lease of {}#{}; another worker carries on", c.jobId(), c.shardNo());
      }
    } catch (PieceContext.Busy e) {
      // the endpoint is at its limit: another worker's grant must end first
      queue.unclaim(c);
      pause();
    } catch (ModelException e) {
      if (e.kind() == ModelException.Kind.RETRYABLE) {
        queue.releaseToWait(c, config.id() + ": " + e.getMessage()); // the endpoint needs a rest
      } else {
        // a wrong key, an endpoint that cannot, an edited row: every piece would meet it
        log.warn("job {} failed: {}", c.jobId(), e.getMessage());
        queue.fail(c.jobId(), String.valueOf(e.getMessage()));
      }
    } catch (RuntimeException e) {
      log.warn("shard {}#{} failed: {}", c.jobId(), c.shardNo(), e.toString());
      queue.release(c, config.id() + ": " + e.getMessage());
    }
  }

  /**
   * Joins the pieces' typed results and finishes the job. A piece whose stored result does not
   * match its seal, or does not read as the kind's result, stays so: no retry joins it, the job
   * fails saying which.
   */
  private <R> void merge(JobKind<R> kind, JobQueue.Claim c, Heartbeat beat) {
    List<JobQueue.Stored> stored;
    try {
      stored = queue.results(c.jobId(), seal);
    } catch (UserError e) {
      refuse(c, e);
      return;
    }
    JobKind.Joined joined;
    try {
      joined = kind.join(c.jobId(), c.jobSpec(), kind.codec().results(c.jobId(), stored));
    } catch (PieceCodec.Unreadable | JobKind.Refused e) {
      // the join's other errors (a file gone on this worker) put the merge back for another try
      refuse(c, e);
      return;
    }
    if (beat.lost() || !queue.finish(c, joined, seal, beat.held())) {
      log.warn("lost the merge of {}; another worker carries on", c.jobId());
    }
  }

  /** Computes one piece and stores its result (as its kind writes it) with the fenced update. */
  private <R> void run(JobKind<R> kind, JobQueue.Claim c, Heartbeat beat, PieceContext context) {
    R result = kind.run(c.jobId(), c.jobSpec(), c.spec(), context);
    if (beat.lost()) {
      log.warn("lost the lease of {}#{}; another worker carries on", c.jobId(), c.shardNo());
    } else if (stopping.getAsBoolean()) {
      queue.unclaim(c);
    } else {
      List<JobKind.Piece> more = kind.more(c.jobId(), c.jobSpec(), c.spec(), result);
      queue.complete(c, kind.codec().write(result), seal, more, beat.held());
    }
  }

  private void refuse(JobQueue.Claim c, UserError e) {
    log.warn("job {} refused: {}", c.jobId(), e.getMessage());
    queue.fail(c.jobId(), e.getMessage());
  }

  /** Closes what the kinds hold between pieces (an eval run's loaded tasks and judge). */
  void close() {
    for (JobKind<?> kind : kinds.values()) {
      if (kind instanceof AutoCloseable held) {
        try {
          held.close();
        } catch (Exception e) {
          log.warn("closing {}: {}", kind.name(), e.toString());
        }
      }
    }
    kinds.clear();
  }

  private void pause() {
    try {
      Thread.sleep(config.idlePoll());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
