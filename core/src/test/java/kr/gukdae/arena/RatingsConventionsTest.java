package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** FastChat conventions: half-win ties, centring, anchors, seeded bootstrap, edge cases. */
class RatingsConventionsTest {

  static Battle battle(String a, String b, Outcome o) {
    return new Battle(a, b, o, Instant.EPOCH, "j", "ko", "");
  }

  static List<Battle> repeat(int n, String a, String b, Outcome o) {
    List<Battle> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(battle(a, b, o));
    }
    return out;
  }

  @Test
  void tiesCountHalfAWinToEachSide() {
    List<Battle> wins = new ArrayList<>(repeat(3, "A", "B", Outcome.MODEL_A));
    wins.addAll(repeat(1, "A", "B", Outcome.MODEL_B));
    wins.addAll(repeat(2, "A", "B", Outcome.MODEL_A));
    wins.addAll(repeat(2, "A", "B", Outcome.MODEL_B));
    List<Battle> withTies = new ArrayList<>(repeat(3, "A", "B", Outcome.MODEL_A));
    withTies.addAll(repeat(1, "A", "B", Outcome.MODEL_B));
    withTies.addAll(repeat(2, "B", "A", Outcome.TIE));
    withTies.addAll(repeat(2, "A", "B", Outcome.TIE_BOTHBAD));
    double a1 =
        Ratings.bradleyTerry(wins, RatingOptions.defaults()).find("A").orElseThrow().rating();
    double a2 =
        Ratings.bradleyTerry(withTies, RatingOptions.defaults()).find("A").orElseThrow().rating();
    assertThat(a2).isCloseTo(a1, within(1e-6));
    // 5 of 8 wins: r_A − r_B = ln(5/3), centred at 1000.
    double expected = 1000 + 0.5 * Scale.POINTS_PER_NAT * Math.log(5.0 / 3.0);
    assertThat(a1).isCloseTo(expected, within(0.01));
  }

  @Test
  void allTiesGiveEqualRatings() {
    List<Battle> battles = new ArrayList<>(repeat(5, "A", "B", Outcome.TIE));
    battles.addAll(repeat(5, "B", "C", Outcome.TIE_BOTHBAD));
    for (Method m : Method.values()) {
      if (m == Method.STYLE) {
        continue;
      }
      Leaderboard board = Ratings.rate(battles, m, RatingOptions.defaults());
      assertThat(board.ratings())
          .allSatisfy(r -> assertThat(r.rating()).isCloseTo(1000, within(1e-6)));
    }
  }

  @Test
  void anchorShiftsEveryRatingByTheSameAmount() {
    List<Battle> battles = Simulated.battles(new double[] {1100, 1000, 950, 900}, 2000, 0.1, 3);
    Leaderboard free = Ratings.bradleyTerry(battles, RatingOptions.defaults());
    Leaderboard anchored =
        Ratings.bradleyTerry(
            battles, RatingOptions.builder().anchor("model-c", 1114).bootstrap(50).build());
    double shift = 1114 - free.find("model-c").orElseThrow().rating();
    for (ModelRating r : free.ratings()) {
      assertThat(anchored.find(r.model()).orElseThrow().rating())
          .isCloseTo(r.rating() + shift, within(1e-9));
    }
    ModelRating c = anchored.find("model-c").orElseThrow();
    assertThat(c.rating()).isEqualTo(1114.0);
    assertThat(c.lower()).isCloseTo(1114, within(1e-9));
    assertThatThrownBy(() ->
            Ratings.bradleyTerry(battles, RatingOptions.builder().anchor("nobody", 1).build()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("'nobody' has no battles");
  }

  @Test
  void bootstrapIsDeterministicForASeedWhateverTheThreads() {
    List<Battle> battles =
        Simulated.battles(new double[] {1100, 1000, 900, 1050, 980}, 3000, 0.2, 9);
    for (Method m : Method.values()) {
      var options = RatingOptions.builder().bootstrap(60).seed(5);
      Leaderboard one = Ratings.rate(battles, m, options.threads(1).build());
      Leaderboard many = Ratings.rate(battles, m, options.threads(4).build());
      Leaderboard again = Ratings.rate(battles, m, options.threads(3).build());
      Leaderboard other = Ratings.rate(battles, m, options.seed(6).build());
      assertThat(many).as(m.name()).isEqualTo(one);
      assertThat(again).isEqualTo(one);
      assertThat(other.ratings().get(0).lower()).isNotEqualTo(one.ratings().get(0).lower());
    }
  }

  @Test
  void rankCountsModelsWhoseWholeIntervalIsAbove() {
    List<Battle> battles = Simulated.battles(new double[] {1400, 1000, 995, 600}, 4000, 0.0, 4);
    Leaderboard board =
        Ratings.bradleyTerry(battles, RatingOptions.builder().bootstrap(100).build());
    assertThat(board.ratings()).extracting(ModelRating::rank).containsExactly(1, 2, 2, 4);
  }

  @Test
  void unbeatenAndDisconnectedModelsStayFinite() {
    List<Battle> battles = new ArrayList<>(repeat(5, "A", "B", Outcome.MODEL_A));
    battles.addAll(repeat(3, "B", "C", Outcome.MODEL_A));
    battles.addAll(repeat(2, "C", "B", Outcome.MODEL_A));
    battles.addAll(repeat(4, "X", "Y", Outcome.MODEL_B)); // a separate island
    Leaderboard board =
        Ratings.bradleyTerry(battles, RatingOptions.builder().bootstrap(30).build());
    assertThat(board.ratings())
        .allSatisfy(r -> {
          assertThat(r.rating()).isFinite();
          assertThat(r.lower()).isFinite();
          assertThat(r.upper()).isFinite();
        });
    assertThat(board.ratings().get(0).model()).isIn("A", "Y");
    assertThat(board.find("A").orElseThrow().rating())
        .isGreaterThan(board.find("B").orElseThrow().rating() + 400);
  }

  @Test
  void styleControlWithoutStyleVariationIsPlainBradleyTerry() {
    List<Battle> battles = new ArrayList<>();
    for (Battle b : Simulated.battles(new double[] {1100, 1000, 900}, 3000, 0.2, 8)) {
      battles.add(b.withStyle(new StyleFeatures(7, 1, 2, 0), new StyleFeatures(7, 1, 2, 0)));
    }
    Leaderboard bt = Ratings.bradleyTerry(battles, RatingOptions.defaults());
    Leaderboard styled = Ratings.styleControlled(battles, RatingOptions.defaults());
    for (ModelRating r : bt.ratings()) {
      assertThat(styled.find(r.model()).orElseThrow().rating()).isCloseTo(r.rating(), within(1e-6));
    }
    assertThat(styled.style()).allSatisfy(c -> assertThat(c.points()).isCloseTo(0, within(1e-9)));
  }

  @Test
  void emptyInputAndStyleLessBattlesAreUserErrors() {
    assertThatThrownBy(() -> Ratings.bradleyTerry(List.of(), RatingOptions.defaults()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no battles");
    assertThatThrownBy(() ->
            Ratings.styleControlled(repeat(2, "A", "B", Outcome.TIE), RatingOptions.defaults()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("battle 1 (A vs B) has no style features");
  }
}
