package kr.gukdae.app.workers;

import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;

/**
 * Requests in flight per endpoint, shared by all workers through the database, so N workers
 * together never exceed what one model server was given. A worker asks for as many permits as its
 * capacity and is granted what the endpoint's limit leaves after the unexpired grants of the
 * others; it renews the grant with its shard's lease and sizes its model adapter to it. A grant
 * whose lease ran out counts for nobody, and its holder can no longer renew it (it must stop).
 * Acquirers are serialised by a row lock on the endpoint's limit.
 */
final class EndpointPermits {

  private final JobQueue queue;

  EndpointPermits(JobQueue queue) {
    this.queue = queue;
  }

  /** Sets an endpoint's limit; grants above it shrink as their holders renew or finish. */
  void setLimit(String endpoint, int maxInFlight) {
    if (maxInFlight < 1) {
      throw kr.gukdae.UserError.of(
          "엔드포인트 한도는 1 이상이어야 합니다. 받은 값: " + maxInFlight,
          "endpoint limit must be at least 1, got " + maxInFlight);
    }
    queue
        .tx()
        .executeWithoutResult(s -> {
          int updated =
              queue
                  .jdbc()
                  .sql("UPDATE eval_endpoint_limit SET max_in_flight = ? WHERE endpoint = ?")
                  .params(maxInFlight, endpoint)
                  .update();
          if (updated == 0) {
            queue
                .jdbc()
                .sql("INSERT INTO eval_endpoint_limit (endpoint, max_in_flight) VALUES (?, ?)")
                .params(endpoint, maxInFlight)
                .update();
          }
        });
  }

  /**
   * Grants this worker up to {@code want} permits for the endpoint (0 when none are free). An
   * endpoint nobody set a limit for gets {@code defaultLimit} (the run's concurrency).
   */
  int acquire(String endpoint, String worker, int want, int defaultLimit, Duration lease) {
    try {
      queue
          .jdbc()
          .sql(
              "INSERT INTO eval_endpoint_limit (endpoint, max_in_flight) SELECT ?, ? WHERE NOT"
                  + " EXISTS (SELECT 1 FROM eval_endpoint_limit WHERE endpoint = ?)")
          .params(endpoint, defaultLimit, endpoint)
          .update();
    } catch (DuplicateKeyException e) {
      // another worker created it at the same moment; its row serves
    }
    Integer granted =
        queue
            .tx()
            .execute(s -> {
              var jdbc = queue.jdbc();
              int max =
                  jdbc.sql(
                          "SELECT max_in_flight FROM eval_endpoint_limit WHERE endpoint = ?"
                              + " FOR UPDATE")
                      .param(endpoint)
                      .query(Integer.class)
                      .single();
              var now = queue.now();
              int used =
                  jdbc.sql(
                          "SELECT COALESCE(SUM(permits), 0) FROM eval_endpoint_permit"
                              + " WHERE endpoint = ? AND worker <> ? AND lease_until >= ?")
                      .params(endpoint, worker, now)
                      .query(Integer.class)
                      .single();
              int grant = Math.min(want, max - used);
              jdbc.sql("DELETE FROM eval_endpoint_permit WHERE endpoint = ? AND worker = ?")
                  .params(endpoint, worker)
                  .update();
              if (grant > 0) {
                jdbc.sql(
                        "INSERT INTO eval_endpoint_permit (endpoint, worker, permits, lease_until)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(endpoint, worker, grant, now.plus(lease))
                    .update();
              }
              return Math.max(grant, 0);
            });
    return granted == null ? 0 : granted;
  }

  /** Extends this worker's grant; false when it ran out (others may hold the permits now). */
  boolean renew(String endpoint, String worker, Duration lease) {
    var now = queue.now();
    return queue
            .jdbc()
            .sql(
                "UPDATE eval_endpoint_permit SET lease_until = ? WHERE endpoint = ? AND worker = ?"
                    + " AND lease_until >= ?")
            .params(now.plus(lease), endpoint, worker, now)
            .update()
        == 1;
  }

  void release(String endpoint, String worker) {
    queue
        .jdbc()
        .sql("DELETE FROM eval_endpoint_permit WHERE endpoint = ? AND worker = ?")
        .params(endpoint, worker)
        .update();
  }
}
