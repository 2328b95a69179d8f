package kr.gukdae.app.programmes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import kr.gukdae.UserError;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.ProgramLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Programme versions in the database, validated before they are stored; the latest loaded is the
 * current one. Every feature that works on a programme (review rounds, stage evidence, decisions)
 * reads it from here, so none of them depends on another to know the programme.
 */
@Repository
public class Programmes {

  private final JdbcClient jdbc;

  Programmes(JdbcClient jdbc) {
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
      throw UserError.of(
          source
              + ": 프로그램 '"
              + current.get().program().name()
              + "'이(가) 들어 있는 데이터베이스에는 데모 프로그램을 불러올 수 없습니다."
              + " 데모는 별도의 GUKDAE_HOME(과 GUKDAE_DB_URL)으로 실행하세요",
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
        .query(Programmes::programme)
        .optional();
  }

  public Loaded require() {
    return current()
        .orElseThrow(() ->
            UserError.of(
                "불러온 프로그램이 없습니다. 먼저 'gukdae stage load --program FILE'을 실행하세요",
                "no programme is loaded; run 'gukdae stage load --program FILE' first"));
  }

  public Optional<Loaded> programme(long id) {
    return jdbc.sql("SELECT * FROM stage_programme WHERE id = ?")
        .param(id)
        .query(Programmes::programme)
        .optional();
  }

  private Optional<Loaded> bySha(String sha) {
    return jdbc.sql("SELECT * FROM stage_programme WHERE sha256 = ?")
        .param(sha)
        .query(Programmes::programme)
        .optional();
  }

  private static Loaded programme(ResultSet rs, int n) throws SQLException {
    return new Loaded(
        rs.getLong("id"),
        ProgramLoader.parse(rs.getString("source"), "stored programme " + rs.getLong("id")),
        rs.getString("loaded_by"),
        rs.getObject("loaded_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
