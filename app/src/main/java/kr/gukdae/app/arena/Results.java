package kr.gukdae.app.arena;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the vote record for the leaderboard, exports and integrity reports. Only blind votes count:
 * a battle whose answer named a model or vendor is kept as evidence but left out here.
 */
final class Results {

  /** A slice of the votes; null fields mean "all". */
  record Filter(
      @Nullable String category, @Nullable String language, @Nullable VoterClass voterClass) {}

  /** One counted vote with everything the ratings and the export need. */
  record VoteRow(
      String battleId,
      String modelA,
      String modelB,
      Outcome outcome,
      String voterId,
      VoterClass voterClass,
      String category,
      String language,
      double weight,
      int turns,
      OffsetDateTime votedAt) {

    /** The vote as a battle carrying its recorded duplicate-prompt weight. */
    Battle battle() {
      return new Battle(modelA, modelB, outcome, votedAt.toInstant(), voterId, language, category)
          .withWeight(weight);
    }
  }

  /** How many battles were left out because an answer named a model or vendor. */
  record Excluded(String battleId, String leak) {}

  private final JdbcClient jdbc;

  Results(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<VoteRow> votes(Filter filter) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT v.battle_id, b.model_a, b.model_b, v.outcome, v.voter_id, v.voter_class,"
                + " b.category, b.lang, v.weight, v.turns, v.voted_at"
                + " FROM arena_vote v JOIN arena_battle b ON b.id = v.battle_id WHERE v.blind");
    List<Object> params = new ArrayList<>();
    if (filter.category() != null) {
      sql.append(" AND b.category = ?");
      params.add(filter.category());
    }
    if (filter.language() != null) {
      sql.append(" AND b.lang = ?");
      params.add(filter.language());
    }
    if (filter.voterClass() != null) {
      sql.append(" AND v.voter_class = ?");
      params.add(filter.voterClass().name());
    }
    sql.append(" ORDER BY v.voted_at, v.battle_id");
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, i) ->
            new VoteRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Outcome.fromWire(rs.getString(4)),
                rs.getString(5),
                VoterClass.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getDouble(9),
                rs.getInt(10),
                rs.getObject(11, OffsetDateTime.class)))
        .list();
  }

  List<Excluded> excluded() {
    return jdbc.sql("SELECT battle_id, leak FROM arena_vote WHERE NOT blind ORDER BY voted_at")
        .query((rs, i) -> new Excluded(rs.getString(1), rs.getString(2)))
        .list();
  }
}
