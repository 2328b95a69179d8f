package kr.gukdae.app.lineage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.gukdae.lineage.DerivativeCount;
import kr.gukdae.lineage.IngestReport;
import kr.gukdae.lineage.Relation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores derivative counts as evidence rows that the stage engine reads. */
@Repository
public class LineageEvidenceRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  public LineageEvidenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored count, as the stage engine sees it. */
  public record Evidence(
      String id,
      String rootModel,
      @Nullable Instant windowStart,
      @Nullable Instant windowEnd,
      int counted,
      int direct,
      int reached,
      int distinctOwners,
      int finetunes,
      int adapters,
      int merges,
      int quantized,
      String rules,
      String explanation,
      String source,
      long recordsRead,
      long recordsSkipped,
      Instant recordedAt) {}

  public Evidence save(DerivativeCount count, IngestReport report, String source) {
    return save(jdbc, UUID.randomUUID().toString(), count, report, source);
  }

  /**
   * Stores a count under a given id on {@code jdbc} (a caller's transaction, e.g. a lineage job's
   * merge, whose job id is the id: a second store of the same job fails on the key instead of
   * counting twice).
   */
  public static Evidence save(
      JdbcClient jdbc, String id, DerivativeCount count, IngestReport report, String source) {
    Instant now = Instant.now();
    jdbc.sql(
            """
            INSERT INTO lineage_evidence (id, root_model, window_start, window_end, counted,
              direct_count, reached, distinct_owners, finetunes, adapters, merges, quantized,
              rules_json, explanation, source, records_read, records_skipped, recorded_at,
              tree_json, tree_truncated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\
            """)
        // the window bounds are optional: param(…) is the form Spring marks as taking null
        .param(id)
        .param(count.root())
        .param(timestamp(count.rules().since()))
        .param(timestamp(count.rules().until()))
        .params(
            count.counted(),
            count.direct(),
            count.reached(),
            count.distinctOwners(),
            count.byRelation().getOrDefault(Relation.FINETUNE, 0),
            count.byRelation().getOrDefault(Relation.ADAPTER, 0),
            count.byRelation().getOrDefault(Relation.MERGE, 0),
            count.byRelation().getOrDefault(Relation.QUANTIZED, 0),
            JSON.writeValueAsString(count.rules()),
            String.join("\n", count.explanationEn()),
            source.length() > 2000 ? source.substring(0, 2000) : source,
            report.read(),
            report.skipped(),
            Timestamp.from(now),
            JSON.writeValueAsString(count.tree()),
            count.treeTruncated())
        .update();
    return find(jdbc, id);
  }

  public List<Evidence> list(@Nullable String root) {
    String where = root == null ? "" : " WHERE LOWER(root_model) = LOWER(?)";
    var statement =
        jdbc.sql(
            "SELECT * FROM lineage_evidence" + where + " ORDER BY recorded_at DESC, id LIMIT 200");
    if (root != null) {
      statement = statement.param(root);
    }
    return statement.query(LineageEvidenceRepository::row).list();
  }

  /** The tree a count was taken from, as stored with it (empty for counts stored before). */
  public record Tree(
      String id,
      String root,
      int counted,
      boolean truncated,
      tools.jackson.databind.JsonNode tree) {}

  public java.util.Optional<Tree> tree(String id) {
    return jdbc.sql(
            "SELECT id, root_model, counted, tree_json, tree_truncated FROM lineage_evidence"
                + " WHERE id = ?")
        .param(id)
        .query((rs, n) ->
            new Tree(
                rs.getString("id"),
                rs.getString("root_model"),
                rs.getInt("counted"),
                rs.getBoolean("tree_truncated"),
                rs.getString("tree_json") == null
                    ? JSON.createArrayNode()
                    : JSON.readTree(rs.getString("tree_json"))))
        .optional();
  }

  private static Evidence find(JdbcClient jdbc, String id) {
    return jdbc.sql("SELECT * FROM lineage_evidence WHERE id = ?")
        .param(id)
        .query(LineageEvidenceRepository::row)
        .single();
  }

  private static Evidence row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Evidence(
        rs.getString("id"),
        rs.getString("root_model"),
        instant(rs.getTimestamp("window_start")),
        instant(rs.getTimestamp("window_end")),
        rs.getInt("counted"),
        rs.getInt("direct_count"),
        rs.getInt("reached"),
        rs.getInt("distinct_owners"),
        rs.getInt("finetunes"),
        rs.getInt("adapters"),
        rs.getInt("merges"),
        rs.getInt("quantized"),
        rs.getString("rules_json"),
        rs.getString("explanation"),
        rs.getString("source"),
        rs.getLong("records_read"),
        rs.getLong("records_skipped"),
        rs.getTimestamp("recorded_at").toInstant());
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
