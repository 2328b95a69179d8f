package kr.gukdae.app.office;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import kr.gukdae.Sha256;
import kr.gukdae.call.Application;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.selection.Score;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working copies before they are sealed: applications until the call's deadline, sheets until the
 * round's decision. Each row is replaced whole (delete + insert in one transaction).
 */
final class OfficeStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  OfficeStore(DataSource dataSource, TransactionTemplate tx) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = tx;
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

  void putScore(String call, Score s, Instant at) {
    tx.executeWithoutResult(t -> {
      jdbc.sql(
              "DELETE FROM office_scores WHERE call_id = ? AND round_id = ? AND reviewer = ?"
                  + " AND application_id = ?")
          .params(call, s.round(), s.reviewer(), s.application())
          .update();
      jdbc.sql(
              "INSERT INTO office_scores (call_id, round_id, reviewer, application_id,"
                  + " submitted_at, payload) VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              call, s.round(), s.reviewer(), s.application(), at.toString(), CanonicalJson.of(s))
          .update();
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
