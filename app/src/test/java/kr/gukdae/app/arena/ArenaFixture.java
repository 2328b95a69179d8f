package kr.gukdae.app.arena;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.models.ModelRegistry;
import kr.gukdae.store.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** An arena over a freshly migrated H2 or PostgreSQL database, with a hand-moved clock. */
final class ArenaFixture {

  final DriverManagerDataSource dataSource;
  final JdbcClient jdbc;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

  ArenaFixture(String database) {
    dataSource = new DriverManagerDataSource(TestDatabases.migratedUrl(database));
    jdbc = JdbcClient.create(dataSource);
  }

  /** An arena with accounts of its own; the application shares one {@link Accounts}. */
  Arena arena(ArenaSettings settings) {
    return Arena.create(
        dataSource,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        settings,
        clock,
        Accounts.create(dataSource, clock, settings.sessionTtl(), 1000),
        new ModelRegistry(dataSource, clock, List.of()));
  }

  static ArenaSettings settings(List<String> models, int votesPerMinute, int dailyPublic) {
    return new ArenaSettings(
        models,
        List.of(),
        Duration.ofHours(2),
        Duration.ofDays(30),
        votesPerMinute,
        1000,
        dailyPublic,
        2000,
        3,
        4000,
        256,
        30);
  }

  static void awaitAnswers(Arena arena, String battleId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (arena.battles().isStreaming(battleId)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("answers did not finish for " + battleId);
      }
      Thread.sleep(5);
    }
  }

  int count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
  }
}
