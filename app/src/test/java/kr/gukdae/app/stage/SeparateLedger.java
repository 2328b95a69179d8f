package kr.gukdae.app.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.store.TestDatabases;

/**
 * A database ledger of its own (a fresh H2 database, its key file and anchors under a folder), for
 * tests that run {@code gukdae ledger init|rotate|checkpoint} without touching the shared context's
 * ledger, whose key every other test signs with.
 */
public final class SeparateLedger {

  private final DataSource database = TestDatabases.migrated("h2");
  private final LedgerConfig.LedgerFiles files;

  public SeparateLedger(Path dir) {
    this.files =
        new LedgerConfig.LedgerFiles(dir.resolve("keys/office.pem"), dir.resolve("anchors"));
  }

  /**
   * The {@code ledger} command as the application builds it now: over this ledger, signing with the
   * key file if there is one (as {@link LedgerConfig} opens it at start-up).
   */
  public GukdaeCommand command() {
    OfficeKey key = Files.exists(files.keyFile()) ? OfficeKey.load(files.keyFile()) : null;
    Ledger ledger =
        Ledger.office(new JdbcLedgerStore(database), Clock.systemUTC(), key, files.anchors());
    return new LedgerCommand(ledger, files);
  }

  public Path keyFile() {
    return files.keyFile();
  }

  public Path anchors() {
    return files.anchors();
  }
}
