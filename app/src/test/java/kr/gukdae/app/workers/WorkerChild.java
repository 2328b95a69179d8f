package kr.gukdae.app.workers;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker process of {@link WorkersProcessTest}: the production {@link Worker} loop over its own
 * connection pool, as {@code gukdae worker} runs it, without the Spring start-up. Arguments: JDBC
 * URL, user, password, home folder, worker id, capacity, lease in milliseconds.
 */
public final class WorkerChild {

  private WorkerChild() {}

  public static void main(String[] args) {
    int capacity = Integer.parseInt(args[5]);
    var ds = new HikariDataSource();
    ds.setJdbcUrl(args[0]);
    ds.setUsername(args[1]);
    ds.setPassword(args[2]);
    ds.setMaximumPoolSize(capacity * 2 + 2);
    var config =
        new Worker.Config(
            args[4],
            capacity,
            null,
            Duration.ofMillis(Long.parseLong(args[6])),
            Duration.ofMillis(50),
            Path.of(args[3]));
    System.out.println("ready " + args[4]);
    System.out.flush();
    new Worker(config, ds).run();
  }
}
