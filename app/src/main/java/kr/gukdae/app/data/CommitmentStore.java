package kr.gukdae.app.data;

import java.sql.Timestamp;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.commit.Commitments;
import kr.gukdae.data.commit.Manifest;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Training-data commitments: the root goes to the audit ledger (timestamped, hash-chained), the
 * manifest to {@code data_commitment} so claims can be answered later. A stored manifest edited in
 * the database no longer hashes to the ledger's root, and every read checks that.
 */
@Repository
public class CommitmentStore {

  private final JdbcClient jdbc;
  private final Ledger ledger;

  public CommitmentStore(JdbcClient jdbc, Ledger ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  public record Stored(
      String team, String root, long ledgerSeq, String committedAt, int shards, long bytes) {}

  /** Records a manifest whose shards were already checked (or are checked by the caller). */
  public Stored commit(String manifestJson, String source) {
    Manifest m = DataJson.read(source, manifestJson, Manifest.class);
    String root = m.tree().root();
    if (!jdbc.sql("SELECT root FROM data_commitment WHERE team_id = ? AND root = ?")
        .params(m.team(), root)
        .query(String.class)
        .list()
        .isEmpty()) {
      throw UserError.of(
          source + ": 팀 " + m.team() + "은(는) 이미 이 매니페스트를 커밋했습니다 (root " + root + ")",
          source + ": team " + m.team() + " already committed this manifest (root " + root + ")");
    }
    // The ledger entry is the commitment; the row only indexes it. Ledger first: a crash between
    // the two leaves a commitment without its index row (re-committing adds the row), never an
    // index row without a commitment.
    LedgerEntry entry = Commitments.record(ledger, m, manifestJson);
    try {
      jdbc.sql(
              "INSERT INTO data_commitment (root, team_id, ledger_seq, committed_at, manifest) VALUES (?, ?, ?, ?, ?)")
          .params(root, m.team(), entry.seq(), Timestamp.from(entry.timestamp()), manifestJson)
          .update();
    } catch (DuplicateKeyException e) {
      throw UserError.of(
          source + ": 팀 " + m.team() + "은(는) 이미 이 매니페스트를 커밋했습니다",
          source + ": team " + m.team() + " already committed this manifest");
    }
    return new Stored(
        m.team(),
        root,
        entry.seq(),
        entry.timestamp().toString(),
        m.shards().size(),
        m.totalBytes());
  }

  public List<Stored> list(String team) {
    return jdbc.sql(
            "SELECT team_id, root, ledger_seq, committed_at, manifest FROM data_commitment"
                + " WHERE team_id = ? ORDER BY ledger_seq")
        .param(team)
        .query((rs, n) -> {
          Manifest m = DataJson.read("stored manifest", rs.getString(5), Manifest.class);
          return new Stored(
              rs.getString(1),
              rs.getString(2),
              rs.getLong(3),
              rs.getTimestamp(4).toInstant().toString(),
              m.shards().size(),
              m.totalBytes());
        })
        .list();
  }

  /** The committed manifest, after checking it against the root the ledger holds for it. */
  public Manifest manifest(String team, String root) {
    var row =
        jdbc.sql("SELECT manifest, ledger_seq FROM data_commitment WHERE team_id = ? AND root = ?")
            .params(team, root)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
            .optional()
            .orElseThrow(() ->
                UserError.of(
                    "팀 " + team + "에는 root " + root + "인 커밋이 없습니다",
                    "team " + team + " has no commitment with root " + root));
    Manifest m = DataJson.read("stored manifest", (String) row[0], Manifest.class);
    long seq = (Long) row[1];
    LedgerEntry entry =
        ledger.entries().stream()
            .filter(e -> e.seq() == seq)
            .findFirst()
            .orElseThrow(() ->
                UserError.of(
                    "이 커밋의 원장 항목 " + seq + "이(가) 없습니다",
                    "ledger entry " + seq + " of this commitment is missing"));
    String ledgerRoot = DataJson.tree("ledger", entry.payload()).path("root").asString("");
    if (!entry.kind().equals(Commitments.LEDGER_KIND)
        || !ledgerRoot.equals(root)
        || !m.tree().root().equals(root)
        || !entry.recomputedHash().equals(entry.hash())) {
      throw UserError.of(
          team
              + "의 저장된 매니페스트가 원장 항목 "
              + seq
              + "과(와) 맞지 않습니다 (데이터베이스에서 수정되었습니까?). gukdae audit verify를 실행하세요",
          "the stored manifest of "
              + team
              + " does not match ledger entry "
              + seq
              + " (edited in the database?); run gukdae audit verify");
    }
    return m;
  }

  public Commitments.ClaimResult claim(
      String team, String root, String dataset, @Nullable String version) {
    return Commitments.claim(manifest(team, root), root, dataset, version);
  }
}
