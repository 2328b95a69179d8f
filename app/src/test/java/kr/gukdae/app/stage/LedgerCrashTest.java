package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kr.gukdae.ledger.Checkpoint;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.testing.ChildJvm;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two real writer processes record stage runs into one database at the same time (as the CLI and
 * the web server do) and are killed with SIGKILL at random points, two rounds. Afterwards the chain
 * is intact, signed, extends every checkpoint, and holds only whole runs.
 */
class LedgerCrashTest {

  private static final Duration STARTUP = Duration.ofSeconds(120);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void writersKilledAtRandomPointsLeaveOnlyWholeRunsInAnIntactChain(String database)
      throws Exception {
    String url =
        database.equals("h2")
            ? "jdbc:h2:file:"
                + dir.resolve("db/gukdae")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"
            : TestDatabases.postgres();
    String user = database.equals("h2") ? "gukdae" : "";
    String password = database.equals("h2") ? "s3cret" : "";
    Flyway.configure().dataSource(url, user, password).load().migrate();
    Path keyFile = dir.resolve("keys/office.pem");
    OfficeKey key = OfficeKey.generate();
    key.save(keyFile);
    Path anchors = dir.resolve("anchors");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int kills = 0;
    for (int round = 0; round < 2; round++) {
      // Both record at least one run, so both are busy writing when the kills come. The second
      // starts once the first has the database: two H2 processes that both find the lock left by
      // a killed one at the same instant can refuse each other (H2's own stale-lock takeover).
      try (ChildJvm a = start(url, user, password, keyFile, anchors)) {
        a.awaitLine("recorded ", STARTUP);
        try (ChildJvm b = start(url, user, password, keyFile, anchors)) {
          b.awaitLine("recorded ", STARTUP);
          a.process().waitFor(random.nextInt(400), TimeUnit.MILLISECONDS);
          a.kill();
          b.process().waitFor(random.nextInt(400), TimeUnit.MILLISECONDS);
          b.kill();
          kills += 2;
        }
      }
    }
    var ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url, user, password);
    Ledger ledger = Ledger.office(new JdbcLedgerStore(ds), Clock.systemUTC(), key, anchors);
    List<LedgerEntry> entries = ledger.entries();
    var v =
        Ledger.verifyWith(
            entries, new Ledger.Trust(List.of(key.publicKey()), Checkpoint.readAll(anchors), null));
    assertThat(v.intact()).as("seed %d: %s", seed, v.describe()).isTrue();
    assertThat(v.checkpoints()).isGreaterThanOrEqualTo(4);
    assertThat(AuditCommand.incompleteRuns(entries)).as("seed %d", seed).isEmpty();
    RunShape.assertRunsContiguous(entries, 4);
    assertThat(kills).isEqualTo(4);
    // The writers' successor appends on top of the crashed ones without a hitch.
    ledger.append("note", java.util.Map.of("after", "crash"));
    assertThat(ledger.verify().intact()).isTrue();
  }

  private static ChildJvm start(
      String url, String user, String password, Path keyFile, Path anchors) {
    return ChildJvm.main(LedgerWriterChild.class)
        .args(url, user, password, keyFile.toString(), anchors.toString())
        .start();
  }
}
