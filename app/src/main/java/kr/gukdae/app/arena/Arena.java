package kr.gukdae.app.arena;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.models.ModelRegistry;
import kr.gukdae.arena.PairSampler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
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
   * An arena with accounts of its own (tests, tools); the application shares one {@link Accounts}.
   */
  static Arena create(DataSource dataSource, ArenaSettings settings, Clock clock) {
    return create(
        dataSource,
        settings,
        clock,
        Accounts.create(dataSource, clock, settings.sessionTtl(), 1000),
        new ModelRegistry(dataSource, clock, List.of()));
  }

  static Arena create(
      DataSource dataSource,
      ArenaSettings settings,
      Clock clock,
      Accounts accounts,
      ModelRegistry registry) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    Limits limits = new Limits(accounts.windows());
    VoteWriter writer = new VoteWriter(dataSource, accounts.windows(), clock);
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
