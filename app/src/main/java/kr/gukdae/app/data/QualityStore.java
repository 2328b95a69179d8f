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

  public boolean hasVersion(String dataset, String version) {
    return registry.versions(dataset).stream().anyMatch(v -> v.version().equals(version));
  }

  /** Whether {@code team} built this version or holds an agreement for its dataset. */
  public boolean concerns(
      String dataset, String version, @org.jspecify.annotations.Nullable String team) {
    if (team == null) {
      return false;
    }
    boolean built =
        registry.versions(dataset).stream()
            .anyMatch(v -> v.version().equals(version) && team.equals(v.builtBy()));
    return built || registry.agreements(team).stream().anyMatch(a -> a.dataset().equals(dataset));
  }

  /** Checks the rows as the next round of {@code dataset@version} and stores the report. */
  public QualityReport check(
      String dataset, String version, List<Row> rows, String field, Thresholds limits) {
    return check(dataset, version, rows::forEach, field, limits);
  }

  /** As {@link #check(String, String, List, String, Thresholds)}, the rows streamed. */
  public QualityReport check(
      String dataset,
      String version,
      QualityCheck.RowSource rows,
      String field,
      Thresholds limits) {
    if (!hasVersion(dataset, version)) {
      throw UserError.of(
          "데이터셋 " + dataset + "에 버전 '" + version + "'이(가) 없습니다. 먼저 버전을 등록하세요",
          "dataset " + dataset + " has no version '" + version + "'; register the version first");
    }
    int round = rounds(dataset, version).size() + 1;
    QualityReport report = QualityCheck.run(dataset, version, round, rows, field, limits);
    insert(jdbc, report);
    return report;
  }

  /**
   * Stores a report computed elsewhere (a quality job's join) as the next round of its dataset
   * version, exactly as {@link #check} stores a direct check: the same row, so the same REST and
   * web views and diffs show it. Runs inside the caller's transaction; the round is numbered here.
   */
  public static QualityReport recordNextRound(JdbcClient jdbc, QualityReport report) {
    boolean registered =
        jdbc.sql("SELECT COUNT(*) FROM data_version WHERE dataset_id = ? AND version = ?")
                .params(report.dataset(), report.version())
                .query(Long.class)
                .single()
            > 0;
    if (!registered) {
      throw UserError.of(
          "데이터셋 " + report.dataset() + "에 버전 '" + report.version() + "'이(가) 없습니다. 먼저 버전을 등록하세요",
          "dataset "
              + report.dataset()
              + " has no version '"
              + report.version()
              + "'; register the version first");
    }
    int round =
        jdbc.sql(
                    "SELECT COALESCE(MAX(round), 0) FROM data_quality_report"
                        + " WHERE dataset_id = ? AND version = ?")
                .params(report.dataset(), report.version())
                .query(Integer.class)
                .single()
            + 1;
    QualityReport numbered =
        new QualityReport(
            report.dataset(),
            report.version(),
            round,
            report.rows(),
            report.criteria(),
            report.languageMix(),
            report.findings());
    insert(jdbc, numbered);
    return numbered;
  }

  /** One round's row; a round taken meanwhile by someone else is a clear refusal. */
  private static void insert(JdbcClient jdbc, QualityReport report) {
    String dataset = report.dataset();
    String version = report.version();
    int round = report.round();
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
      throw UserError.of(
          dataset + "@" + version + "의 " + round + "회차를 방금 다른 사람이 기록했습니다. 검사를 다시 실행하세요",
          "round "
              + round
              + " of "
              + dataset
              + "@"
              + version
              + " was recorded by someone else just now; run the check again");
    }
  }

  /** The limits in force and where they came from; revision 0 is the built-in default. */
  public record Limits(
      int revision,
      Thresholds thresholds,
      String reason,
      String setBy,
      @org.jspecify.annotations.Nullable Instant setAt) {}

  public Limits limits() {
    return jdbc.sql(
            "SELECT revision, thresholds, reason, set_by, set_at FROM data_quality_thresholds"
                + " ORDER BY revision DESC LIMIT 1")
        .query((rs, n) ->
            new Limits(
                rs.getInt(1),
                DataJson.read(
                    "data_quality_thresholds " + rs.getInt(1), rs.getString(2), Thresholds.class),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
        .optional()
        .orElse(new Limits(0, Thresholds.DEFAULT, "built-in default", "gukdae", null));
  }

  /**
   * Records new limits on top of revision {@code replaces} (the one the office read). A stale
   * revision is refused, so two offices editing at once cannot overwrite each other unseen.
   */
  public Limits setLimits(Thresholds t, int replaces, String reason, String by) {
    if (reason == null || reason.isBlank()) {
      throw UserError.of(
          "reason: 기준을 바꾸는 이유를 적으세요 (예: 사업 공고)",
          "reason: say why the limits change (e.g. the programme's notice)");
    }
    if (reason.length() > 1000) {
      throw UserError.of("reason: 최대 1000자까지 입력할 수 있습니다", "reason: at most 1000 characters");
    }
    int current = limits().revision();
    if (replaces != current) {
      throw UserError.of(
          "revision: 현재 적용 중인 기준은 " + replaces + "판이 아니라 " + current + "판입니다. 다시 읽고 변경을 다시 적용하세요",
          "revision: the limits in force are revision "
              + current
              + ", not "
              + replaces
              + "; read them again and re-apply the change");
    }
    try {
      jdbc.sql(
              "INSERT INTO data_quality_thresholds (revision, thresholds, reason, set_by, set_at)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(
              current + 1,
              DataJson.MAPPER.writeValueAsString(t),
              reason.strip(),
              by,
              Timestamp.from(Instant.now()))
          .update();
    } catch (DuplicateKeyException e) {
      throw UserError.of(
          "revision: 방금 다른 사람이 기준을 바꿨습니다 (판 " + (current + 1) + "). 다시 읽고 변경을 다시 적용하세요",
          "revision: someone else changed the limits just now (revision "
              + (current + 1)
              + "); read them again and re-apply the change");
    }
    return limits();
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
      throw UserError.of(
          dataset + "@" + version + "에는 " + all.size() + "개 회차만 있습니다. 비교하려면 수정 회차(2회차 이후)가 필요합니다",
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
