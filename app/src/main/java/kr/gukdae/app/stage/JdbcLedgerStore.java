package kr.gukdae.app.stage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.LedgerStore;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger in the {@code audit_ledger} table. Every append holds the row lock on {@code
 * audit_ledger_writer} for its whole transaction, so writers in any number of processes (CLI and
 * web server) queue up instead of forking or breaking the chain, and a batch (a stage run's
 * programme, evidence and decision) commits as a whole or not at all. Nothing here updates or
 * deletes.
 */
final class JdbcLedgerStore implements LedgerStore {

  private static final String COLUMNS =
      "seq, recorded_at, kind, payload, prev_hash, entry_hash, key_id, signature";

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  JdbcLedgerStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public @Nullable LedgerEntry last() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_ledger ORDER BY seq DESC LIMIT 1")
        .query(JdbcLedgerStore::row)
        .optional()
        .orElse(null);
  }

  @Override
  public List<LedgerEntry> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_ledger ORDER BY seq")
        .query(JdbcLedgerStore::row)
        .list();
  }

  @Override
  public List<LedgerEntry> appendAtomically(Function<Head, List<LedgerEntry>> build) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
      int lockTimeout = h2 ? h2LockTimeout(c, -1) : 0;
      c.setAutoCommit(false);
      try {
        if (h2) {
          h2LockTimeout(c, 120_000); // wait for another writer's long batch, as PostgreSQL does
        }
        try (var s = c.createStatement()) {
          s.executeQuery("SELECT id FROM audit_ledger_writer WHERE id = 1 FOR UPDATE").close();
        }
        List<LedgerEntry> batch = build.apply(new Head(one(c, ""), one(c, "WHERE kind = ?")));
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_ledger (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (LedgerEntry e : batch) {
            insert.setLong(1, e.seq());
            insert.setString(2, e.timestamp().toString());
            insert.setString(3, e.kind());
            insert.setString(4, e.payload());
            insert.setString(5, e.prevHash());
            insert.setString(6, e.hash());
            insert.setString(7, e.keyId());
            insert.setString(8, e.signature());
            insert.addBatch();
          }
          insert.executeBatch();
        }
        c.commit();
        return batch;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
        if (h2) {
          h2LockTimeout(c, lockTimeout); // the pooled connection goes back as it came
        }
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("ledger append failed: " + e.getMessage(), e);
    }
  }

  /** Sets H2's session lock timeout (ms) unless negative; returns the one before. */
  private static int h2LockTimeout(Connection c, int millis) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SELECT LOCK_TIMEOUT()")) {
      rs.next();
      int before = rs.getInt(1);
      if (millis >= 0) {
        s.execute("SET LOCK_TIMEOUT " + millis);
      }
      return before;
    }
  }

  private static @Nullable LedgerEntry one(Connection c, String where) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM audit_ledger " + where + " ORDER BY seq DESC LIMIT 1")) {
      if (!where.isEmpty()) {
        s.setString(1, Ledger.KEY);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? row(rs, 0) : null;
      }
    }
  }

  private static LedgerEntry row(ResultSet rs, int n) throws SQLException {
    return new LedgerEntry(
        rs.getLong("seq"),
        Instant.parse(rs.getString("recorded_at")),
        rs.getString("kind"),
        rs.getString("payload"),
        rs.getString("prev_hash"),
        rs.getString("entry_hash"),
        rs.getString("key_id"),
        rs.getString("signature"));
  }
}
