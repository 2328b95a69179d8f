package kr.gukdae.app.data;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kr.gukdae.UserError;
import kr.gukdae.data.registry.Agreement;
import kr.gukdae.data.registry.Croissant;
import kr.gukdae.data.registry.DatasetEntry;
import kr.gukdae.data.registry.Openness;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dataset registry in the database. Every write checks first and writes in one transaction, so
 * a refused input leaves nothing behind; ids are primary keys, so two clients racing to register
 * the same id get one success and one clear refusal.
 */
@Repository
public class DataRegistry {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  @Autowired
  public DataRegistry(JdbcClient jdbc, TransactionTemplate tx) {
    this(jdbc, tx, Clock.systemUTC());
  }

  DataRegistry(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  public record Supplier(String id, String name, boolean freeHelp) {}

  public record Team(String id, boolean commercialRelease) {}

  public record Version(
      String dataset,
      String version,
      long bytes,
      long records,
      @Nullable String sha256,
      @Nullable String builtBy,
      boolean opened) {}

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }

  public void addSupplier(@Nullable String id, @Nullable String name, boolean freeHelp) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
      throw UserError.of(
          "공급자 ID '" + id + "': 영문 소문자, 숫자, '.', '_', '-'만 사용하세요",
          "supplier id '" + id + "': use lower-case letters, digits, '.', '_', '-'");
    }
    if (name == null || name.isBlank() || name.length() > 300) {
      throw UserError.of("supplier name: 1~300자로 입력하세요", "supplier name: 1-300 characters");
    }
    insert(
        "supplier " + id,
        () ->
            jdbc.sql(
                    "INSERT INTO data_supplier (id, name, free_help, created_at) VALUES (?, ?, ?, ?)")
                .params(id, name.strip(), freeHelp, now())
                .update());
  }

  public void addTeam(@Nullable String id, boolean commercialRelease) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
      throw UserError.of(
          "팀 ID '" + id + "': 영문 소문자, 숫자, '.', '_', '-'만 사용하세요",
          "team id '" + id + "': use lower-case letters, digits, '.', '_', '-'");
    }
    insert(
        "team " + id,
        () ->
            jdbc.sql("INSERT INTO data_team (id, commercial_release) VALUES (?, ?)")
                .params(id, commercialRelease)
                .update());
  }

  /** Marks a team for commercial release; its non-commercial grants stop counting from now. */
  public List<String> markCommercial(String team, boolean commercial) {
    team(team);
    jdbc.sql("UPDATE data_team SET commercial_release = ? WHERE id = ?")
        .params(commercial, team)
        .update();
    if (!commercial) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id FROM data_agreement WHERE team_id = ? AND commercial = FALSE ORDER BY id")
        .param(team)
        // a row mapper, not query(String.class), which types each value nullable: id is the key
        .query((rs, n) -> rs.getString(1))
        .list();
  }

  public Team team(String id) {
    return jdbc.sql("SELECT id, commercial_release FROM data_team WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Team(rs.getString(1), rs.getBoolean(2)))
        .optional()
        .orElseThrow(() ->
            UserError.of(
                "팀 '" + id + "'은(는) 데이터 사무국에 등록되지 않았습니다. 먼저 등록하세요 (gukdae registry team add)",
                "team '"
                    + id
                    + "' is unknown to the data office; register it first (gukdae registry team add)"));
  }

  public Supplier supplier(String id) {
    return jdbc.sql("SELECT id, name, free_help FROM data_supplier WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Supplier(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .optional()
        .orElseThrow(() ->
            UserError.of(
                "공급자 '" + id + "'은(는) 등록되지 않았습니다. 먼저 추가하세요",
                "supplier '" + id + "' is not registered; add it first"));
  }

  public List<Supplier> suppliers() {
    return jdbc.sql("SELECT id, name, free_help FROM data_supplier ORDER BY id")
        .query((rs, n) -> new Supplier(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .list();
  }

  public List<Team> teams() {
    return jdbc.sql("SELECT id, commercial_release FROM data_team ORDER BY id")
        .query((rs, n) -> new Team(rs.getString(1), rs.getBoolean(2)))
        .list();
  }

  public void addDataset(DatasetEntry d) {
    supplier(d.supplier());
    insert(
        "dataset " + d.id(),
        () ->
            jdbc.sql(
                    """
                    INSERT INTO data_dataset (id, supplier_id, title, modality, licence, rights_basis,
                      usage_who, usage_purpose, commercial, term_start, term_end, delivery, price_krw,
                      provenance, government_funded, description, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\
                    """)
                .params(
                    d.id(),
                    d.supplier(),
                    d.title(),
                    d.modality().name(),
                    d.licence(),
                    d.rightsBasis(),
                    d.usage().who(),
                    d.usage().purpose(),
                    d.usage().commercial(),
                    d.term().start(),
                    d.term().end(),
                    d.delivery(),
                    d.priceKrw(),
                    d.provenance().source(),
                    d.provenance().governmentFunded())
                // param(…): the description is optional, and Spring marks only this form nullable
                .param(d.description())
                .param(now())
                .update());
  }

  public Optional<DatasetEntry> findDataset(String id) {
    return jdbc.sql(
            """
            SELECT id, supplier_id, title, modality, licence, rights_basis, usage_who, usage_purpose,
              commercial, term_start, term_end, delivery, price_krw, provenance, government_funded,
              description FROM data_dataset WHERE id = ?\
            """)
        .param(id)
        .query((rs, n) ->
            new DatasetEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                DatasetEntry.Modality.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                new DatasetEntry.Usage(rs.getString(7), rs.getString(8), rs.getBoolean(9)),
                new DatasetEntry.Term(
                    rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class)),
                rs.getString(12),
                rs.getLong(13),
                new DatasetEntry.Provenance(rs.getString(14), rs.getBoolean(15)),
                rs.getString(16)))
        .optional();
  }

  public DatasetEntry dataset(String id) {
    return findDataset(id)
        .orElseThrow(() ->
            UserError.of(
                "데이터셋 '" + id + "'은(는) 등록되지 않았습니다", "dataset '" + id + "' is not registered"));
  }

  public List<DatasetEntry> datasets() {
    // a row mapper, not query(String.class), which types each value nullable: id is the key
    return jdbc
        .sql("SELECT id FROM data_dataset ORDER BY id")
        .query((rs, n) -> rs.getString(1))
        .list()
        .stream()
        .map(this::dataset)
        .toList();
  }

  public void addVersion(Version v) {
    dataset(v.dataset());
    if (v.version() == null || !v.version().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
      throw UserError.of(
          "버전 '" + v.version() + "': 영문자, 숫자, '.', '_', '-'만 사용하세요",
          "version '" + v.version() + "': use letters, digits, '.', '_', '-'");
    }
    if (v.bytes() < 0 || v.records() < 0) {
      throw UserError.of(
          "version " + v.version() + ": bytes와 records는 0 이상이어야 합니다",
          "version " + v.version() + ": bytes and records must be >= 0");
    }
    if (v.sha256() != null && !v.sha256().matches("[0-9a-f]{64}")) {
      throw UserError.of(
          "version " + v.version() + ": sha256은 소문자 16진수 64자리여야 합니다",
          "version " + v.version() + ": sha256 must be 64 lower-case hex digits");
    }
    if (v.builtBy() != null) {
      team(v.builtBy());
    }
    insert(
        "version " + v.dataset() + "@" + v.version(),
        () ->
            jdbc.sql(
                    """
                    INSERT INTO data_version (dataset_id, version, bytes, records, sha256, built_by, opened,
                      created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)\
                    """)
                .params(v.dataset(), v.version(), v.bytes(), v.records())
                // param(…): hash and builder are optional, and Spring marks only this form nullable
                .param(v.sha256())
                .param(v.builtBy())
                .params(v.opened(), now())
                .update());
  }

  public List<Version> versions(@Nullable String dataset) {
    String where = dataset == null ? "" : " WHERE dataset_id = ?";
    var spec =
        jdbc.sql(
            "SELECT dataset_id, version, bytes, records, sha256, built_by, opened FROM data_version"
                + where
                + " ORDER BY dataset_id, created_at, version");
    if (dataset != null) {
      spec = spec.param(dataset);
    }
    return spec.query((rs, n) ->
            new Version(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7)))
        .list();
  }

  /** Records an agreement after checking team, dataset, terms and the one it replaces. */
  public void addAgreement(Agreement a) {
    tx.executeWithoutResult(status -> {
      team(a.team());
      supplier(a.supplier());
      DatasetEntry d = dataset(a.dataset());
      a.checkAgainst(d);
      if (a.end().isBefore(today())) {
        throw UserError.of(
            "agreement "
                + a.id()
                + ": 계약 기간이 "
                + a.end()
                + "에 끝났습니다. 만료된 허가는 기록할 수 없으니 새 기간으로 갱신하세요",
            "agreement "
                + a.id()
                + ": its term ended on "
                + a.end()
                + "; an expired grant cannot be recorded, renew it with new dates");
      }
      if (a.replaces() != null) {
        var old =
            agreements(a.team()).stream()
                .filter(o -> o.id().equals(a.replaces()))
                .findFirst()
                .orElseThrow(() ->
                    UserError.of(
                        "agreement "
                            + a.id()
                            + ": 대체하려는 '"
                            + a.replaces()
                            + "'은(는) 팀 "
                            + a.team()
                            + "의 계약이 아닙니다",
                        "agreement "
                            + a.id()
                            + ": replaces '"
                            + a.replaces()
                            + "', which is not an agreement of team "
                            + a.team()));
        if (!old.dataset().equals(a.dataset())) {
          throw UserError.of(
              "agreement " + a.id() + ": 다른 데이터셋의 계약을 대체할 수 없습니다",
              "agreement " + a.id() + ": replaces an agreement for another dataset");
        }
      }
      insert(
          "agreement " + a.id(),
          () ->
              jdbc.sql(
                      """
                      INSERT INTO data_agreement (id, supplier_id, team_id, dataset_id, commercial, term_start,
                        term_end, replaces, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)\
                      """)
                  .params(
                      a.id(),
                      a.supplier(),
                      a.team(),
                      a.dataset(),
                      a.commercial(),
                      a.start(),
                      a.end())
                  // param(…): most agreements replace none, and Spring marks this form nullable
                  .param(a.replaces())
                  .param(now())
                  .update());
    });
  }

  public List<Agreement> agreements(@Nullable String team) {
    String where = team == null ? "" : " WHERE team_id = ?";
    var spec =
        jdbc.sql(
            "SELECT id, supplier_id, team_id, dataset_id, commercial, term_start, term_end,"
                + " replaces FROM data_agreement"
                + where
                + " ORDER BY id");
    if (team != null) {
      spec = spec.param(team);
    }
    return spec.query((rs, n) ->
            new Agreement(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class),
                rs.getString(8)))
        .list();
  }

  /** Whether {@code team} may use {@code dataset} on {@code day} (today when null). */
  public Agreement.Decision access(String team, String dataset, @Nullable LocalDate day) {
    Team t = team(team);
    return Agreement.decide(
        agreements(team),
        dataset(dataset),
        team,
        t.commercialRelease(),
        day == null ? today() : day);
  }

  public java.util.Map<String, Object> croissant(String id) {
    DatasetEntry d = dataset(id);
    List<Croissant.VersionFile> files =
        versions(id).stream()
            .map(v -> new Croissant.VersionFile(v.version(), v.bytes(), v.records(), v.sha256()))
            .toList();
    return Croissant.export(d, supplier(d.supplier()).name(), files);
  }

  /** Built vs opened volume of the datasets {@code team} built, flagged before stage dates. */
  public Openness.Status openness(
      String team, Openness.Unit unit, double share, List<LocalDate> stageDates) {
    team(team);
    List<long[]> rows =
        jdbc.sql("SELECT bytes, records, opened FROM data_version WHERE built_by = ?")
            .param(team)
            .query((rs, n) ->
                new long[] {
                  unit == Openness.Unit.BYTES ? rs.getLong(1) : rs.getLong(2),
                  rs.getBoolean(3) ? 1 : 0
                })
            .list();
    return Openness.of(team, unit, rows, share, stageDates, today());
  }

  private void insert(String what, Runnable write) {
    try {
      write.run();
    } catch (DuplicateKeyException e) {
      throw UserError.of(
          what + "은(는) 이미 등록되어 있습니다. 다른 ID를 고르세요",
          what + " is already registered; choose another id");
    }
  }
}
