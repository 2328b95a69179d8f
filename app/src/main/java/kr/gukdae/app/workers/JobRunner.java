package kr.gukdae.app.workers;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's share of the job queue: takes one shard of an originality check or a quality scan,
 * computes it under a renewed lease and stores its result with the fenced update that completes it.
 * A failed piece goes back to the queue for another attempt (another worker may have the files);
 * the merge joins the pieces and finishes the job in one transaction.
 */
final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobQueue queue;
  private final Worker.Config config;
  private final BooleanSupplier stopping;
  private final Map<String, JobKind> kinds = new HashMap<>();

  JobRunner(JobQueue queue, Worker.Config config, BooleanSupplier stopping) {
    this.queue = queue;
    this.config = config;
    this.stopping = stopping;
  }

  /** Runs one shard if there is one; false when the queue had nothing for this worker. */
  boolean runNext() {
    long claimedAt = System.nanoTime();
    var claim = queue.claim(config.id(), config.lease());
    if (claim.isEmpty()) {
      return false;
    }
    JobQueue.Claim c = claim.get();
    try (Heartbeat beat =
        new Heartbeat(
            c.jobId() + "#" + c.shardNo(),
            claimedAt,
            config,
            () -> queue.renew(c, config.lease()))) {
      JobKind kind = kinds.computeIfAbsent(c.kind(), JobKind::of);
      if (c.merge()) {
        JobKind.Joined joined = kind.join(c.jobId(), c.jobSpec(), queue.results(c.jobId()));
        if (beat.lost() || !queue.finish(c, joined)) {
          log.warn("lost the merge of {}; another worker carries on", c.jobId());
        }
        return true;
      }
      String result = kind.run(c.jobId(), c.jobSpec(), c.spec());
      if (beat.lost()) {
        log.warn("lost the lease of {}#{}; another worker carries on", c.jobId(), c.shardNo());
      } else if (stopping.getAsBoolean()) {
        queue.unclaim(c);
      } else {
        queue.complete(c, result);
      }
    } catch (RuntimeException e) {
      log.warn("shard {}#{} failed: {}", c.jobId(), c.shardNo(), e.toString());
      queue.release(c, config.id() + ": " + e.getMessage());
    }
    return true;
  }
}
