package kr.gukdae.app.arena;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kr.gukdae.app.arena.BattleStore.BattleRow;
import kr.gukdae.app.arena.BattleStore.TurnRow;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns being generated, in {@code arena_stream}, so every web instance sees the same answer: a
 * vote on instance B waits for a turn instance A is still generating, a stream opened on B follows
 * A's answer, and two follow-ups sent to two instances at once start one turn. Starting a
 * follow-up, storing a finished turn and admitting a vote each lock the battle row first, so a vote
 * always covers exactly the turns stored, and no turn is added once the vote is in.
 */
final class StreamStore {

  /** How often the generating instance writes the answers so far (when they changed). */
  static final Duration FLUSH = Duration.ofMillis(200);

  /** It writes at least this often, answers changed or not: the sign that it is alive. */
  static final Duration HEARTBEAT = Duration.ofSeconds(2);

  /**
   * A live turn not written for this long belongs to an instance that died (or lost the database):
   * it no longer blocks votes or follow-ups, and streams following it end.
   */
  static final Duration STALE = Duration.ofSeconds(20);

  /** A live turn as last written by the instance generating it. */
  record Snapshot(
      int turnNo, String answerA, String answerB, boolean doneA, boolean doneB, boolean fresh) {}

  /** A follow-up turn that may start now, with the turns before it. */
  record Opened(int turnNo, List<TurnRow> history) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final BattleStore battles;
  private final Clock clock;

  StreamStore(JdbcClient jdbc, TransactionTemplate tx, BattleStore battles, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.battles = battles;
    this.clock = clock;
  }

  /** A new battle and its first live turn, in one transaction. */
  void startBattle(BattleRow battle, String promptHash, String owner) {
    tx.executeWithoutResult(s -> {
      battles.insert(battle, promptHash);
      insert(battle.id(), 1, owner);
    });
  }

  /**
   * Opens the next turn of a battle under its row lock, with the checks of a follow-up in their
   * usual order: voted, expired, still streaming, too many turns.
   */
  Opened openFollowUp(BattleRow battle, int maxTurns, String owner) {
    return tx.execute(s -> {
      lock(battle.id());
      if (voted(battle.id())) {
        throw new ArenaException(
            HttpStatus.CONFLICT, "already_voted", "이 대결은 끝났습니다 / this battle is over");
      }
      if (!battle.expiresAt().isAfter(now())) {
        throw new ArenaException(
            HttpStatus.GONE,
            "expired",
            "이 대결은 만료되었습니다. 새 대결을 시작하세요 / this battle expired; start a new one");
      }
      if (streaming(battle.id())) {
        throw new ArenaException(
            HttpStatus.CONFLICT,
            "streaming",
            "두 답변이 모두 끝날 때까지 기다리세요 / wait until both answers have finished");
      }
      List<TurnRow> turns = battles.turns(battle.id());
      if (turns.size() >= maxTurns) {
        throw new ArenaException(
            HttpStatus.CONFLICT,
            "max_turns",
            "최대 " + maxTurns + "턴입니다. 이제 투표하세요 / at most " + maxTurns + " turns; vote now");
      }
      // a dead instance's turn: never stored, now replaced
      jdbc.sql("DELETE FROM arena_stream WHERE battle_id = ?").param(battle.id()).update();
      insert(battle.id(), turns.size() + 1, owner);
      return new Opened(turns.size() + 1, turns);
    });
  }

  /** The answers so far, written by the generating instance; false if its turn was taken over. */
  boolean write(String battleId, String owner, Snapshot s) {
    return jdbc.sql(
                "UPDATE arena_stream SET answer_a = ?, answer_b = ?, done_a = ?, done_b = ?,"
                    + " beat_at = ? WHERE battle_id = ? AND owner = ?")
            .params(s.answerA(), s.answerB(), s.doneA(), s.doneB(), now(), battleId, owner)
            .update()
        == 1;
  }

  /**
   * Stores the finished turn and ends the live one, together. Nothing is stored when the live turn
   * is no longer this owner's (taken over after it went stale) or the battle got its vote
   * meanwhile.
   */
  boolean finish(String battleId, String owner, TurnRow turn) {
    return Boolean.TRUE.equals(
        tx.execute(s -> {
          lock(battleId);
          int ended =
              jdbc.sql("DELETE FROM arena_stream WHERE battle_id = ? AND owner = ?")
                  .params(battleId, owner)
                  .update();
          if (ended == 0 || voted(battleId)) {
            return false;
          }
          battles.insertTurn(battleId, turn, now());
          return true;
        }));
  }

  /** Whether a turn of this battle is being generated by a live instance. */
  boolean streaming(String battleId) {
    return jdbc.sql("SELECT count(*) FROM arena_stream WHERE battle_id = ? AND beat_at > ?")
            .params(battleId, now().minus(STALE))
            .query(Integer.class)
            .single()
        > 0;
  }

  @Nullable Snapshot read(String battleId) {
    OffsetDateTime fresh = now().minus(STALE);
    return jdbc.sql(
            "SELECT turn_no, answer_a, answer_b, done_a, done_b, beat_at FROM arena_stream"
                + " WHERE battle_id = ?")
        .param(battleId)
        .query((rs, i) ->
            new Snapshot(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class).isAfter(fresh)))
        .optional()
        .orElse(null);
  }

  private void insert(String battleId, int turnNo, String owner) {
    jdbc.sql(
            "INSERT INTO arena_stream (battle_id, turn_no, owner, answer_a, answer_b, done_a,"
                + " done_b, beat_at) VALUES (?, ?, ?, '', '', FALSE, FALSE, ?)")
        .params(battleId, turnNo, owner, now())
        .update();
  }

  private void lock(String battleId) {
    jdbc.sql("SELECT id FROM arena_battle WHERE id = ? FOR UPDATE")
        .param(battleId)
        .query(String.class)
        .list();
  }

  private boolean voted(String battleId) {
    return jdbc.sql("SELECT count(*) FROM arena_vote WHERE battle_id = ?")
            .param(battleId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
