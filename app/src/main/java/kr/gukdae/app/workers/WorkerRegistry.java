package kr.gukdae.app.workers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Workers announce themselves and beat while alive, so progress can show who is working. */
final class WorkerRegistry {

  /** A worker as the progress view shows it. */
  record WorkerRow(String id, String host, int capacity, String endpoints, boolean alive) {}

  private final JobQueue queue;

  WorkerRegistry(JobQueue queue) {
    this.queue = queue;
  }

  void register(Worker.Config config) {
    var now = queue.now();
    String endpoints =
        config.endpoints() == null
            ? "*"
            : String.join(",", config.endpoints().stream().sorted().toList());
    queue
        .tx()
        .executeWithoutResult(s -> {
          queue.jdbc().sql("DELETE FROM eval_worker WHERE id = ?").param(config.id()).update();
          queue
              .jdbc()
              .sql(
                  "INSERT INTO eval_worker (id, host, capacity, endpoints, started_at,"
                      + " heartbeat_at, cpus, memory_mb) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  config.id(),
                  host(),
                  config.capacity(),
                  clip(endpoints),
                  now,
                  now,
                  config.resources().cpus(),
                  config.resources().memoryMb())
              .update();
        });
  }

  void beat(String id) {
    queue
        .jdbc()
        .sql("UPDATE eval_worker SET heartbeat_at = ? WHERE id = ?")
        .params(queue.now(), id)
        .update();
  }

  /** Workers that beat within {@code aliveSeconds}, newest first. */
  List<WorkerRow> workers(int aliveSeconds) {
    var since = queue.now().minusSeconds(aliveSeconds);
    return queue
        .jdbc()
        .sql(
            "SELECT id, host, capacity, endpoints, heartbeat_at FROM eval_worker"
                + " ORDER BY started_at DESC")
        .query((rs, n) ->
            new WorkerRow(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                !rs.getObject(5, java.time.OffsetDateTime.class).isBefore(since)))
        .list();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private static String clip(@Nullable String text) {
    return text == null ? "" : text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
