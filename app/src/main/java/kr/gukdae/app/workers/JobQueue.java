package kr.gukdae.app.workers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue in the database every worker shares ({@code work_job}, {@code work_shard}), for
 * every kind of job, eval runs included. A shard is claimed with {@code SELECT … FOR UPDATE SKIP
 * LOCKED} (two workers never block on, or both take, one row) and held under a lease the holder
 * renews; once the lease runs out another worker may take the shard over. Each claim raises {@code
 * attempts}, which is the holder's fencing token: a worker that lost its lease (a long pause, a cut
 * network) can no longer renew or complete the shard. Times are the database's clock, so workers on
 * machines whose clocks disagree still agree on who holds what. A failed piece is put back; the job
 * fails after {@link #MAX_ATTEMPTS} claims of one shard. A piece's result is stored by the same
 * fenced update that marks it done, so a holder that lost its lease cannot overwrite its
 * successor's. A piece may name a model endpoint; a worker limited to some endpoints is handed only
 * theirs.
 */
final class JobQueue {

  /** Claims of one shard (since the last resume) before its job fails; a kill costs one. */
  static final int MAX_ATTEMPTS = 4;

  private static final int MAX_ERROR_CHARS = 1000;

  /** The wait before a released piece's second claim; it doubles with each try after that. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  /** The longest wait between two claims of a released piece. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  /** Pieces one job may grow to while it runs (a crawl finds its pages as it goes). */
  static final int MAX_PIECES = 1_000_000;

  /**
   * A held shard. {@code merge}: joins the pieces' results, claimable once all are done; {@code
   * endpoint}: the model endpoint the piece asks ({@code null}: none).
   */
  record Claim(
      String jobId,
      int shardNo,
      boolean merge,
      String label,
      String spec,
      int attempt,
      String kind,
      String jobSpec,
      @Nullable String endpoint,
      @Nullable String specSeal,
      @Nullable String jobSpecSeal,
      int needCpus,
      long needMemoryMb,
      @Nullable String needsSeal,
      @Nullable String endpointSeal) {

    /**
     * What the row says the piece needs, as the worker reserves it until the seal check has run (a
     * row edited to a negative need is reserved as nothing, and then refused by the check).
     */
    Capacity needs() {
      return new Capacity(Math.max(0, needCpus), Math.max(0, needMemoryMb));
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JobQueue(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  TransactionTemplate tx() {
    return tx;
  }

  /** The database's clock, which every worker's leases are measured in. */
  OffsetDateTime now() {
    return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
  }

  /**
   * Enqueues a job: its pieces, then the merge that waits for all of them; the job's spec and every
   * piece's are sealed, so a worker can refuse one edited in the database before running it.
   */
  void submit(
      String id,
      JobKind<?> kind,
      String label,
      String spec,
      String by,
      List<JobKind.Piece> pieces,
      JobSeal seal) {
    tx().executeWithoutResult(status -> {
      jdbc()
          .sql(
              "INSERT INTO work_job (id, kind, label, spec, spec_seal, status, submitted_by,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?)")
          .params(
              id,
              kind.name(),
              clip(label, 300),
              spec,
              seal.sealSpec(id, JobSeal.RESULT, kind.name(), spec),
              clip(by, 200),
              now())
          .update();
      int no = 0;
      for (JobKind.Piece p : pieces) {
        insert(id, no++, false, p, seal);
      }
      insert(id, no, true, new JobKind.Piece("merge", "", kind.mergeNeeds(spec)), seal);
    });
  }

  private void insert(String id, int no, boolean merge, JobKind.Piece p, JobSeal seal) {
    jdbc()
        .sql(
            "INSERT INTO work_shard (job_id, shard_no, merge, label, spec, spec_seal, endpoint,"
                + " endpoint_seal, status, need_cpus, need_memory_mb, needs_seal)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)")
        .param(id)
        .param(no)
        .param(merge)
        .param(clip(p.label(), 300))
        .param(p.spec())
        .param(seal.sealSpec(id, no, part(merge), p.spec()))
        .param(p.endpoint()) // NULL: a piece any worker may run
        .param(seal.sealEndpoint(id, no, p.endpoint())) // NULL is sealed too
        .param(p.needs().cpus())
        .param(p.needs().memoryMb())
        .param(seal.sealNeeds(id, no, p.needs()))
        .update();
  }

  /** What a shard's spec seal says it is: a merge is never sealed as a piece, nor the reverse. */
  static String part(boolean merge) {
    return merge ? "merge" : "piece";
  }

  /**
   * Refuses a claim whose job spec, piece spec, piece needs or piece endpoint are not the ones
   * sealed at submission, before any of it runs; the error names the job and the piece.
   */
  static void checkSpecs(Claim c, JobSeal seal) {
    seal.checkSpec(c.jobId(), JobSeal.RESULT, "spec", c.kind(), c.jobSpec(), c.jobSpecSeal());
    String piece = "piece " + c.shardNo() + " (" + c.label() + ")";
    seal.checkSpec(c.jobId(), c.shardNo(), piece, part(c.merge()), c.spec(), c.specSeal());
    seal.checkNeeds(c.jobId(), c.shardNo(), piece, c.needCpus(), c.needMemoryMb(), c.needsSeal());
    seal.checkEndpoint(c.jobId(), c.shardNo(), piece, c.endpoint(), c.endpointSeal());
  }

  /** The next shard a worker of any capacity may run (tests; workers declare theirs). */
  Optional<Claim> claim(String worker, Duration lease) {
    return claim(worker, null, lease);
  }

  /** The next shard a worker of any capacity that reaches {@code endpoints} may run (tests). */
  Optional<Claim> claim(String worker, @Nullable Set<String> endpoints, Duration lease) {
    return claim(worker, endpoints, lease, new Capacity(Integer.MAX_VALUE, Long.MAX_VALUE));
  }

  /**
   * The next shard this worker may run, or empty; a shard past its attempts fails its job. {@code
   * endpoints}: those the worker may reach ({@code null}: any); a piece that names another endpoint
   * is never handed to it, a piece that names none is. A piece that needs more CPUs or memory than
   * {@code has} is left for another worker.
   */
  Optional<Claim> claim(
      String worker, @Nullable Set<String> endpoints, Duration lease, Capacity has) {
    while (true) {
      Optional<Claim> got = tx().execute(status -> claimOnce(worker, endpoints, lease, has));
      if (got != null) {
        return got;
      }
      // the shard taken was past its tries and failed its job: look again
    }
  }

  /** The claim, or empty when none is waiting, or null when the shard taken was past its tries. */
  private @Nullable Optional<Claim> claimOnce(
      String worker, @Nullable Set<String> endpoints, Duration lease, Capacity has) {
    OffsetDateTime now = now();
    List<Object> params = new ArrayList<>();
    params.add(now); // a released piece waits out its backoff
    params.add(now); // a lease run out
    String reachable = "";
    if (endpoints != null) {
      // bound, never spliced: an endpoint is a URL, quotes and all
      StringBuilder in = new StringBuilder(" AND (endpoint IS NULL");
      if (!endpoints.isEmpty()) {
        in.append(" OR endpoint IN (");
        for (String e : endpoints) {
          in.append(params.size() == 2 ? "?" : ", ?");
          params.add(e);
        }
        in.append(')');
      }
      reachable = in.append(')').toString();
    }
    params.add(has.cpus());
    params.add(has.memoryMb());
    List<Object[]> rows =
        jdbc()
            .sql(
                "SELECT job_id, shard_no, merge, label, spec, attempts, last_error, endpoint,"
                    + " spec_seal, need_cpus, need_memory_mb, needs_seal, attempts_before,"
                    + " endpoint_seal"
                    + " FROM work_shard s"
                    + " WHERE ((status = 'QUEUED' AND (not_before IS NULL OR not_before <= ?))"
                    + " OR (status = 'RUNNING' AND lease_until < ?))"
                    + reachable
                    + " AND need_cpus <= ? AND need_memory_mb <= ?"
                    + " AND (NOT merge OR NOT EXISTS (SELECT 1 FROM work_shard o"
                    + " WHERE o.job_id = s.job_id AND NOT o.merge AND o.status <> 'DONE'))"
                    + " ORDER BY job_id, shard_no LIMIT 1 FOR UPDATE SKIP LOCKED")
            .params(params)
            .query((rs, n) ->
                new Object[] {
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getBoolean(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getInt(10),
                  rs.getLong(11),
                  rs.getString(12),
                  rs.getInt(13),
                  rs.getString(14)
                })
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    String jobId = (String) r[0];
    int shardNo = (Integer) r[1];
    int attempt = (Integer) r[5] + 1;
    jdbc()
        .sql(
            "UPDATE work_shard SET status = 'RUNNING', attempts = ?, worker = ?, lease_until = ?,"
                + " started_at = ? WHERE job_id = ? AND shard_no = ?")
        .params(attempt, worker, now.plus(lease), now, jobId, shardNo)
        .update();
    Object[] job =
        jdbc()
            .sql("SELECT kind, spec, spec_seal FROM work_job WHERE id = ?")
            .param(jobId)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    if (attempt - (Integer) r[12] > MAX_ATTEMPTS) {
      failLocked(jobId, outOfTries(shardNo, (String) r[3], (String) r[6]));
      return null;
    }
    return Optional.of(
        new Claim(
            jobId,
            shardNo,
            (Boolean) r[2],
            (String) r[3],
            (String) r[4],
            attempt,
            (String) job[0],
            (String) job[1],
            (String) r[7],
            (String) r[8],
            (String) job[2],
            (Integer) r[9],
            (Long) r[10],
            (String) r[11],
            (String) r[13]));
  }

  /**
   * Why a job failed when one of its shards ran out of tries, in Korean and English; the shard's
   * last error (itself bilingual when it came from a {@link UserError}) is quoted in each language.
   */
  static String outOfTries(int shardNo, String label, @Nullable String lastError) {
    String piece = "shard " + shardNo + " (" + label + ")";
    String ko = piece + ": " + MAX_ATTEMPTS + "번 가져갔지만 끝나지 않아 작업이 실패했습니다";
    String en = piece + " was claimed " + MAX_ATTEMPTS + " times without finishing";
    if (lastError != null) {
      // each half quotes its own language's half, short enough that both fit in the error column
      int room = Math.max(100, MAX_ERROR_CHARS / 2 - en.length() - 20);
      ko += ". 마지막 오류: " + clip(UserError.inLanguage(lastError, true), room);
      en += "; last error: " + clip(UserError.inLanguage(lastError, false), room);
    }
    return UserError.both(ko, en);
  }

  /** Extends the lease; false when this holder lost the shard. */
  boolean renew(Claim c, Duration lease) {
    return jdbc()
            .sql(
                "UPDATE work_shard SET lease_until = ? WHERE job_id = ? AND shard_no = ?"
                    + " AND attempts = ? AND status = 'RUNNING'")
            .params(now().plus(lease), c.jobId(), c.shardNo(), c.attempt())
            .update()
        == 1;
  }

  /**
   * Stores the shard's result, sealed, and marks it done, if this holder still holds it; the pieces
   * the result leads to (a crawl's next pages) are queued, sealed, in the same transaction, so the
   * merge never sees every piece done while one is still to be added.
   */
  boolean complete(Claim c, String result, JobSeal sealer, List<JobKind.Piece> more) {
    return complete(c, result, sealer, more, null);
  }

  /** As above, recording how long the holder took, claim to completion (the shard latency). */
  boolean complete(
      Claim c, String result, JobSeal sealer, List<JobKind.Piece> more, @Nullable Duration took) {
    String seal = sealer.seal(c.jobId(), c.shardNo(), c.spec(), result);
    Boolean done =
        tx().execute(status -> {
          if (!more.isEmpty()) {
            // one completion at a time per job adds pieces: numbers and de-duplication hold
            jdbc()
                .sql("SELECT id FROM work_job WHERE id = ? FOR UPDATE")
                .param(c.jobId())
                .query(String.class)
                .list();
          }
          boolean held =
              jdbc()
                      .sql(
                          "UPDATE work_shard SET status = 'DONE', lease_until = NULL, result = ?,"
                              + " result_seal = ?, finished_at = ?, duration_ms = ? WHERE job_id"
                              + " = ? AND shard_no = ? AND attempts = ? AND status = 'RUNNING'")
                      .param(result)
                      .param(seal)
                      .param(now())
                      .param(took == null ? null : took.toMillis())
                      .param(c.jobId())
                      .param(c.shardNo())
                      .param(c.attempt())
                      .update()
                  == 1;
          if (held) {
            more.forEach(p -> add(c.jobId(), p, sealer));
          }
          return held;
        });
    return Boolean.TRUE.equals(done);
  }

  /** Queues a piece found while the job runs, unless one with the same label is already there. */
  private void add(String jobId, JobKind.Piece p, JobSeal seal) {
    String label = clip(p.label(), 300);
    boolean known =
        jdbc()
                .sql("SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND label = ?")
                .params(jobId, label)
                .query(Integer.class)
                .single()
            > 0;
    if (!known) {
      int no =
          jdbc()
              .sql("SELECT MAX(shard_no) + 1 FROM work_shard WHERE job_id = ?")
              .param(jobId)
              .query(Integer.class)
              .single();
      if (no > MAX_PIECES) {
        throw UserError.of(
            "job " + jobId + ": 조각이 " + MAX_PIECES + "개를 넘었습니다. 범위를 줄여 다시 제출하세요",
            "job " + jobId + ": more than " + MAX_PIECES + " pieces; submit a smaller one");
      }
      insert(jobId, no, false, new JobKind.Piece(label, p.spec(), p.endpoint(), p.needs()), seal);
    }
  }

  /**
   * Completes the merge and the job in one transaction: the job's result is written only by the
   * holder of the merge, once.
   */
  boolean finish(Claim merge, JobKind.Joined joined, JobSeal seal, @Nullable Duration took) {
    Boolean done =
        tx().execute(status -> {
          if (!complete(merge, "", seal, List.of(), took)) {
            return false;
          }
          String result = joined.store(jdbc());
          jdbc()
              .sql(
                  "UPDATE work_job SET status = 'DONE', result = ?, result_seal = ?,"
                      + " finished_at = ? WHERE id = ? AND status = 'RUNNING'")
              .params(
                  result,
                  seal.seal(merge.jobId(), JobSeal.RESULT, merge.jobSpec(), result),
                  now(),
                  merge.jobId())
              .update();
          return true;
        });
    return Boolean.TRUE.equals(done);
  }

  /** Puts the shard back for any worker to retry at once (the attempt stays counted). */
  void release(Claim c, String error) {
    release(c, error, false);
  }

  /**
   * Puts the shard back after a retryable model error (HTTP 429, 503), claimable again only after
   * {@link #backoff} of its tries since the last resume, in the database's clock: a few seconds of
   * 429s must not spend every try in milliseconds.
   */
  void releaseToWait(Claim c, String error) {
    release(c, error, true);
  }

  private void release(Claim c, String error, boolean wait) {
    tx().executeWithoutResult(status -> {
      List<Integer> before =
          jdbc()
              .sql(
                  "SELECT attempts_before FROM work_shard WHERE job_id = ? AND shard_no = ?"
                      + " AND attempts = ? AND status = 'RUNNING' FOR UPDATE")
              .params(c.jobId(), c.shardNo(), c.attempt())
              .query((rs, n) -> rs.getInt(1))
              .list();
      if (before.isEmpty()) {
        return; // this holder lost the shard: nothing of it is ours to put back
      }
      jdbc()
          .sql(
              "UPDATE work_shard SET status = 'QUEUED', lease_until = NULL, worker = NULL,"
                  + " last_error = ?, not_before = ? WHERE job_id = ? AND shard_no = ?"
                  + " AND attempts = ? AND status = 'RUNNING'")
          .param(clip(error, MAX_ERROR_CHARS))
          .param(
              wait ? now().plus(backoff(c.attempt() - before.getFirst())) : null) // NULL: at once
          .param(c.jobId())
          .param(c.shardNo())
          .param(c.attempt())
          .update();
    });
  }

  /** The wait after the {@code tries}-th failed claim: 1 s, 2 s, 4 s, … at most a minute. */
  static Duration backoff(int tries) {
    int doublings = Math.clamp(tries - 1, 0, 16);
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  /** Gives a claim back without counting it (the worker is stopping). */
  void unclaim(Claim c) {
    jdbc()
        .sql(
            "UPDATE work_shard SET status = 'QUEUED', lease_until = NULL, worker = NULL,"
                + " attempts = attempts - 1 WHERE job_id = ? AND shard_no = ? AND attempts = ?"
                + " AND status = 'RUNNING'")
        .params(c.jobId(), c.shardNo(), c.attempt())
        .update();
  }

  /** Fails the whole job: an error every shard would meet (bad input, files gone). */
  void fail(String jobId, String error) {
    tx().executeWithoutResult(status -> failLocked(jobId, error));
  }

  /**
   * Every way a job fails ends here (an error every piece would meet, a piece out of tries, a seal
   * refused), so an eval job's run ({@code eval_run}, the run's record, same id) fails with it.
   */
  private void failLocked(String jobId, String error) {
    String e = clip(error, MAX_ERROR_CHARS);
    OffsetDateTime now = now();
    jdbc()
        .sql(
            "UPDATE work_shard SET status = 'FAILED', lease_until = NULL,"
                + " last_error = COALESCE(last_error, ?) WHERE job_id = ? AND status <> 'DONE'")
        .params(e, jobId)
        .update();
    jdbc()
        .sql(
            "UPDATE work_job SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?"
                + " AND status = 'RUNNING'")
        .params(e, now, jobId)
        .update();
    jdbc()
        .sql(
            "UPDATE eval_run SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?"
                + " AND status = 'RUNNING' AND EXISTS (SELECT 1 FROM work_job WHERE id = ?"
                + " AND kind = ?)")
        .params(e, now, jobId, jobId, EvalJob.NAME)
        .update();
  }

  /**
   * Puts a failed job's failed shards back in the queue and the job back to running (resume; an
   * eval job's run too): an eval piece skips the samples already stored, so only the others are
   * asked. Attempt numbers keep counting (they are fencing tokens: a holder from before never
   * matches a new claim); each shard gets {@link #MAX_ATTEMPTS} more ({@code attempts_before}). A
   * job that is running or done is left as it is. True when something was put back.
   */
  boolean requeueFailed(String jobId) {
    Boolean requeued =
        tx().execute(status -> {
          int job =
              jdbc()
                  .sql(
                      "UPDATE work_job SET status = 'RUNNING', finished_at = NULL, error = NULL"
                          + " WHERE id = ? AND status = 'FAILED'")
                  .param(jobId)
                  .update();
          if (job == 0) {
            return false;
          }
          jdbc()
              .sql(
                  "UPDATE work_shard SET status = 'QUEUED', attempts_before = attempts,"
                      + " lease_until = NULL, worker = NULL, last_error = NULL, not_before = NULL"
                      + " WHERE job_id = ? AND status = 'FAILED'")
              .param(jobId)
              .update();
          jdbc()
              .sql(
                  "UPDATE eval_run SET status = 'RUNNING', finished_at = NULL, error = NULL"
                      + " WHERE id = ? AND status = 'FAILED' AND EXISTS (SELECT 1 FROM work_job"
                      + " WHERE id = ? AND kind = ?)")
              .params(jobId, jobId, EvalJob.NAME)
              .update();
          return true;
        });
    return Boolean.TRUE.equals(requeued);
  }

  /** A finished piece as stored: what it computed, its result and the seal over both. */
  record Stored(int no, String label, String spec, String result, @Nullable String seal) {}

  /**
   * The pieces' results in shard order (the merge's input), each checked against its seal: a result
   * edited in the database after it was computed is refused, naming the job and piece.
   */
  List<Stored> results(String jobId, JobSeal seal) {
    List<Stored> rows =
        jdbc()
            .sql(
                "SELECT shard_no, label, spec, status, result, result_seal FROM work_shard"
                    + " WHERE job_id = ? AND NOT merge ORDER BY shard_no")
            .param(jobId)
            .query((rs, n) -> {
              if (!"DONE".equals(rs.getString(4)) || rs.getString(5) == null) {
                throw new IllegalStateException("job " + jobId + " has a piece that is not done");
              }
              return new Stored(
                  rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(5), rs.getString(6));
            })
            .list();
    for (Stored s : rows) {
      seal.check(
          jobId,
          s.no(),
          "piece " + s.no() + " (" + s.label() + ")",
          s.spec(),
          s.result(),
          s.seal());
    }
    return rows;
  }

  static String clip(@Nullable String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
