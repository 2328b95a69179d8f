package kr.gukdae.app.stage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kr.gukdae.stage.EvidenceJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The evidence recorded for programme versions ({@link kr.gukdae.app.programmes.Programmes}). Rows
 * are only inserted, except that a record is marked superseded by the newer one for the same slot.
 */
@Repository
public class Workspace {

  private final JdbcClient jdbc;

  Workspace(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a draft unless the identical record (same slot and content hash) is already there; a
   * different record for the same slot supersedes the current one. Returns the stored row.
   */
  public StageEvidence record(StageEvidence d) {
    Optional<StageEvidence> same =
        jdbc.sql(
                "SELECT * FROM stage_evidence WHERE programme_id = ? AND stage_no = ? AND team = ?"
                    + " AND kind = ? AND slot = ? AND content_hash = ?")
            .params(d.programmeId(), d.stage(), d.team(), d.kind(), d.slot(), d.contentHash())
            .query(Workspace::evidence)
            .optional();
    if (same.isPresent()) {
      return same.get();
    }
    jdbc.sql(
            "INSERT INTO stage_evidence (programme_id, stage_no, team, model, kind, slot,"
                + " record_json, source_kind, source_id, source_json, measured_at, content_hash,"
                + " imported, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            d.programmeId(),
            d.stage(),
            d.team(),
            d.model(),
            d.kind(),
            d.slot(),
            EvidenceJson.write(d.evidence()),
            d.sourceKind(),
            d.sourceId(),
            d.sourceJson(),
            d.measuredAt().atOffset(ZoneOffset.UTC),
            d.contentHash(),
            d.imported(),
            now())
        .update();
    StageEvidence stored =
        jdbc.sql(
                "SELECT * FROM stage_evidence WHERE programme_id = ? AND stage_no = ? AND team = ?"
                    + " AND kind = ? AND slot = ? AND content_hash = ?")
            .params(d.programmeId(), d.stage(), d.team(), d.kind(), d.slot(), d.contentHash())
            .query(Workspace::evidence)
            .single();
    jdbc.sql(
            "UPDATE stage_evidence SET superseded_by = ? WHERE programme_id = ? AND stage_no = ?"
                + " AND team = ? AND kind = ? AND slot = ? AND id <> ? AND superseded_by IS NULL")
        .params(stored.id(), d.programmeId(), d.stage(), d.team(), d.kind(), d.slot(), stored.id())
        .update();
    return stored;
  }

  /** Every record of a stage, current and superseded, oldest first. */
  public List<StageEvidence> evidence(long programmeId, int stage) {
    return jdbc.sql(
            "SELECT * FROM stage_evidence WHERE programme_id = ? AND stage_no = ? ORDER BY id")
        .params(programmeId, stage)
        .query(Workspace::evidence)
        .list();
  }

  public Optional<StageEvidence> evidence(long id) {
    return jdbc.sql("SELECT * FROM stage_evidence WHERE id = ?")
        .param(id)
        .query(Workspace::evidence)
        .optional();
  }

  private static StageEvidence evidence(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    String source = rs.getString("source_json");
    String stale = kr.gukdae.ledger.CanonicalJson.parse(source).path("stale").asString(null);
    Long superseded = rs.getObject("superseded_by", Long.class);
    StageEvidence row =
        new StageEvidence(
            id,
            rs.getLong("programme_id"),
            rs.getInt("stage_no"),
            rs.getString("team"),
            rs.getString("model"),
            EvidenceJson.read(rs.getString("record_json"), "stage_evidence " + id),
            rs.getString("source_kind"),
            rs.getString("source_id"),
            source,
            rs.getObject("measured_at", OffsetDateTime.class).toInstant(),
            rs.getString("content_hash"),
            rs.getBoolean("imported"),
            stale,
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            superseded);
    // A row edited in the database after it was recorded no longer matches its hash: it stays
    // visible, marked, and never counts.
    if (!Drafts.hashOf(row).equals(row.contentHash())) {
      return row.withStale("content does not match its hash (edited after it was recorded)");
    }
    return row;
  }

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
