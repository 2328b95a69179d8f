package kr.gukdae.app.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import kr.gukdae.Sha256;
import kr.gukdae.ledger.CanonicalJson;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Panels, assignments, artefacts and sheets in the database. The rules (who may do what, conflicts
 * of interest, submit once) are {@link ReviewService}'s; this class only reads and writes rows, and
 * a submitted sheet is never updated again (the UPDATE matches drafts only).
 */
@Repository
public class ReviewStore {

  private final JdbcClient jdbc;

  ReviewStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record PanelRow(long id, long programmeId, int stage, String createdBy, Instant createdAt) {}

  record Assignment(long panelId, String reviewer, String team) {}

  record Artefact(
      long id,
      long panelId,
      String team,
      String kind,
      String fileName,
      String mediaType,
      String sha256,
      long size,
      String uploadedBy,
      Instant uploadedAt) {}

  record Sheet(
      long id,
      long panelId,
      String reviewer,
      String team,
      Map<String, Double> items,
      String comment,
      String status,
      @Nullable Instant submittedAt) {

    boolean submitted() {
      return status.equals("SUBMITTED");
    }
  }

  /** A submitted sheet as stage evidence sees it; {@code sha256} covers items and comment. */
  public record Submitted(
      long id,
      long panelId,
      String reviewer,
      Map<String, Double> items,
      String comment,
      Instant submittedAt,
      String sha256) {}

  Optional<PanelRow> panel(long programmeId, int stage) {
    return jdbc.sql("SELECT * FROM review_panel WHERE programme_id = ? AND stage_no = ?")
        .params(programmeId, stage)
        .query((rs, n) ->
            new PanelRow(
                rs.getLong("id"),
                rs.getLong("programme_id"),
                rs.getInt("stage_no"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  void createPanel(long programmeId, int stage, String by) {
    jdbc.sql(
            "INSERT INTO review_panel (programme_id, stage_no, created_by, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(programmeId, stage, by, now())
        .update();
  }

  void assign(long panelId, String reviewer, String team, String by) {
    jdbc.sql(
            "INSERT INTO review_assignment (panel_id, reviewer, team, assigned_by, assigned_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(panelId, reviewer, team, by, now())
        .update();
  }

  List<Assignment> assignments(long panelId) {
    return jdbc.sql(
            "SELECT panel_id, reviewer, team FROM review_assignment WHERE panel_id = ?"
                + " ORDER BY team, reviewer")
        .param(panelId)
        .query((rs, n) -> new Assignment(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  long addArtefact(
      long panelId,
      String team,
      String kind,
      String fileName,
      String mediaType,
      String sha256,
      long size,
      String by) {
    jdbc.sql(
            "INSERT INTO review_artefact (panel_id, team, kind, file_name, media_type, sha256,"
                + " size_bytes, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(panelId, team, kind, fileName, mediaType, sha256, size, by, now())
        .update();
    return jdbc.sql(
            "SELECT MAX(id) FROM review_artefact WHERE panel_id = ? AND team = ? AND sha256 = ?")
        .params(panelId, team, sha256)
        .query(Long.class)
        .single();
  }

  List<Artefact> artefacts(long panelId) {
    return jdbc.sql("SELECT * FROM review_artefact WHERE panel_id = ? ORDER BY team, id")
        .param(panelId)
        .query(ReviewStore::artefact)
        .list();
  }

  Optional<Artefact> artefact(long id) {
    return jdbc.sql("SELECT * FROM review_artefact WHERE id = ?")
        .param(id)
        .query(ReviewStore::artefact)
        .optional();
  }

  List<Sheet> sheets(long panelId) {
    return jdbc.sql("SELECT * FROM review_sheet WHERE panel_id = ? ORDER BY team, reviewer")
        .param(panelId)
        .query(ReviewStore::sheet)
        .list();
  }

  Optional<Sheet> sheet(long id) {
    return jdbc.sql("SELECT * FROM review_sheet WHERE id = ?")
        .param(id)
        .query(ReviewStore::sheet)
        .optional();
  }

  Optional<Sheet> sheet(long panelId, String reviewer, String team) {
    return jdbc.sql("SELECT * FROM review_sheet WHERE panel_id = ? AND reviewer = ? AND team = ?")
        .params(panelId, reviewer, team)
        .query(ReviewStore::sheet)
        .optional();
  }

  /**
   * Saves a draft, or submits it when {@code submit}; returns false when the sheet was already
   * submitted (a submitted sheet is final, and two tabs submitting at once submit it once).
   */
  boolean save(
      long panelId,
      String reviewer,
      String team,
      Map<String, Double> items,
      String comment,
      boolean submit) {
    String json = CanonicalJson.of(new TreeMap<>(items));
    OffsetDateTime now = now();
    String status = submit ? "SUBMITTED" : "DRAFT";
    int updated =
        jdbc.sql(
                "UPDATE review_sheet SET items_json = ?, comment_text = ?, status = ?,"
                    + " updated_at = ?, submitted_at = ? WHERE panel_id = ? AND reviewer = ?"
                    + " AND team = ? AND status = 'DRAFT'")
            // param(…) one at a time: a draft has no submitted_at, and Spring marks only the
            // single-value form as taking null
            .param(json)
            .param(comment)
            .param(status)
            .param(now)
            .param(submit ? now : null)
            .param(panelId)
            .param(reviewer)
            .param(team)
            .update();
    if (updated == 1) {
      return true;
    }
    if (sheet(panelId, reviewer, team).isPresent()) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO review_sheet (panel_id, reviewer, team, items_json, comment_text,"
                  + " status, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          // param(…) one at a time: a draft has no submitted_at
          .param(panelId)
          .param(reviewer)
          .param(team)
          .param(json)
          .param(comment)
          .param(status)
          .param(now)
          .param(submit ? now : null)
          .update();
      return true;
    } catch (org.springframework.dao.DuplicateKeyException e) {
      return false;
    }
  }

  /** Submitted sheets for one team of a programme stage, as evidence. */
  public List<Submitted> submitted(long programmeId, int stage, String team) {
    return jdbc
        .sql(
            "SELECT s.* FROM review_sheet s JOIN review_panel p ON p.id = s.panel_id"
                + " WHERE p.programme_id = ? AND p.stage_no = ? AND s.team = ?"
                + " AND s.status = 'SUBMITTED' ORDER BY s.reviewer")
        .params(programmeId, stage, team)
        .query(ReviewStore::sheet)
        .list()
        .stream()
        .map(s ->
            new Submitted(
                s.id(),
                s.panelId(),
                s.reviewer(),
                s.items(),
                s.comment(),
                // the query keeps only SUBMITTED sheets, which carry their time
                Objects.requireNonNull(s.submittedAt(), "submitted_at"),
                sha256(s.items(), s.comment())))
        .toList();
  }

  static String sha256(Map<String, Double> items, String comment) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", new TreeMap<>(items));
    m.put("comment", comment);
    return Sha256.hex(CanonicalJson.of(m));
  }

  private static Artefact artefact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Artefact(
        rs.getLong("id"),
        rs.getLong("panel_id"),
        rs.getString("team"),
        rs.getString("kind"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getString("sha256"),
        rs.getLong("size_bytes"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
  }

  private static Sheet sheet(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Map<String, Double> items = new TreeMap<>();
    CanonicalJson.parse(rs.getString("items_json"))
        .properties()
        .forEach(e -> items.put(e.getKey(), e.getValue().asDouble()));
    OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
    return new Sheet(
        rs.getLong("id"),
        rs.getLong("panel_id"),
        rs.getString("reviewer"),
        rs.getString("team"),
        items,
        rs.getString("comment_text"),
        rs.getString("status"),
        submitted == null ? null : submitted.toInstant());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
