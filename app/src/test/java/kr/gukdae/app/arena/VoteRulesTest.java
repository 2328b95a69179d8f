package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.gukdae.arena.Outcome;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoteRulesTest {

  private static final List<String> MODELS = List.of("scripted/alpha", "scripted/beta");

  private static void refused(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ArenaException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static Map<String, Object> voteRow(ArenaFixture db, String battleId) {
    return db.jdbc
        .sql("SELECT * FROM arena_vote WHERE battle_id = ?")
        .param(battleId)
        .query()
        .singleRow();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void oneVotePerBattleAndEveryRefusalNamesItsReasonAndWritesNothing(String database)
      throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena = db.arena(ArenaFixture.settings(MODELS, 100, 100))) {
      Voter me = arena.sessions().openPublic().voter();
      Voter other = arena.sessions().openPublic().voter();
      var started = arena.battles().start(me, "서울의 인구는?", null);
      ArenaFixture.awaitAnswers(arena, started.battleId());

      refused(() -> arena.votes().vote(me, "no-such-battle", Outcome.MODEL_A), "unknown_battle");
      refused(
          () -> arena.votes().vote(other, started.battleId(), Outcome.MODEL_A), "not_your_battle");
      assertThat(db.count("arena_vote")).isZero();

      var reveal = arena.votes().vote(me, started.battleId(), Outcome.MODEL_B);
      assertThat(List.of(reveal.modelA(), reveal.modelB()))
          .containsExactlyInAnyOrderElementsOf(MODELS);
      assertThat(reveal.blind()).isTrue();
      assertThat(reveal.weight()).isEqualTo(1.0);
      Map<String, Object> first = voteRow(db, started.battleId());

      for (Outcome again : Outcome.values()) {
        refused(() -> arena.votes().vote(me, started.battleId(), again), "already_voted");
      }
      assertThat(db.count("arena_vote")).isEqualTo(1);
      assertThat(voteRow(db, started.battleId())).isEqualTo(first);
      assertThat(first.get("outcome")).isEqualTo("model_b");
      refused(
          () -> arena.battles().followUp(me, started.battleId(), "more?", true), "already_voted");

      var late = arena.battles().start(me, "another prompt", null);
      ArenaFixture.awaitAnswers(arena, late.battleId());
      db.clock.advance(Duration.ofHours(3));
      refused(() -> arena.votes().vote(me, late.battleId(), Outcome.TIE), "expired");
      assertThat(db.count("arena_vote")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void concurrentVotesOnOneBattleLeaveExactlyOne(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena = db.arena(ArenaFixture.settings(MODELS, 1000, 1000))) {
      Voter me = arena.sessions().openPublic().voter();
      String[] ids = new String[5];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = arena.battles().start(me, "race " + i, null).battleId();
        ArenaFixture.awaitAnswers(arena, ids[i]);
      }
      var accepted = new java.util.concurrent.atomic.AtomicInteger();
      var refused = new java.util.concurrent.atomic.AtomicInteger();
      List<Thread> threads = new java.util.ArrayList<>();
      for (int t = 0; t < 40; t++) {
        String id = ids[t % ids.length];
        Outcome outcome = Outcome.values()[t % Outcome.values().length];
        threads.add(
            Thread.ofVirtual()
                .start(() -> {
                  try {
                    arena.votes().vote(me, id, outcome);
                    accepted.incrementAndGet();
                  } catch (ArenaException e) {
                    assertThat(e.code()).isEqualTo("already_voted");
                    refused.incrementAndGet();
                  }
                }));
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(accepted.get()).isEqualTo(5);
      assertThat(refused.get()).isEqualTo(35);
      assertThat(db.count("arena_vote")).isEqualTo(5);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void votesWaitForTheAnswers(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena =
        db.arena(ArenaFixture.settings(List.of("scripted/slow-a", "scripted/slow-b"), 100, 100))) {
      Voter me = arena.sessions().openPublic().voter();
      var started = arena.battles().start(me, "a question that takes a while to answer", null);
      refused(() -> arena.votes().vote(me, started.battleId(), Outcome.TIE), "not_answered");
      ArenaFixture.awaitAnswers(arena, started.battleId());
      assertThat(arena.votes().vote(me, started.battleId(), Outcome.TIE).outcome())
          .isEqualTo(Outcome.TIE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void rateLimitAndDailyCapHoldAcrossRestarts(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    Voter me;
    String spare;
    try (Arena arena = db.arena(ArenaFixture.settings(MODELS, 3, 2))) {
      me = arena.sessions().openPublic().voter();
      String[] ids = new String[4];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = arena.battles().start(me, "prompt " + i, null).battleId();
        ArenaFixture.awaitAnswers(arena, ids[i]);
      }
      arena.votes().vote(me, ids[0], Outcome.MODEL_A);
      arena.votes().vote(me, ids[1], Outcome.MODEL_B);
      refused(() -> arena.votes().vote(me, ids[2], Outcome.TIE), "daily_cap");
      refused(() -> arena.votes().vote(me, ids[2], Outcome.TIE), "rate_limited");
      db.clock.advance(Duration.ofMinutes(2));
      refused(() -> arena.votes().vote(me, ids[2], Outcome.TIE), "daily_cap");
      spare = ids[3];
    }
    assertThat(db.count("arena_vote")).isEqualTo(2);
    // A restarted server counts today's stored votes, so the cap still holds.
    try (Arena restarted = db.arena(ArenaFixture.settings(MODELS, 3, 2))) {
      refused(() -> restarted.votes().vote(me, spare, Outcome.TIE), "daily_cap");
      // Next day the cap resets, but this battle has expired by then.
      db.clock.advance(Duration.ofHours(14));
      refused(() -> restarted.votes().vote(me, spare, Outcome.TIE), "expired");
    }
    assertThat(db.count("arena_vote")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void repeatedPromptsWeighLessAndLeakyBattlesAreExcluded(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena =
        db.arena(ArenaFixture.settings(List.of("scripted/alpha", "scripted/leaky"), 100, 100))) {
      Voter me = arena.sessions().openPublic().voter();
      double[] weights = new double[3];
      for (int i = 0; i < 3; i++) {
        String prompt = i == 0 ? "Hello there" : i == 1 ? "  hello   THERE " : "ｈｅｌｌｏ there";
        var started = arena.battles().start(me, prompt, null);
        ArenaFixture.awaitAnswers(arena, started.battleId());
        var reveal = arena.votes().vote(me, started.battleId(), Outcome.MODEL_A);
        weights[i] = reveal.weight();
        assertThat(reveal.blind()).isFalse();
        assertThat(reveal.leak()).isIn("chatgpt", "openai");
      }
      assertThat(weights).containsExactly(1.0, 0.5, 1.0 / 3);
      assertThat(arena.results().votes(new Results.Filter(null, null, null))).isEmpty();
      assertThat(arena.results().excluded()).hasSize(3);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void multiTurnBattlesKeepEachSidesHistory(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena = db.arena(ArenaFixture.settings(MODELS, 100, 100))) {
      Voter me = arena.sessions().openPublic().voter();
      String id = arena.battles().start(me, "first", null).battleId();
      ArenaFixture.awaitAnswers(arena, id);
      assertThat(arena.battles().followUp(me, id, "second", false).turn()).isEqualTo(2);
      ArenaFixture.awaitAnswers(arena, id);
      arena.battles().followUp(me, id, "third", false);
      ArenaFixture.awaitAnswers(arena, id);
      refused(() -> arena.battles().followUp(me, id, "fourth", false), "max_turns");
      var turns = arena.battles().turns(id);
      assertThat(turns)
          .extracting(BattleStore.TurnRow::prompt)
          .containsExactly("first", "second", "third");
      String both = turns.get(2).answerA() + turns.get(2).answerB();
      assertThat(both).contains("turn 3");
      var reveal = arena.votes().vote(me, id, Outcome.TIE_BOTHBAD);
      assertThat(voteRow(db, id).get("turns")).isEqualTo(3);
      assertThat(reveal.outcome()).isEqualTo(Outcome.TIE_BOTHBAD);
    }
  }
}
