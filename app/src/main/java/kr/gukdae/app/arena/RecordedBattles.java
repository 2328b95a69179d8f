package kr.gukdae.app.arena;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import kr.gukdae.Sha256;
import kr.gukdae.arena.Battle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes battles voted elsewhere into the arena's own tables (for {@code gukdae demo}'s simulated
 * voters), so the leaderboard, its slices and the stage evidence all count the same votes. Each
 * battle is blind, voted once, and keeps its time; battle ids carry the given prefix, and a prefix
 * already present is not written twice.
 */
@Component
public class RecordedBattles {

  private final JdbcClient jdbc;

  RecordedBattles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the battles as votes of {@code voterClass} (PUBLIC or EXPERT); returns how many were
   * written (0 when this prefix is already recorded).
   */
  @Transactional
  public int record(String prefix, List<Battle> battles, String voterClass) {
    VoterClass cls = VoterClass.valueOf(voterClass.toUpperCase(Locale.ROOT));
    Integer present =
        jdbc.sql("SELECT COUNT(*) FROM arena_battle WHERE id = ?")
            .param(prefix + "-0")
            .query(Integer.class)
            .single();
    if (present > 0) {
      return 0;
    }
    for (int i = 0; i < battles.size(); i++) {
      Battle b = battles.get(i);
      String id = prefix + "-" + i;
      var at = b.timestamp().atOffset(ZoneOffset.UTC);
      jdbc.sql(
              "INSERT INTO arena_battle (id, voter_id, voter_class, model_a, model_b, category,"
                  + " lang, prompt_hash, weight, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              b.judge(),
              cls.name(),
              b.modelA(),
              b.modelB(),
              b.category(),
              b.language(),
              Sha256.hex(id),
              b.weight(),
              at,
              at.plusHours(2))
          .update();
      jdbc.sql(
              "INSERT INTO arena_vote (battle_id, voter_id, voter_class, outcome, weight, blind,"
                  + " turns, voted_at) VALUES (?, ?, ?, ?, ?, TRUE, 1, ?)")
          .params(id, b.judge(), cls.name(), b.outcome().wireName(), b.weight(), at)
          .update();
    }
    return battles.size();
  }
}
