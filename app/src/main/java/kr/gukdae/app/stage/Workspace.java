package kr.gukdae.app.stage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kr.gukdae.UserError;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.EvidenceJson;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.ProgramLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The programme workspace in the database: programme versions (validated before they are stored;
 * the latest loaded is the current one), and the evidence recorded for them. Rows are only
 * inserted, except that a record is marked superseded by the newer one for the same slot.
 */
@Repository
public class Workspace {

  private final JdbcClient jdbc;

  Workspace(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored programme version. */
  public record Loaded(long id, Program program, String loadedBy, Instant loadedAt) {}

  /**
   * Validates and stores a programme file's text; the same text again returns the stored version.
   * Bad input is a {@link UserError} and nothing is stored.
   */
  public Loaded load(String yaml, String source, String by) {
    Program p = ProgramLoader.parse(yaml, source);
    EvaluationPlan.of(p);
    Optional<Loaded> current = current();
    if (p.demo() && current.isPresent() && !current.get().program().demo()) {
      throw new UserError(
          source
              + ": a demo programme cannot be loaded into a database that holds programme '"
              + current.get().program().name()
              + "'; run the demo with its own GUKDAE_HOME (and GUKDAE_DB_URL)");
    }
    Optional<Loaded> same = bySha(p.sourceSha256());
    if (same.isPresent()) {
      // Loading an older version again makes it current: store nothing, record the intent.
      return same.get();
    }
    jdbc.sql(
            "INSERT INTO stage_programme (name, version, sha256, demo, source, loaded_by,"
                + " loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(p.name(), p.version(), p.sourceSha256(), p.demo(), yaml, by, now())
        .update();
    return bySha(p.sourceSha256()).orElseThrow();
  }

  /** The latest loaded programme version. */
  public Optional<Loaded> current() {
    return jdbc.sql("SELECT * FROM stage_programme ORDER BY id DESC LIMIT 1")
        .query(Workspace::programme)
        .optional();
  }

  public Loaded require() {
    return current()
        .orElseThrow(() ->
            new UserError("no programme is loaded; run 'gukdae stage load --program FILE' first"));
  }

  public Optional<Loaded> programme(long id) {
    return jdbc.sql("SELECT * FROM stage_programme WHERE id = ?")
        .param(id)
        .query(Workspace::programme)
        .optional();
  }

  private Optional<Loaded> bySha(String sha) {
    return jdbc.sql("SELECT * FROM stage_programme WHERE sha256 = ?")
        .param(sha)
        .query(Workspace::programme)
        .optional();
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

  private static Loaded programme(ResultSet rs, int n) throws SQLException {
    return new Loaded(
        rs.getLong("id"),
        ProgramLoader.parse(rs.getString("source"), "stored programme " + rs.getLong("id")),
        rs.getString("loaded_by"),
        rs.getObject("loaded_at", OffsetDateTime.class).toInstant());
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
      return new StageEvidence(
          row.id(),
          row.programmeId(),
          row.stage(),
          row.team(),
          row.model(),
          row.evidence(),
          row.sourceKind(),
          row.sourceId(),
          row.sourceJson(),
          row.measuredAt(),
          row.contentHash(),
          row.imported(),
          "content does not match its hash (edited after it was recorded)",
          row.recordedAt(),
          row.supersededBy());
    }
    return row;
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
