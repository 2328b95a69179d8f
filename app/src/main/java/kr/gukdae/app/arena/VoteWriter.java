package kr.gukdae.app.arena;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes votes in group commits: requests that arrive while a commit is in flight are inserted
 * together in the next transaction, and each caller returns only after its own row is committed.
 * One durable commit then covers many votes, which is what lets a small machine take thousands of
 * votes a second without acknowledging anything that is not on disk. {@code ON CONFLICT DO NOTHING}
 * plus the battle-id primary key turns a second vote into an update count of 0. Each group is one
 * transaction of the application's transaction manager (a failed group is rolled back by it).
 */
final class VoteWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VoteWriter.class);
  private static final int MAX_BATCH = 512;
  static final String INSERT =
      "INSERT INTO arena_vote (battle_id, voter_id, voter_class, verified, outcome, weight,"
          + " blind, leak, turns, voted_at, network) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING";

  private record Pending(@Nullable Object[] row, CompletableFuture<Boolean> done) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean open = true;

  /** {@code jdbc} and {@code tx} work on the same database. */
  VoteWriter(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.thread = Thread.ofPlatform().daemon().name("arena-vote-writer").start(this::loop);
  }

  /** Inserts one vote row; true once committed, false when the battle already had a vote. */
  boolean insert(@Nullable Object... row) {
    if (!open) {
      throw new IllegalStateException("the vote writer is closed");
    }
    var pending = new Pending(row, new CompletableFuture<>());
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
    int[] counts =
        tx.execute(status ->
            jdbc.batchUpdate(
                INSERT,
                new BatchPreparedStatementSetter() {
                  @Override
                  public void setValues(PreparedStatement ps, int i) throws SQLException {
                    @Nullable Object[] row = batch.get(i).row();
                    for (int c = 0; c < row.length; c++) {
                      ps.setObject(c + 1, row[c]);
                    }
                  }

                  @Override
                  public int getBatchSize() {
                    return batch.size();
                  }
                }));
    if (counts == null || counts.length != batch.size()) {
      throw new IllegalStateException("the vote batch returned no update counts");
    }
    // only after the commit: a caller never hears of a vote that is not on disk
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(counts[i] != 0);
    }
  }

  @Override
  public void close() {
    open = false;
    thread.interrupt();
  }
}
