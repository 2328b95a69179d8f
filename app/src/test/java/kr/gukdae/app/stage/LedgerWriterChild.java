package kr.gukdae.app.stage;

import java.nio.file.Path;
import java.time.Clock;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.Stages;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A separate writer process for {@link LedgerCrashTest}: records the demo stage run again and again
 * through the database ledger until it is killed. Args: JDBC URL, user, password, key file, anchors
 * folder.
 */
public final class LedgerWriterChild {

  private LedgerWriterChild() {}

  public static void main(String[] args) {
    var ds = new SimpleDriverDataSource(new org.h2.Driver(), args[0], args[1], args[2]);
    if (!args[0].startsWith("jdbc:h2:")) {
      ds = new SimpleDriverDataSource(new org.postgresql.Driver(), args[0], args[1], args[2]);
    }
    // Held for the process's life, as the app's connection pool does: H2 closes a database (and
    // its auto-server) when its last connection closes, and reopening it races the other writer.
    try (var keeper = ds.getConnection()) {
      record(ds, args);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void record(SimpleDriverDataSource ds, String[] args) {
    Ledger ledger =
        Ledger.office(
            new JdbcLedgerStore(ds),
            Clock.systemUTC(),
            OfficeKey.load(Path.of(args[3])),
            Path.of(args[4]));
    var program = ProgramLoader.demo();
    var evidence = EvidenceLoader.demo();
    for (int run = 1; ; run++) {
      Stages.run(program, 1, evidence, ledger);
      System.out.println("recorded " + run);
    }
  }
}
