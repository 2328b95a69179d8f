package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.gukdae.Sha256;
import kr.gukdae.ledger.Checkpoint;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.Stages;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcLedgerStoreTest {

  @TempDir Path dir;

  private final OfficeKey key = OfficeKey.generate();

  private Ledger ledger(String url) throws Exception {
    var store = new JdbcLedgerStore(TestDatabases.dataSource(url));
    return Ledger.office(store, Clock.systemUTC(), key, dir.resolve("anchors"));
  }

  private static void sql(String url, String statement) throws Exception {
    try (var c = DriverManager.getConnection(url);
        var s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void decisionReplaysFromTheDatabaseAndSqlTamperingIsCaught(String database) throws Exception {
    String url = TestDatabases.migratedUrl(database);
    Ledger ledger = ledger(url);
    var recorded = Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    var replay = Stages.replay(ledger, 1);
    assertThat(replay.matches()).isTrue();
    assertThat(replay.recomputed()).isEqualTo(recorded);
    assertThat(ledger.verify().intact()).isTrue();
    assertThat(ledger.verify().signedEntries()).isEqualTo(128); // key + programme + 125 + decision
    assertThat(ledger.verify().checkpoints()).isEqualTo(1);
    // an unchanged chain is not verified again: the report page gets the kept result
    var viewed = ledger.verify();
    assertThat(ledger.verify()).isSameAs(viewed);

    // a middle row edited after that cached view (the head row untouched) is still caught
    sql(
        url,
        "UPDATE audit_ledger SET payload = REPLACE(payload, '\"score\":', '\"score\":1') WHERE seq = 5");
    assertThat(ledger.verify().brokenSeq()).isEqualTo(5);
    assertThatThrownBy(() -> Stages.replay(ledger, 1)).hasMessageContaining("broken ledger");

    sql(url, "DELETE FROM audit_ledger WHERE seq = 5");
    var v = ledger.verify();
    assertThat(v.brokenSeq()).isEqualTo(5);
    assertThat(v.reason()).contains("deleted");
  }

  /** The insider's attack from the issue: change a score, recompute every hash with SQL access. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aScoreChangedWithEveryHashRecomputedIsCaughtBySignatureAndCheckpoint(String database)
      throws Exception {
    String url = TestDatabases.migratedUrl(database);
    Ledger ledger = ledger(url);
    Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    List<LedgerEntry> entries = ledger.entries();
    String prev = entries.get(8).prevHash();
    try (var c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      var update =
          c.prepareStatement(
              "UPDATE audit_ledger SET payload = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?");
      for (LedgerEntry e : entries.subList(8, entries.size())) {
        String payload =
            e.seq() == 9
                ? e.payload().replaceFirst("\"score\":[0-9.]+", "\"score\":99.9")
                : e.payload();
        String hash =
            Sha256.hex(
                prev + '\n' + e.seq() + '\n' + e.timestamp() + '\n' + e.kind() + '\n' + payload);
        update.setString(1, payload);
        update.setString(2, prev);
        update.setString(3, hash);
        update.setLong(4, e.seq());
        update.executeUpdate();
        prev = hash;
      }
      c.commit();
    }
    // Every hash now fits; the old unkeyed check would have said "intact".
    assertThat(ledger.entries().get(8).recomputedHash()).isEqualTo(ledger.entries().get(8).hash());
    var v = ledger.verify();
    assertThat(v.intact()).isFalse();
    // The run was one batch, signed at its decision: the whole batch after the key is suspect.
    assertThat(v.brokenSeq()).isEqualTo(2);
    assertThat(v.reason()).contains("signature at seq 128 does not match", "hashes recomputed");
    // The checkpoint published at the decision no longer matches the rewritten head either.
    var published = Checkpoint.readAll(dir.resolve("anchors")).getLast();
    assertThat(published.head()).isNotEqualTo(ledger.entries().getLast().hash());
  }

  /** Four writers at once: every run lands whole and contiguous, and the chain stays intact. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void concurrentWritersQueueOnTheWriterLock(String database) throws Exception {
    String url = TestDatabases.migratedUrl(database);
    List<Ledger> writers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      writers.add(ledger(url)); // each with its own store, as separate processes would have
    }
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Ledger w = writers.get(i % 4);
        runs.add(pool.submit(() -> Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), w)));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    }
    List<LedgerEntry> entries = writers.getFirst().entries();
    var v = writers.getFirst().verify();
    assertThat(v.intact()).as(v.describe()).isTrue();
    assertThat(entries).hasSize(1 + 8 * 127);
    assertThat(AuditCommand.incompleteRuns(entries)).isEmpty();
    RunShape.assertRunsContiguous(entries, 8);
  }
}
