package kr.gukdae.app.workers;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import kr.gukdae.eval.run.SampleRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answered samples of eval jobs on the job queue ({@code work_sample}): stored one by one as
 * they finish, each sealed to its job, task and doc ({@link JobSeal#sealSample}). The first success
 * wins; a success replaces an earlier error, never the reverse, so a sample retried after a crash
 * is recorded once. Only the piece's current holder stores: the store locks the piece's row and
 * checks the holder's attempt number (its fencing token), so a holder whose piece was taken over
 * stores nothing more.
 */
final class WorkSamples {

  private final JobQueue queue;
  private final JobSeal seal;

  WorkSamples(JobQueue queue, JobSeal seal) {
    this.queue = queue;
    this.seal = seal;
  }

  /**
   * Stores one finished sample of the piece {@code holder} holds; false (nothing stored) when the
   * piece is no longer this holder's.
   */
  boolean store(JobQueue.Claim holder, SampleRecord record) {
    String json = record.toJson();
    String sealed = seal.sealSample(holder.jobId(), record.task(), record.docId(), json);
    Boolean stored =
        queue
            .tx()
            .execute(status -> {
              var jdbc = queue.jdbc();
              // the fence: the piece's row, locked, still held under this attempt; a takeover that
              // committed first is seen here (the row is read again once its lock is free)
              boolean held =
                  !jdbc.sql(
                          "SELECT attempts FROM work_shard WHERE job_id = ? AND shard_no = ?"
                              + " AND attempts = ? AND status = 'RUNNING' AND NOT merge FOR UPDATE")
                      .params(holder.jobId(), holder.shardNo(), holder.attempt())
                      .query(Integer.class)
                      .list()
                      .isEmpty();
              if (!held) {
                return false;
              }
              // a doc belongs to one piece, and its holder's stores are serialized by the lock
              // above
              var earlier =
                  jdbc.sql(
                          "SELECT ok FROM work_sample WHERE job_id = ? AND task = ? AND doc_id = ?")
                      .params(holder.jobId(), record.task(), record.docId())
                      .query(Boolean.class)
                      .optional();
              if (earlier.isEmpty()) {
                jdbc.sql(
                        "INSERT INTO work_sample (job_id, task, doc_id, ok, record, seal)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                        holder.jobId(), record.task(), record.docId(), record.ok(), json, sealed)
                    .update();
              } else if (record.ok() && !earlier.get()) {
                jdbc.sql(
                        "UPDATE work_sample SET ok = TRUE, record = ?, seal = ? WHERE job_id = ?"
                            + " AND task = ? AND doc_id = ? AND ok = FALSE")
                    .params(json, sealed, holder.jobId(), record.task(), record.docId())
                    .update();
              }
              return true;
            });
    return Boolean.TRUE.equals(stored);
  }

  /**
   * Doc ids of a task's samples that already have a successful record in this job (skipped by the
   * next holder; a row forged here is refused by the merge's seal check, {@link #records}).
   */
  Set<Integer> answered(String jobId, String task) {
    return new HashSet<>(
        queue
            .jdbc()
            .sql("SELECT doc_id FROM work_sample WHERE job_id = ? AND task = ? AND ok")
            .params(jobId, task)
            .query(Integer.class)
            .list());
  }

  /** Samples of the job with a successful record. */
  int answeredCount(String jobId) {
    return answeredCount(queue.jdbc(), jobId);
  }

  /** Samples of the job with a successful record (progress, which checks no seal). */
  static int answeredCount(JdbcClient jdbc, String jobId) {
    return jdbc.sql("SELECT COUNT(*) FROM work_sample WHERE job_id = ? AND ok")
        .param(jobId)
        .query(Integer.class)
        .single();
  }

  /**
   * Streams a task's sample records in a job, by doc id, each checked against its seal first: a
   * record edited, moved or inserted in the database is refused, naming job, task and doc.
   */
  void records(String jobId, String task, Consumer<SampleRecord> consumer) {
    queue
        .jdbc()
        .sql(
            "SELECT doc_id, record, seal FROM work_sample WHERE job_id = ? AND task = ?"
                + " ORDER BY doc_id")
        .params(jobId, task)
        .query(rs -> {
          String record = rs.getString(2);
          seal.checkSample(jobId, task, rs.getInt(1), record, rs.getString(3));
          consumer.accept(SampleRecord.fromJson(record));
        });
  }
}
