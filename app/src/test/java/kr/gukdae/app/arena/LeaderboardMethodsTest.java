package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.BattleFiles;
import kr.gukdae.arena.Leaderboard;
import kr.gukdae.arena.Outcome;
import kr.gukdae.arena.RatingOptions;
import kr.gukdae.arena.Ratings;
import kr.gukdae.arena.StyleCoefficient;
import kr.gukdae.arena.StyleFeatures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;

/**
 * The leaderboard endpoint counts each vote with its recorded duplicate-prompt weight, for every
 * method, and the export carries the same weights to {@code gukdae ratings}.
 */
class LeaderboardMethodsTest {

  static final RatingOptions POINT = RatingOptions.builder().bootstrap(0).threads(1).build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void everyMethodUsesTheRecordedWeights(String database) throws Exception {
    ArenaFixture db = new ArenaFixture(database);
    try (Arena arena =
        db.arena(ArenaFixture.settings(List.of("scripted/alpha", "scripted/beta"), 100, 100))) {
      Voter me = arena.sessions().openPublic().voter();
      List<Battle> expected = new ArrayList<>();
      List<Battle> styled = new ArrayList<>();
      String[] prompts = {"같은 질문", "같은 질문", "같은  질문", "하나", "둘", "셋 **굵게**", "넷"};
      Outcome[] outcomes = {
        Outcome.MODEL_A,
        Outcome.MODEL_A,
        Outcome.MODEL_A,
        Outcome.MODEL_B,
        Outcome.MODEL_B,
        Outcome.TIE,
        Outcome.MODEL_A
      };
      for (int k = 0; k < prompts.length; k++) {
        String id = arena.battles().start(me, prompts[k], null).battleId();
        ArenaFixture.awaitAnswers(arena, id);
        db.clock.advance(Duration.ofSeconds(1)); // votes in a known order for online Elo
        var reveal = arena.votes().vote(me, id, outcomes[k]);
        Battle b =
            new Battle(
                    reveal.modelA(), reveal.modelB(), outcomes[k], db.clock.instant(), "", "", "")
                .withWeight(reveal.weight());
        expected.add(b);
        var turn = arena.battles().turns(id).get(0);
        styled.add(b.withStyle(StyleFeatures.of(turn.answerA()), StyleFeatures.of(turn.answerB())));
      }
      assertThat(expected).extracting(Battle::weight).startsWith(1.0, 0.5, 1.0 / 3, 1.0);

      var api = new ArenaResultsApi(arena, new kr.gukdae.app.access.Pseudonyms(new byte[32]), 30);
      var bt = api.leaderboard(null, null, null, null, 0, 0, "bt");
      assertThat(bt.method()).isEqualTo("bt");
      // seven battles are far below the threshold: every row is marked preliminary
      assertThat(bt.preliminaryBelow()).isEqualTo(30);
      assertThat(bt.ratings()).isNotEmpty().allMatch(ArenaResultsApi.Row::preliminary);
      assertThat(bt.weightedBattles()).isCloseTo(1 + 0.5 + 1.0 / 3 + 4, within(1e-9));
      assertSame(bt, Ratings.bradleyTerry(expected, POINT));
      // Two models: the rating gap is (400 / ln 10) · ln(weighted wins of alpha / of beta), up to
      // the fit's ridge term (l2 = 1e-4), which moves a fit on six weighted battles by ~0.03
      // points; ignoring the weights would move it by several points.
      double alpha = 0;
      double beta = 0;
      for (Battle b : expected) {
        double scoreA =
            b.outcome() == Outcome.MODEL_A ? 1 : b.outcome() == Outcome.MODEL_B ? 0 : 0.5;
        double forAlpha = b.modelA().equals("scripted/alpha") ? scoreA : 1 - scoreA;
        alpha += b.weight() * forAlpha;
        beta += b.weight() * (1 - forAlpha);
      }
      var r = ratings(bt);
      assertThat(r.get("scripted/alpha") - r.get("scripted/beta"))
          .isCloseTo(400 / Math.log(10) * Math.log(alpha / beta), within(0.1));

      assertSame(
          api.leaderboard(null, null, null, null, 0, 0, "elo"), Ratings.onlineElo(expected, POINT));

      var style = api.leaderboard(null, null, null, null, 0, 0, "style");
      Leaderboard styleExpected = Ratings.styleControlled(styled, POINT);
      assertSame(style, styleExpected);
      var coefficients = style.style();
      assertThat(coefficients)
          .extracting(StyleCoefficient::feature)
          .containsExactly("length", "headers", "list_items", "bold");
      assertThat(coefficients).isEqualTo(styleExpected.style());

      // The export feeds gukdae ratings with the same weights.
      byte[] json =
          new ObjectMapper().writeValueAsBytes(api.export(null, null, null, null).getBody());
      List<Battle> exported = BattleFiles.read("arena.json", new ByteArrayInputStream(json));
      assertThat(exported)
          .extracting(Battle::weight)
          .isEqualTo(expected.stream().map(Battle::weight).toList());
      assertSame(bt, Ratings.bradleyTerry(exported, POINT));

      assertThatThrownBy(() -> api.leaderboard(null, null, null, null, 0, 0, "glicko"))
          .isInstanceOfSatisfying(
              ArenaException.class, e -> assertThat(e.code()).isEqualTo("bad_method"));
    }
  }

  static Map<String, Double> ratings(ArenaResultsApi.Board response) {
    Map<String, Double> out = new HashMap<>();
    for (var row : response.ratings()) {
      out.put(row.model(), row.rating());
    }
    return out;
  }

  static void assertSame(ArenaResultsApi.Board response, Leaderboard board) {
    Map<String, Double> got = ratings(response);
    assertThat(got).hasSize(board.ratings().size());
    board
        .ratings()
        .forEach(
            r -> assertThat(got.get(r.model())).as(r.model()).isCloseTo(r.rating(), within(1e-9)));
  }
}
