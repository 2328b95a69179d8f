package kr.gukdae.app.stage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The authoritative decision per programme stage. The first decision has chain key {@code
 * name|stage|0}; a later one names the decision it supersedes in its key, so the unique key lets
 * only one of two concurrent deciders win.
 */
@Repository
class Decisions {

  private final JdbcClient jdbc;

  Decisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      long id,
      long programmeId,
      int stage,
      long ledgerSeq,
      String decidedBy,
      @Nullable String reason,
      @Nullable Long supersedes,
      @Nullable Long supersededBy,
      OffsetDateTime recordedAt) {}

  private static final String SELECT =
      "SELECT d.*, (SELECT MIN(n.id) FROM stage_decision n WHERE n.supersedes = d.id) AS next_id"
          + " FROM stage_decision d";

  List<Row> all() {
    return jdbc.sql(SELECT + " ORDER BY d.id").query(Decisions::row).list();
  }

  /** The decision in force for a stage of programmes of this name, if any. */
  Optional<Row> authoritative(String programmeName, int stage) {
    return jdbc.sql(
            SELECT
                + " JOIN stage_programme p ON p.id = d.programme_id WHERE p.name = ?"
                + " AND d.stage_no = ? AND NOT EXISTS (SELECT 1 FROM stage_decision n"
                + " WHERE n.supersedes = d.id) AND d.ledger_seq > 0")
        .params(programmeName, stage)
        .query(Decisions::row)
        .optional();
  }

  Optional<Row> bySeq(long seq) {
    return jdbc.sql(SELECT + " WHERE d.ledger_seq = ?").param(seq).query(Decisions::row).optional();
  }

  /** Claims the stage's next place in the chain; a concurrent claim fails on the unique key. */
  long claim(
      long programmeId,
      String programmeName,
      int stage,
      String by,
      @Nullable String reason,
      @Nullable Long supersedes) {
    String key = programmeName + "|" + stage + "|" + (supersedes == null ? 0 : supersedes);
    jdbc.sql(
            "INSERT INTO stage_decision (programme_id, stage_no, ledger_seq, decided_by, reason,"
                + " supersedes, chain_key, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)")
        // param(…) one at a time: reason and supersedes are optional, and Spring marks only the
        // single-value form as taking null
        .param(programmeId)
        .param(stage)
        .param(by)
        .param(reason)
        .param(supersedes)
        .param(key)
        .param(Workspace.now())
        .update();
    return jdbc.sql("SELECT id FROM stage_decision WHERE chain_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  void recorded(long id, long ledgerSeq) {
    jdbc.sql("UPDATE stage_decision SET ledger_seq = ? WHERE id = ? AND ledger_seq = 0")
        .params(ledgerSeq, id)
        .update();
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("programme_id"),
        rs.getInt("stage_no"),
        rs.getLong("ledger_seq"),
        rs.getString("decided_by"),
        rs.getString("reason"),
        rs.getObject("supersedes", Long.class),
        rs.getObject("next_id", Long.class),
        rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
