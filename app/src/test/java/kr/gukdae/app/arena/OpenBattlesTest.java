package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.gukdae.arena.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Votes answered from memory must match votes answered from the database, refusals included. */
class OpenBattlesTest {

  private static final List<String> LEAKY = List.of("scripted/alpha", "scripted/leaky");

  private static Map<String, Object> voteRow(ArenaFixture db, String battleId) {
    Map<String, Object> row =
        db.jdbc
            .sql("SELECT * FROM arena_vote WHERE battle_id = ?")
            .param(battleId)
            .query()
            .singleRow();
    row.remove("battle_id");
    return row;
  }

  private static String code(Runnable call) {
    try {
      call.run();
    } catch (ArenaException e) {
      return e.code();
    }
    return "accepted";
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aRestartedServerReadsTheSameFactsFromTheDatabase(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    Voter me;
    Voter other;
    String fromMemory;
    String fromDatabase;
    Votes.Reveal memoryReveal;
    List<String> memoryRefusals;
    try (Arena arena = db.arena(ArenaFixture.settings(LEAKY, 100, 100))) {
      me = arena.sessions().openPublic().voter();
      other = arena.sessions().openPublic().voter();
      String[] ids = new String[2];
      for (int i = 0; i < 2; i++) {
        // Two turns, the same prompts: identical facts, one voted now and one after a restart.
        ids[i] = arena.battles().start(me, "같은 질문", null).battleId();
        ArenaFixture.awaitAnswers(arena, ids[i]);
        arena.battles().followUp(me, ids[i], "a follow-up", false);
        ArenaFixture.awaitAnswers(arena, ids[i]);
      }
      fromMemory = ids[0];
      fromDatabase = ids[1];
      assertThat(db.count("arena_vote")).isZero();
      memoryRefusals =
          List.of(
              code(() -> arena.votes().vote(other, fromMemory, Outcome.MODEL_A)),
              code(() -> arena.votes().vote(me, "no-such-battle", Outcome.MODEL_A)));
      memoryReveal = arena.votes().vote(me, fromMemory, Outcome.MODEL_B);
      assertThat(code(() -> arena.votes().vote(me, fromMemory, Outcome.TIE)))
          .isEqualTo("already_voted");
    }
    try (Arena restarted = db.arena(ArenaFixture.settings(LEAKY, 100, 100))) {
      assertThat(
              List.of(
                  code(() -> restarted.votes().vote(other, fromDatabase, Outcome.MODEL_A)),
                  code(() -> restarted.votes().vote(me, "no-such-battle", Outcome.MODEL_A))))
          .isEqualTo(memoryRefusals)
          .containsExactly("not_your_battle", "unknown_battle");
      var databaseReveal = restarted.votes().vote(me, fromDatabase, Outcome.MODEL_B);
      assertThat(databaseReveal.blind()).isFalse();
      assertThat(databaseReveal.leak()).isNotNull();
      assertThat(databaseReveal.weight()).isEqualTo(0.5); // the second battle on this prompt
      assertThat(memoryReveal.weight()).isEqualTo(1.0);
      assertThat(List.of(databaseReveal.leak(), databaseReveal.blind(), databaseReveal.outcome()))
          .isEqualTo(List.of(memoryReveal.leak(), memoryReveal.blind(), memoryReveal.outcome()));
      Map<String, Object> memoryRow = voteRow(db, fromMemory);
      Map<String, Object> databaseRow = voteRow(db, fromDatabase);
      assertThat(memoryRow.get("turns")).isEqualTo(2).isEqualTo(databaseRow.get("turns"));
      for (String column : List.of("voter_id", "voter_class", "outcome", "blind", "leak")) {
        assertThat(memoryRow.get(column)).as(column).isEqualTo(databaseRow.get(column));
      }
      assertThat(code(() -> restarted.votes().vote(me, fromMemory, Outcome.TIE)))
          .isEqualTo("already_voted");
    }
    assertThat(db.count("arena_vote")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aVoteStoredBehindTheServersBackStillWins(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena =
        db.arena(ArenaFixture.settings(List.of("scripted/alpha", "scripted/beta"), 100, 2))) {
      Voter me = arena.sessions().openPublic().voter();
      String id = arena.battles().start(me, "질문", null).battleId();
      ArenaFixture.awaitAnswers(arena, id);
      // Another process (or a server that crashed after its commit) stored this battle's vote.
      db.jdbc
          .sql(
              "INSERT INTO arena_vote (battle_id, voter_id, voter_class, outcome, weight, blind,"
                  + " turns, voted_at) VALUES (?, ?, 'PUBLIC', 'tie', 1.0, TRUE, 1, ?)")
          .params(id, me.id(), OffsetDateTime.now(db.clock).withOffsetSameInstant(ZoneOffset.UTC))
          .update();
      assertThatThrownBy(() -> arena.votes().vote(me, id, Outcome.MODEL_A))
          .isInstanceOfSatisfying(
              ArenaException.class, e -> assertThat(e.code()).isEqualTo("already_voted"));
      assertThat(db.jdbc.sql("SELECT outcome FROM arena_vote").query(String.class).list())
          .containsExactly("tie");
      // Cap 2, one stored already: the next vote fits only if the refused one gave its
      // allowance back.
      String next = arena.battles().start(me, "다음 질문", null).battleId();
      ArenaFixture.awaitAnswers(arena, next);
      assertThat(arena.votes().vote(me, next, Outcome.MODEL_A).outcome())
          .isEqualTo(Outcome.MODEL_A);
    }
  }

  @Test
  void boundedAndExpiring() {
    var clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    var open = new OpenBattles(clock);
    OffsetDateTime soon = OffsetDateTime.now(clock).plusMinutes(30);
    for (int i = 0; i < OpenBattles.LIMIT + 10; i++) {
      open.started("b" + i, new OpenBattles.Open("v", "m1", "m2", soon, 1.0));
    }
    assertThat(open.size()).isEqualTo(OpenBattles.LIMIT);
    assertThat(open.get("b" + OpenBattles.LIMIT)).isNull(); // past the bound: the database answers
    open.turnStored("b1", null);
    open.turnStored("b1", "openai");
    open.turnStored("b1", "anthropic");
    assertThat(open.get("b1").turns()).isEqualTo(3);
    assertThat(open.get("b1").leak()).isEqualTo("openai");
    open.voted("b1");
    assertThat(open.get("b1")).isNull();

    clock.advance(Duration.ofMinutes(31));
    open.started("late", new OpenBattles.Open("v", "m1", "m2", soon.plusHours(2), 1.0));
    assertThat(open.size()).isEqualTo(1);
    assertThat(open.get("late")).isNotNull();
  }
}
