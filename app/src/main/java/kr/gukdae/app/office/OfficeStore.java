package kr.gukdae.app.office;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import kr.gukdae.Sha256;
import kr.gukdae.call.Application;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.selection.Score;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working copies before they are sealed: applications until the call's deadline, sheets until the
 * round's decision. Each row is replaced whole (delete + insert in one transaction).
 */
final class OfficeStore {

  /** How long H2 waits for another server's lock, as {@code JdbcLedgerStore} does. */
  private static final int H2_LOCK_WAIT_MS = 120_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final boolean h2;

  OfficeStore(DataSource dataSource, TransactionTemplate tx) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = tx;
    try {
      this.h2 =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
              .equals("H2");
    } catch (MetaDataAccessException e) {
      throw new DataAccessResourceFailureException("cannot tell which database this is", e);
    }
  }

  void putApplication(Application a, String by, Instant at) {
    String json = CanonicalJson.of(a);
    tx.executeWithoutResult(s -> {
      jdbc.sql("DELETE FROM office_applications WHERE call_id = ? AND application_id = ?")
          .params(a.call(), a.id())
          .update();
      jdbc.sql(
              "INSERT INTO office_applications (call_id, application_id, submitted_by,"
                  + " submitted_at, sha256, payload) VALUES (?, ?, ?, ?, ?, ?)")
          .params(a.call(), a.id(), by, at.toString(), Sha256.hex(json), json)
          .update();
    });
  }

  List<Application> applications(String call) {
    return jdbc.sql(
            "SELECT payload FROM office_applications WHERE call_id = ? ORDER BY application_id")
        .param(call)
        .query(
            (rs, n) -> CanonicalJson.read(CanonicalJson.parse(rs.getString(1)), Application.class))
        .list();
  }

  /**
   * Stores (or replaces) a sheet while holding its application's row lock, after {@code stillOpen}
   * (the "not decided yet" check) passes under that lock: two servers storing one reviewer's sheet
   * for one application at once take turns (the later replaces the earlier), and a sheet never
   * lands beside a decision being recorded ({@link #underLocks}).
   */
  void putScore(String call, Score s, Instant at, Runnable stillOpen) {
    underLocks(
        call,
        s.application(),
        () -> {
          stillOpen.run();
          jdbc.sql(
                  "DELETE FROM office_scores WHERE call_id = ? AND round_id = ? AND reviewer = ?"
                      + " AND application_id = ?")
              .params(call, s.round(), s.reviewer(), s.application())
              .update();
          jdbc.sql(
                  "INSERT INTO office_scores (call_id, round_id, reviewer, application_id,"
                      + " submitted_at, payload) VALUES (?, ?, ?, ?, ?, ?)")
              .params(
                  call,
                  s.round(),
                  s.reviewer(),
                  s.application(),
                  at.toString(),
                  CanonicalJson.of(s))
              .update();
          return null;
        });
  }

  /**
   * Runs {@code work} in one transaction holding the row locks of the call's applications (of
   * {@code application} only, or of all of them when null), taken in one order so two callers never
   * deadlock. A round's decision reads its sheets and records itself under all of them; a sheet is
   * checked and stored under its application's: of two servers, one waits for the other. H2 waits
   * as long as PostgreSQL does (its own default gives up after two seconds).
   */
  <T> @Nullable T underLocks(String call, @Nullable String application, Supplier<T> work) {
    return tx.execute(t -> {
      int before = h2 ? jdbc.sql("SELECT LOCK_TIMEOUT()").query(Integer.class).single() : 0;
      if (h2) {
        jdbc.sql("SET LOCK_TIMEOUT " + H2_LOCK_WAIT_MS).update();
      }
      try {
        jdbc.sql(
                "SELECT application_id FROM office_applications WHERE call_id = ?"
                    + (application == null ? "" : " AND application_id = ?")
                    + " ORDER BY application_id FOR UPDATE")
            .params(application == null ? List.of(call) : List.of(call, application))
            .query(String.class)
            .list();
        return work.get();
      } finally {
        if (h2) {
          jdbc.sql("SET LOCK_TIMEOUT " + before)
              .update(); // a pooled connection goes back as it came
        }
      }
    });
  }

  List<Score> scores(String call, String round) {
    return jdbc.sql(
            "SELECT payload FROM office_scores WHERE call_id = ? AND round_id = ?"
                + " ORDER BY reviewer, application_id")
        .params(call, round)
        .query((rs, n) -> CanonicalJson.read(CanonicalJson.parse(rs.getString(1)), Score.class))
        .list();
  }
}
