package kr.gukdae.app.arena;

import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.models.ModelRegistry;
import kr.gukdae.arena.PairSampler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The arena's services over one database, built together because they share limits and state. */
record Arena(
    Sessions sessions,
    Scenarios scenarios,
    Battles battles,
    Votes votes,
    Results results,
    Rubrics rubrics,
    ModelPool models,
    VoteWriter writer)
    implements AutoCloseable {

  /**
   * The arena over one database. {@code tx} is the transaction manager's template for that same
   * database (in the application, Spring's own), so the arena's transactions are Spring's.
   */
  static Arena create(
      DataSource dataSource,
      TransactionTemplate tx,
      ArenaSettings settings,
      Clock clock,
      Accounts accounts,
      ModelRegistry registry) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    Limits limits = new Limits(accounts.windows());
    VoteWriter writer = new VoteWriter(new JdbcTemplate(dataSource), tx, accounts.windows(), clock);
    Scenarios scenarios = new Scenarios(jdbc, clock);
    ModelPool models = new ModelPool(registry);
    BattleStore store = new BattleStore(jdbc);
    Battles battles =
        new Battles(
            store,
            scenarios,
            models,
            settings,
            clock,
            limits,
            new PairSampler(new SecureRandom()),
            new StreamStore(jdbc, tx, store, clock));
    return new Arena(
        new Sessions(accounts),
        scenarios,
        battles,
        new Votes(jdbc, settings, writer),
        new Results(jdbc),
        new Rubrics(jdbc, clock, tx),
        models,
        writer);
  }

  @Override
  public void close() {
    writer.close();
    models.close();
  }
}
