package kr.gukdae.app.arena;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expert rubric ratings: per scenario criterion, a 1-5 score and a comment for each side. Like
 * votes they are insert-only; one set per expert, battle, side and criterion.
 */
final class Rubrics {

  record Score(@Nullable String side, long criterionId, int score, @Nullable String comment) {}

  /** Mean score of a model on one criterion of one scenario. */
  record Summary(long scenarioId, String criterion, String model, double mean, int ratings) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate tx;

  Rubrics(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = tx;
  }

  void rate(
      Voter voter, BattleStore.BattleRow battle, Scenarios.Scenario scenario, List<Score> scores) {
    if (!voter.voterClass().isExpert() || voter.username() == null) {
      throw ArenaException.forbidden(
          "루브릭 평가는 전문가 계정만 할 수 있습니다. 먼저 로그인하세요 / rubric ratings are for expert accounts; log in first");
    }
    if (scores == null || scores.isEmpty()) {
      throw ArenaException.badRequest(
          "scores", "scores: 기준 점수를 하나 이상 주세요 / give at least one criterion score");
    }
    Set<Long> criteria = new HashSet<>();
    scenario.criteria().forEach(c -> criteria.add(c.id()));
    for (Score s : scores) {
      if (!"A".equals(s.side()) && !"B".equals(s.side())) {
        throw ArenaException.badRequest("side", "scores[].side: A 또는 B여야 합니다 / A or B");
      }
      if (!criteria.contains(s.criterionId())) {
        throw ArenaException.badRequest(
            "criterionId",
            "scores[].criterionId "
                + s.criterionId()
                + "은(는) 이 시나리오의 기준이 아닙니다 / scores[].criterionId "
                + s.criterionId()
                + " is not a criterion of this scenario");
      }
      if (s.score() < 1 || s.score() > 5) {
        throw ArenaException.badRequest(
            "score",
            "scores[].score: 1에서 5 사이여야 합니다 (받은 값 " + s.score() + ") / 1 to 5, got " + s.score());
      }
      if (s.comment() != null && s.comment().length() > 2000) {
        throw ArenaException.badRequest(
            "comment", "scores[].comment: 최대 2000자입니다 / at most 2000 characters");
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    try {
      // All or nothing: a half-saved rubric would bias the means.
      tx.executeWithoutResult(status ->
          scores.forEach(s ->
              jdbc.sql(
                      "INSERT INTO arena_rubric_score (battle_id, side, criterion_id,"
                          + " username, score, comment_text, rated_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                  .params(
                      battle.id(),
                      side(s),
                      s.criterionId(),
                      voter.accountName(),
                      s.score(),
                      s.comment() == null ? "" : s.comment().strip(),
                      now)
                  .update()));
    } catch (DuplicateKeyException e) {
      throw new ArenaException(
          HttpStatus.CONFLICT,
          "already_rated",
          "이미 이 대결을 평가했습니다. 평가는 바꿀 수 없습니다 / you already rated this battle; ratings are final");
    }
  }

  List<Summary> summary() {
    return jdbc.sql(
            "SELECT c.scenario_id, c.name,"
                + " CASE WHEN r.side = 'A' THEN b.model_a ELSE b.model_b END AS model,"
                + " AVG(CAST(r.score AS DOUBLE PRECISION)), COUNT(*)"
                + " FROM arena_rubric_score r"
                + " JOIN arena_battle b ON b.id = r.battle_id"
                + " JOIN arena_criterion c ON c.id = r.criterion_id"
                + " GROUP BY c.scenario_id, c.sort_no, c.name,"
                + " CASE WHEN r.side = 'A' THEN b.model_a ELSE b.model_b END"
                + " ORDER BY c.scenario_id, c.sort_no, 4 DESC")
        .query((rs, i) ->
            new Summary(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getInt(5)))
        .list();
  }

  /** The side of a score {@link #rate} has already checked to be A or B. */
  private static String side(Score s) {
    return "B".equals(s.side()) ? "B" : "A";
  }
}
