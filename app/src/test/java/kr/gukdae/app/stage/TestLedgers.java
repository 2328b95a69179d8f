package kr.gukdae.app.stage;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;

/** The database ledger for tests in other packages (the store itself stays package-private). */
public final class TestLedgers {

  private TestLedgers() {}

  /** A signed office ledger over {@code audit_ledger} in {@code dataSource}. */
  public static Ledger signed(DataSource dataSource, OfficeKey key, Path anchors) {
    return Ledger.office(new JdbcLedgerStore(dataSource), Clock.systemUTC(), key, anchors);
  }
}
