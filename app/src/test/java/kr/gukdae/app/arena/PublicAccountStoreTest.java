package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kr.gukdae.arena.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Public accounts and verification against both databases: the session carries the verified flag
 * (also after a restart, when it is read back with the session), each vote stores the flag it had
 * when it was cast, and the VERIFIED slice selects exactly those votes.
 */
class PublicAccountStoreTest {

  private static final List<String> MODELS = List.of("scripted/alpha", "scripted/beta");

  private static String vote(Arena arena, Voter voter) throws InterruptedException {
    String id = arena.battles().start(voter, "부산의 인구는?", null).battleId();
    ArenaFixture.awaitAnswers(arena, id);
    arena.votes().vote(voter, id, Outcome.MODEL_A);
    return id;
  }

  private static boolean stored(ArenaFixture db, String battleId) {
    return db.jdbc
        .sql("SELECT verified FROM arena_vote WHERE battle_id = ?")
        .param(battleId)
        .query(Boolean.class)
        .single();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void verificationReachesTheSessionAndEachLaterVote(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    String token;
    String before;
    String after;
    try (Arena arena = db.arena(ArenaFixture.settings(MODELS, 100, 100))) {
      arena.sessions().createAccount("admin", "admin-password-1", VoterClass.ADMIN);
      var opened = arena.sessions().register("minsu", "minsu-password-1", "10.0.0.1");
      token = opened.token();
      assertThat(opened.voter())
          .isEqualTo(new Voter("user-minsu", VoterClass.PUBLIC, "minsu", false));
      before = vote(arena, arena.sessions().resolve(token));

      arena.sessions().verify("minsu", "admin");
      Voter verified = arena.sessions().resolve(token);
      assertThat(verified.verified()).isTrue();
      assertThat(verified.id()).isEqualTo("user-minsu");
      after = vote(arena, verified);
      assertThatThrownBy(() -> arena.sessions().verify("minsu", "admin"))
          .isInstanceOfSatisfying(
              ArenaException.class, e -> assertThat(e.code()).isEqualTo("not_verifiable"));
      assertThatThrownBy(() -> arena.sessions().verify("nobody", "admin"))
          .isInstanceOfSatisfying(
              ArenaException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }
    assertThat(stored(db, before)).isFalse();
    assertThat(stored(db, after)).isTrue();

    // A restarted server reads the flag back with the session; the slice picks the later vote.
    try (Arena restarted = db.arena(ArenaFixture.settings(MODELS, 100, 100))) {
      assertThat(restarted.sessions().resolve(token).verified()).isTrue();
      var slice =
          restarted.results().votes(ArenaResultsApi.filter(null, null, "VERIFIED")).stream()
              .map(Results.VoteRow::battleId)
              .toList();
      assertThat(slice).containsExactly(after);
      assertThat(restarted.results().votes(ArenaResultsApi.filter(null, null, "public")))
          .hasSize(2);
      assertThat(restarted.sessions().unverified()).isEmpty();
    }
  }
}
