package kr.gukdae.app.office;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.app.stage.TestLedgers;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.store.TestDatabases;

/**
 * Two offices on one migrated database, as two servers: each has its own connections and its own
 * signed ledger (one office key, one anchor folder), so nothing in-process serialises them; only
 * the database can. {@link #race} starts one step on each at the same moment.
 */
final class TwoOffices {

  /** One server: its connections and its ledger over them. */
  record Server(DataSource dataSource, Ledger ledger) {}

  private TwoOffices() {}

  /** Two servers on a fresh, migrated database of this kind ("h2" or "postgresql"). */
  static List<Server> on(String database, Path anchors) {
    String url = TestDatabases.migratedUrl(database);
    OfficeKey key = OfficeKey.generate();
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DataSource ds = TestDatabases.dataSource(url);
      servers.add(new Server(ds, TestLedgers.signed(ds, key, anchors)));
    }
    return servers;
  }

  /** {@code step} on every one of {@code servers} at once; see {@link #race(List)}. */
  static <S> List<String> race(List<S> servers, Function<S, String> step) throws Exception {
    return race(servers.stream().<Callable<String>>map(s -> () -> step.apply(s)).toList());
  }

  /**
   * Runs the steps on threads released together; each outcome is what its step returned or, for a
   * clear refusal, {@code "refused: "} and the refusal's message (Korean and English).
   */
  static List<String> race(List<Callable<String>> steps) throws Exception {
    CyclicBarrier together = new CyclicBarrier(steps.size());
    ExecutorService pool = Executors.newFixedThreadPool(steps.size());
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> step : steps) {
        futures.add(
            pool.submit(() -> {
              together.await(30, TimeUnit.SECONDS);
              try {
                return step.call();
              } catch (UserError e) {
                return "refused: " + e.getMessage();
              }
            }));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> f : futures) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
