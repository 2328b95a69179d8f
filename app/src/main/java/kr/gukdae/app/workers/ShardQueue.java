package kr.gukdae.app.workers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kr.gukdae.eval.run.SampleRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work queue in the database every worker shares. A shard is claimed with {@code SELECT … FOR
 * UPDATE SKIP LOCKED} (two workers never block on, or both take, one row) and held under a lease
 * the holder renews; once the lease runs out another worker may take the shard over. Each claim
 * raises {@code attempts}, which is the holder's fencing token: a worker that lost its lease (a
 * long pause, a cut network) can no longer renew or complete the shard. Times are the database's
 * clock, so workers on machines whose clocks disagree still agree on who holds what.
 */
final class ShardQueue {

  /** Claims of one shard before its run is failed; a worker killed mid-shard costs one. */
  static final int MAX_ATTEMPTS = 4;

  private static final int MAX_ERROR_CHARS = 1000;

  enum Kind {
    SAMPLES,
    MERGE
  }

  /** One shard as its holder sees it: samples [first, end) of a task, or the run's merge. */
  record Claim(
      String runId,
      int shardNo,
      Kind kind,
      @Nullable String task,
      int first,
      int end,
      int attempt,
      String endpoint,
      String spec) {}

  /** Samples [first, end) of one task, in the order {@code Task.samples(limit)} gives them. */
  record Range(String task, int first, int end) {
    Range {
      if (first < 0 || end < first) {
        throw new IllegalArgumentException("bad range " + first + ".." + end);
      }
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  ShardQueue(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  TransactionTemplate tx() {
    return tx;
  }

  OffsetDateTime now() {
    return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
  }

  /** Enqueues a run: its shards, then one merge shard that waits for all of them. */
  void submit(String runId, JobSpec spec, String endpoint, List<Range> ranges) {
    tx.executeWithoutResult(status -> {
      jdbc.sql(
              "INSERT INTO eval_job (run_id, spec, endpoint, shards_total, created_at)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(runId, spec.toJson(), endpoint, ranges.size(), now())
          .update();
      int no = 0;
      for (Range r : ranges) {
        insertShard(runId, no++, Kind.SAMPLES, r.task(), r.first(), r.end());
      }
      insertShard(runId, no, Kind.MERGE, null, 0, 0);
    });
  }

  private void insertShard(
      String runId, int no, Kind kind, @Nullable String task, int first, int end) {
    jdbc.sql(
            "INSERT INTO eval_shard (run_id, shard_no, kind, task, first_index, end_index, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'QUEUED')")
        .param(runId)
        .param(no)
        .param(kind.name())
        .param(task) // null for the merge shard, which spans every task
        .param(first)
        .param(end)
        .update();
  }

  /**
   * Takes the next shard this worker may run: a queued one, or one whose holder's lease ran out; a
   * merge shard only once every sample shard of its run is done. Endpoints: those this worker may
   * reach, or {@code null} for any.
   */
  Optional<Claim> claim(String worker, @Nullable Set<String> endpoints, Duration lease) {
    while (true) {
      Optional<Claim> outcome = tx.execute(status -> claimOnce(worker, endpoints, lease));
      if (outcome != null) {
        return outcome;
      }
      // claimOnce failed the run of a shard that used up its attempts; look again
    }
  }

  /** The claim, or empty when none is waiting, or null when the shard taken was past its tries. */
  private @Nullable Optional<Claim> claimOnce(
      String worker, @Nullable Set<String> endpoints, Duration lease) {
    OffsetDateTime now = now();
    List<Object[]> rows =
        jdbc.sql(
                "SELECT run_id, shard_no, kind, task, first_index, end_index, attempts,"
                    + " attempts_before FROM eval_shard s WHERE (status = 'QUEUED'"
                    + " OR (status = 'RUNNING' AND lease_until < ?))"
                    + " AND (kind = 'SAMPLES' OR NOT EXISTS (SELECT 1 FROM eval_shard o"
                    + " WHERE o.run_id = s.run_id AND o.kind = 'SAMPLES' AND o.status <> 'DONE'))"
                    + reachable(endpoints)
                    + " ORDER BY run_id, shard_no LIMIT 1 FOR UPDATE SKIP LOCKED")
            .param(now)
            .query((rs, n) ->
                new Object[] {
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getInt(8)
                })
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    String runId = (String) r[0];
    int shardNo = (Integer) r[1];
    int attempt = (Integer) r[6] + 1;
    jdbc.sql(
            "UPDATE eval_shard SET status = 'RUNNING', attempts = ?, worker = ?, lease_until = ?"
                + " WHERE run_id = ? AND shard_no = ?")
        .params(attempt, worker, now.plus(lease), runId, shardNo)
        .update();
    Object[] job =
        jdbc.sql("SELECT endpoint, spec FROM eval_job WHERE run_id = ?")
            .param(runId)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2)})
            .single();
    var claim =
        new Claim(
            runId,
            shardNo,
            Kind.valueOf((String) r[2]),
            (String) r[3],
            (Integer) r[4],
            (Integer) r[5],
            attempt,
            (String) job[0],
            (String) job[1]);
    if (attempt - (Integer) r[7] > MAX_ATTEMPTS) {
      failRunLocked(
          runId, "shard " + shardNo + " was claimed " + MAX_ATTEMPTS + " times without finishing");
      return null;
    }
    return Optional.of(claim);
  }

  private static String reachable(@Nullable Set<String> endpoints) {
    if (endpoints == null) {
      return "";
    }
    if (endpoints.isEmpty()) {
      return " AND 1 = 0";
    }
    StringBuilder in = new StringBuilder(" AND run_id IN (SELECT run_id FROM eval_job WHERE");
    in.append(" endpoint IN (");
    int i = 0;
    for (String e : endpoints) {
      // endpoints come from the worker's own command line, never from the database or a request
      in.append(i++ == 0 ? "" : ", ").append('\'').append(e.replace("'", "''")).append('\'');
    }
    return in.append("))").toString();
  }

  /** Extends the lease; false when this holder lost the shard (lease ran out, taken over). */
  boolean renew(Claim claim, Duration lease) {
    return jdbc.sql(
                "UPDATE eval_shard SET lease_until = ? WHERE run_id = ? AND shard_no = ?"
                    + " AND attempts = ? AND status = 'RUNNING'")
            .params(now().plus(lease), claim.runId(), claim.shardNo(), claim.attempt())
            .update()
        == 1;
  }

  /** Marks the shard done if this holder still holds it. */
  boolean complete(Claim claim) {
    return complete(claim, null);
  }

  /** As {@link #complete(Claim)}, recording how long the holder took (for the metrics). */
  boolean complete(Claim claim, @Nullable Duration took) {
    return jdbc.sql(
                "UPDATE eval_shard SET status = 'DONE', lease_until = NULL, last_error = NULL,"
                    + " duration_ms = ? WHERE run_id = ? AND shard_no = ? AND attempts = ?"
                    + " AND status = 'RUNNING'")
            .param(took == null ? null : took.toMillis())
            .param(claim.runId())
            .param(claim.shardNo())
            .param(claim.attempt())
            .update()
        == 1;
  }

  /** Puts the shard back for any worker to retry (the attempt stays counted). */
  void release(Claim claim, String error) {
    jdbc.sql(
            "UPDATE eval_shard SET status = 'QUEUED', lease_until = NULL, worker = NULL,"
                + " last_error = ? WHERE run_id = ? AND shard_no = ? AND attempts = ?"
                + " AND status = 'RUNNING'")
        .params(clip(error), claim.runId(), claim.shardNo(), claim.attempt())
        .update();
  }

  /** Gives a claim back without counting it, e.g. when the endpoint has no permits left. */
  void unclaim(Claim claim) {
    jdbc.sql(
            "UPDATE eval_shard SET status = 'QUEUED', lease_until = NULL, worker = NULL,"
                + " attempts = attempts - 1 WHERE run_id = ? AND shard_no = ? AND attempts = ?"
                + " AND status = 'RUNNING'")
        .params(claim.runId(), claim.shardNo(), claim.attempt())
        .update();
  }

  /**
   * Puts a failed run's unfinished shards back in the queue and the run back to running (resume):
   * samples already stored are skipped by the workers, so only the others are asked. Attempt
   * numbers keep counting (they are fencing tokens); each shard gets {@link #MAX_ATTEMPTS} more. A
   * run that is running or done is left as it is. True when something was put back.
   */
  boolean requeueFailed(String runId) {
    Boolean requeued =
        tx.execute(status -> {
          int run =
              jdbc.sql(
                      "UPDATE eval_run SET status = 'RUNNING', finished_at = NULL, error = NULL"
                          + " WHERE id = ? AND status = 'FAILED'")
                  .param(runId)
                  .update();
          if (run == 0) {
            return false;
          }
          jdbc.sql(
                  "UPDATE eval_shard SET status = 'QUEUED', attempts_before = attempts,"
                      + " lease_until = NULL, worker = NULL, last_error = NULL"
                      + " WHERE run_id = ? AND status = 'FAILED'")
              .param(runId)
              .update();
          return true;
        });
    return Boolean.TRUE.equals(requeued);
  }

  /** Fails the whole run: an error every shard would meet (wrong key, endpoint that cannot). */
  void failRun(String runId, String error) {
    tx.executeWithoutResult(status -> failRunLocked(runId, error));
  }

  private void failRunLocked(String runId, String error) {
    jdbc.sql(
            "UPDATE eval_shard SET status = 'FAILED', lease_until = NULL, last_error = ?"
                + " WHERE run_id = ? AND status <> 'DONE'")
        .params(clip(error), runId)
        .update();
    jdbc.sql("UPDATE eval_run SET status = 'FAILED', finished_at = ? WHERE id = ?")
        .params(now(), runId)
        .update();
  }

  /**
   * Stores one finished sample, sealed to its run, task and doc. The first success wins; a success
   * replaces an earlier error, never the reverse, so a sample retried after a crash is recorded
   * once.
   */
  void record(String runId, SampleRecord record, JobSeal seal) {
    String json = record.toJson();
    String sealed = seal.sealSample(runId, record.task(), record.docId(), json);
    try {
      jdbc.sql(
              "INSERT INTO eval_sample (run_id, task, doc_id, ok, record, seal)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(runId, record.task(), record.docId(), record.ok(), json, sealed)
          .update();
    } catch (DuplicateKeyException e) {
      if (record.ok()) {
        jdbc.sql(
                "UPDATE eval_sample SET ok = TRUE, record = ?, seal = ? WHERE run_id = ?"
                    + " AND task = ? AND doc_id = ? AND ok = FALSE")
            .params(json, sealed, runId, record.task(), record.docId())
            .update();
      }
    }
  }

  /** Doc ids of a task's samples that already have a successful record in this run. */
  Set<Integer> answered(String runId, String task) {
    return new HashSet<>(
        jdbc.sql("SELECT doc_id FROM eval_sample WHERE run_id = ? AND task = ? AND ok")
            .params(runId, task)
            .query(Integer.class)
            .list());
  }

  int answeredCount(String runId) {
    return jdbc.sql("SELECT COUNT(*) FROM eval_sample WHERE run_id = ? AND ok")
        .param(runId)
        .query(Integer.class)
        .single();
  }

  /**
   * Streams a task's sample records in a run, by doc id, each checked against its seal first: a
   * record edited in the database after its worker stored it is refused, naming run, task and doc.
   */
  void records(String runId, String task, JobSeal seal, Consumer<SampleRecord> consumer) {
    jdbc.sql(
            "SELECT doc_id, record, seal FROM eval_sample WHERE run_id = ? AND task = ?"
                + " ORDER BY doc_id")
        .params(runId, task)
        .query(rs -> {
          String record = rs.getString(2);
          seal.checkSample(runId, task, rs.getInt(1), record, rs.getString(3));
          consumer.accept(SampleRecord.fromJson(record));
        });
  }

  private static String clip(String text) {
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }
}
