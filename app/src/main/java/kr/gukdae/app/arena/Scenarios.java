package kr.gukdae.app.arena;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The administrator's scenario list and each scenario's rubric criteria. Scenarios are retired,
 * never deleted, and criteria only added: past battles and rubric scores refer to both.
 */
final class Scenarios {

  record Criterion(long id, String name, String description) {}

  record Scenario(
      long id,
      String title,
      String prompt,
      String category,
      String language,
      List<Criterion> criteria,
      boolean retired) {}

  static final int MAX_CRITERIA = 20;

  /** What an administrator submits; validated here because it comes from a form. */
  record Draft(
      String title, String prompt, String category, String language, List<String> criteria) {
    Draft {
      title = Text.required("title", title, 200);
      prompt = Text.required("prompt", prompt, 8000);
      category = Text.required("category", category, 64);
      language = Text.required("language", language, 16);
      if (!category.matches("[a-z0-9_-]+")) {
        throw ArenaException.badRequest(
            "category", "category: 영문 소문자, 숫자, _, -만 사용하세요 / lower-case letters, digits, _ or -");
      }
      if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]+)?")) {
        throw ArenaException.badRequest(
            "language", "language: ko나 en 같은 언어 코드여야 합니다 / a code such as ko or en");
      }
      criteria =
          criteria == null
              ? List.of()
              : criteria.stream().map(c -> Text.required("criteria", c, 200)).toList();
      if (criteria.size() > MAX_CRITERIA) {
        throw ArenaException.badRequest(
            "criteria", "criteria: 시나리오당 최대 20개입니다 / at most 20 per scenario");
      }
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Scenarios(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long create(Draft draft, String admin) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO arena_scenario (title, prompt, category, lang, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            draft.title(),
            draft.prompt(),
            draft.category(),
            draft.language(),
            admin,
            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update(keys, "id");
    long id = generatedId(keys);
    for (int i = 0; i < draft.criteria().size(); i++) {
      jdbc.sql(
              "INSERT INTO arena_criterion (scenario_id, name, description, sort_no)"
                  + " VALUES (?, ?, '', ?)")
          .params(id, draft.criteria().get(i), i)
          .update();
    }
    return id;
  }

  /** Criterion an administrator adds to an existing scenario. */
  record CriterionDraft(String name, String description) {
    CriterionDraft {
      name = Text.required("name", name, 200);
      description =
          description == null || description.isBlank()
              ? ""
              : Text.required("description", description, 2000);
    }
  }

  /** The scenarios offered to voters (not retired). */
  List<Scenario> list() {
    return all().stream().filter(s -> !s.retired()).toList();
  }

  /** Every scenario, retired ones included, for administrators. */
  List<Scenario> all() {
    return jdbc
        .sql("SELECT id FROM arena_scenario ORDER BY id")
        .query((rs, n) -> rs.getLong(1))
        .list()
        .stream()
        .map(id -> findAny(id).orElseThrow())
        .toList();
  }

  /** A scenario a new battle may use: retired ones are not found. */
  Optional<Scenario> find(long id) {
    return findAny(id).filter(s -> !s.retired());
  }

  long addCriterion(long scenarioId, CriterionDraft draft) {
    Scenario scenario =
        findAny(scenarioId)
            .orElseThrow(() ->
                ArenaException.notFound(
                    "시나리오 " + scenarioId + "이(가) 없습니다 / no scenario " + scenarioId));
    if (scenario.criteria().size() >= MAX_CRITERIA) {
      throw ArenaException.badRequest(
          "criteria", "criteria: 시나리오당 최대 20개입니다 / at most 20 per scenario");
    }
    int sortNo =
        jdbc.sql("SELECT COALESCE(MAX(sort_no), -1) + 1 FROM arena_criterion WHERE scenario_id = ?")
            .param(scenarioId)
            .query(Integer.class)
            .single();
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO arena_criterion (scenario_id, name, description, sort_no)"
                + " VALUES (?, ?, ?, ?)")
        .params(scenarioId, draft.name(), draft.description(), sortNo)
        .update(keys, "id");
    return generatedId(keys);
  }

  /** Retires (hides) or restores a scenario; returns false when there is no such scenario. */
  boolean setRetired(long id, boolean retired) {
    if (!retired) {
      return jdbc.sql("UPDATE arena_scenario SET retired_at = NULL WHERE id = ?").param(id).update()
          == 1;
    }
    return jdbc.sql("UPDATE arena_scenario SET retired_at = ? WHERE id = ?")
            .param(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .param(id)
            .update()
        == 1;
  }

  /** Any scenario, retired or not (rubric scores of older battles still need its criteria). */
  Optional<Scenario> findAny(long id) {
    List<Criterion> criteria =
        jdbc.sql(
                "SELECT id, name, description FROM arena_criterion WHERE scenario_id = ?"
                    + " ORDER BY sort_no")
            .param(id)
            .query((rs, i) -> new Criterion(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .list();
    return jdbc.sql(
            "SELECT id, title, prompt, category, lang, retired_at FROM arena_scenario WHERE id = ?")
        .param(id)
        .query((rs, i) ->
            new Scenario(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                criteria,
                rs.getObject(6) != null))
        .optional();
  }

  /** The id the database generated for the row just inserted (the column is NOT NULL). */
  private static long generatedId(GeneratedKeyHolder keys) {
    Number key = keys.getKey();
    if (key == null) {
      throw new IllegalStateException("the database returned no generated id");
    }
    return key.longValue();
  }
}
