package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlicesAndJudgesTest {

  static Battle b(String a, String c, String judge, String lang, String cat) {
    return new Battle(a, c, Outcome.MODEL_A, Instant.EPOCH, judge, lang, cat);
  }

  @Test
  void slicesByCategoryLanguageAndVoterClass() {
    List<Battle> all =
        List.of(
            b("A", "B", "expert:kim", "ko", "math"),
            b("A", "B", "lee", "ko", "math"),
            b("A", "C", "park", "en", "code"),
            b("B", "C", "choi", "KO", "code"));
    assertThat(BattleSlice.all().category("math").apply(all)).hasSize(2);
    assertThat(BattleSlice.all().language("ko").apply(all)).hasSize(3);
    assertThat(BattleSlice.all().voters(VoterClass.EXPERT, Set.of("park")).apply(all))
        .extracting(Battle::judge)
        .containsExactly("expert:kim", "park");
    assertThat(BattleSlice.all().voters(VoterClass.PUBLIC, Set.of("park")).apply(all))
        .extracting(Battle::judge)
        .containsExactly("lee", "choi");
    assertThat(BattleSlice.all().category("code").language("en").apply(all)).hasSize(1);
  }

  @Test
  void minBattlesHoldsForEveryModelLeft() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      List<Battle> all = new ArrayList<>();
      for (int t = 0; t < 60; t++) {
        int x = rnd.nextInt(8);
        int y = (x + 1 + rnd.nextInt(7)) % 8;
        all.add(b("m" + x * x, "m" + y * y, "j", "ko", ""));
      }
      int min = 5 + rnd.nextInt(15);
      List<Battle> kept = BattleSlice.all().minBattles(min).apply(all);
      var counts = new java.util.HashMap<String, Integer>();
      kept.forEach(k -> {
        counts.merge(k.modelA(), 1, Integer::sum);
        counts.merge(k.modelB(), 1, Integer::sum);
      });
      assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(min));
    }
  }

  @Test
  void flagsAJudgeWhoVotesAgainstTheRatings() {
    double[] truth = {1300, 1150, 1000, 850, 700};
    List<Battle> battles = new ArrayList<>(Simulated.battles(truth, 8000, 0.1, 21));
    Random rnd = new Random(5);
    // A contrarian: picks the weaker model 85% of the time, over 80 votes.
    for (int t = 0; t < 80; t++) {
      int x = rnd.nextInt(5);
      int y = (x + 1 + rnd.nextInt(4)) % 5;
      boolean xStronger = truth[x] > truth[y];
      boolean pickWeaker = rnd.nextDouble() < 0.85;
      Outcome o = (xStronger != pickWeaker) ? Outcome.MODEL_A : Outcome.MODEL_B;
      battles.add(
          new Battle(Simulated.name(x), Simulated.name(y), o, Instant.EPOCH, "troll", "ko", ""));
    }
    Leaderboard board = Ratings.bradleyTerry(battles, RatingOptions.defaults());
    List<JudgeCheck> checks = Ratings.judgeOutliers(battles, board, 3.0);
    assertThat(checks.get(0).judge()).isEqualTo("troll");
    assertThat(checks.get(0).z()).isLessThan(-6);
    assertThat(checks)
        .filteredOn(JudgeCheck::flagged)
        .extracting(JudgeCheck::judge)
        .containsExactly("troll");
    assertThat(checks).hasSize(21);
  }
}
