package kr.gukdae.app.arena;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import kr.gukdae.app.access.RateWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides and writes votes in group commits: requests that arrive while a commit is in flight are
 * decided ({@link VoteAdmission}) and inserted together in the next transaction, and each caller
 * returns only after that transaction committed. One durable commit then covers many votes, which
 * is what lets a small machine take thousands of votes a second without acknowledging anything that
 * is not on disk. Each group is one transaction of the application's transaction manager (a failed
 * group is rolled back by it). The database's locks and the battle-id primary key keep writers
 * consistent with each other, whether they are in one instance or in several.
 *
 * <p>{@link #WRITERS} threads take groups from one queue, so a group is decided while the previous
 * one waits for its round trips and its commit's flush: a group commit is a handful of statements,
 * each a round trip, and on a busy machine every round trip waits for two processes to be scheduled
 * (profiled: the single writer spent its time waiting, not working). Two writers of one instance
 * are exactly as safe as the writers of two instances, which this class always had to be: each
 * group locks its rate rows in key order and only then its battles, a battle is voted by its owner,
 * whose {@code vote:} row both groups would lock first, and a deadlock the database breaks (two
 * groups creating the same new rate rows) only sends that group's votes through one by one.
 */
final class VoteWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VoteWriter.class);
  private static final int MAX_BATCH = 512;

  /** Group commits in flight at once in one instance (see the class comment). */
  static final int WRITERS = 2;

  static final String INSERT =
      "INSERT INTO arena_vote (battle_id, voter_id, voter_class, verified, outcome, weight,"
          + " blind, leak, turns, voted_at, network) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING";

  private record Pending(VoteAdmission.Ballot ballot, CompletableFuture<Votes.Reveal> done) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final RateWindows windows;
  private final Clock clock;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean open = true;

  /** {@code jdbc}, {@code tx} and {@code windows} work on the same database. */
  VoteWriter(JdbcTemplate jdbc, TransactionTemplate tx, RateWindows windows, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.windows = windows;
    this.clock = clock;
    for (int i = 0; i < WRITERS; i++) {
      threads.add(Thread.ofPlatform().daemon().name("arena-vote-writer-" + i).start(this::loop));
    }
  }

  /** The vote's reveal once it is committed; its refusal ({@link ArenaException}) otherwise. */
  Votes.Reveal cast(VoteAdmission.Ballot ballot) {
    if (!open) {
      throw new IllegalStateException("the vote writer is closed");
    }
    var pending = new Pending(ballot, new CompletableFuture<>());
    queue.add(pending);
    try {
      return pending.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the vote was being written", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("vote not written", e.getCause());
    }
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        if (!open) {
          break;
        }
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        write(batch);
      } catch (RuntimeException e) {
        // One bad row must not sink the others: retry each in its own transaction.
        for (Pending p : batch) {
          try {
            write(List.of(p));
          } catch (RuntimeException single) {
            p.done()
                .completeExceptionally(
                    new IllegalStateException("vote not written: " + single.getMessage(), single));
          }
        }
        LOG.debug("vote batch retried row by row", e);
      }
      batch.clear();
    }
  }

  private void write(List<Pending> batch) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<VoteAdmission.Ballot> ballots = batch.stream().map(Pending::ballot).toList();
    List<Object> results =
        tx.execute(status ->
            jdbc.execute(
                (ConnectionCallback<List<Object>>)
                    c -> VoteAdmission.admit(c, ballots, windows, now)));
    if (results == null || results.size() != batch.size()) {
      throw new IllegalStateException("the vote batch returned no decisions");
    }
    // only after the commit: a caller never hears of a vote that is not on disk
    for (int i = 0; i < batch.size(); i++) {
      if (results.get(i) instanceof Votes.Reveal reveal) {
        batch.get(i).done().complete(reveal);
      } else {
        batch.get(i).done().completeExceptionally((ArenaException) results.get(i));
      }
    }
  }

  @Override
  public void close() {
    open = false;
    threads.forEach(Thread::interrupt);
  }
}
