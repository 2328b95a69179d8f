package kr.gukdae.app.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Row;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Quality reports per dataset version and round. Round 1 is the first check; each correction (보완 요청
 * → 재검증) adds the next round, and the diff between rounds shows what changed.
 */
@Repository
public class QualityStore {

  private final JdbcClient jdbc;
  private final DataRegistry registry;

  public QualityStore(JdbcClient jdbc, DataRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
  }

  /** Checks the rows as the next round of {@code dataset@version} and stores the report. */
  public QualityReport check(
      String dataset, String version, List<Row> rows, String field, Thresholds limits) {
    if (registry.versions(dataset).stream().noneMatch(v -> v.version().equals(version))) {
      throw new UserError(
          "dataset " + dataset + " has no version '" + version + "'; register the version first");
    }
    int round = rounds(dataset, version).size() + 1;
    QualityReport report = QualityCheck.run(dataset, version, round, rows, field, limits);
    try {
      jdbc.sql(
              "INSERT INTO data_quality_report (dataset_id, version, round, passed, report, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              dataset,
              version,
              round,
              report.passed(),
              DataJson.MAPPER.writeValueAsString(report),
              Timestamp.from(Instant.now()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new UserError(
          "round "
              + round
              + " of "
              + dataset
              + "@"
              + version
              + " was recorded by someone else just now; run the check again");
    }
    return report;
  }

  public List<QualityReport> rounds(String dataset, String version) {
    return jdbc.sql(
            "SELECT report FROM data_quality_report WHERE dataset_id = ? AND version = ? ORDER BY round")
        .params(dataset, version)
        .query((rs, n) -> DataJson.read("stored report", rs.getString(1), QualityReport.class))
        .list();
  }

  /** The diff of a round against the one before it (the latest round when {@code round} is 0). */
  public QualityReport.Diff diff(String dataset, String version, int round) {
    List<QualityReport> all = rounds(dataset, version);
    int to = round == 0 ? all.size() : round;
    if (to < 2 || to > all.size()) {
      throw new UserError(
          dataset
              + "@"
              + version
              + " has "
              + all.size()
              + " round(s); a diff needs a correction round (2 or later)");
    }
    return all.get(to - 2).diff(all.get(to - 1));
  }
}
