package kr.gukdae.app.arena;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Battles and their finished turns in the database. Nothing here touches votes. */
final class BattleStore {

  /** A stored battle. Model names stay server-side until the vote. */
  record BattleRow(
      String id,
      String voterId,
      VoterClass voterClass,
      String modelA,
      String modelB,
      @Nullable Long scenarioId,
      String category,
      String language,
      double weight,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt) {}

  /** A finished turn: the prompt, both answers, and the leaked term if an answer named a model. */
  record TurnRow(
      int turnNo, String prompt, String answerA, String answerB, @Nullable String leak) {}

  private final JdbcClient jdbc;

  BattleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(BattleRow b, String promptHash) {
    jdbc.sql(
            "INSERT INTO arena_battle (id, voter_id, voter_class, model_a, model_b, scenario_id,"
                + " category, lang, prompt_hash, weight, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        // param(…) one at a time: the scenario is optional, and Spring marks only the single-value
        // form as taking null
        .param(b.id())
        .param(b.voterId())
        .param(b.voterClass().name())
        .param(b.modelA())
        .param(b.modelB())
        .param(b.scenarioId())
        .param(b.category())
        .param(b.language())
        .param(promptHash)
        .param(b.weight())
        .param(b.createdAt())
        .param(b.expiresAt())
        .update();
  }

  Optional<BattleRow> find(String id) {
    return jdbc.sql(
            "SELECT id, voter_id, voter_class, model_a, model_b, scenario_id, category, lang,"
                + " weight, created_at, expires_at FROM arena_battle WHERE id = ?")
        .param(id)
        .query((rs, i) ->
            new BattleRow(
                rs.getString(1),
                rs.getString(2),
                VoterClass.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, Long.class),
                rs.getString(7),
                rs.getString(8),
                rs.getDouble(9),
                rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class)))
        .optional();
  }

  int countPrompt(String promptHash) {
    return jdbc.sql("SELECT count(*) FROM arena_battle WHERE prompt_hash = ?")
        .param(promptHash)
        .query(Integer.class)
        .single();
  }

  /** Battles per unordered pair, keyed {@code a|b} with {@code a < b}. */
  Map<String, Long> pairCounts() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("SELECT model_a, model_b, count(*) FROM arena_battle GROUP BY model_a, model_b")
        .query(rs -> {
          counts.merge(pairKey(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
        });
    return counts;
  }

  static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  void insertTurn(String battleId, TurnRow turn, OffsetDateTime finishedAt) {
    jdbc.sql(
            "INSERT INTO arena_turn (battle_id, turn_no, prompt, answer_a, answer_b, leak,"
                + " finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        // the leak is optional: param(…) is the form Spring marks as taking null
        .param(battleId)
        .param(turn.turnNo())
        .param(turn.prompt())
        .param(turn.answerA())
        .param(turn.answerB())
        .param(turn.leak())
        .param(finishedAt)
        .update();
  }

  List<TurnRow> turns(String battleId) {
    return jdbc.sql(
            "SELECT turn_no, prompt, answer_a, answer_b, leak FROM arena_turn"
                + " WHERE battle_id = ? ORDER BY turn_no")
        .param(battleId)
        .query((rs, i) ->
            new TurnRow(
                rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }
}
