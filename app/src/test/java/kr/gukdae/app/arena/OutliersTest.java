package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.gukdae.arena.Outcome;
import org.junit.jupiter.api.Test;

class OutliersTest {

  private static Results.VoteRow vote(String voter, String a, String b, Outcome outcome, int i) {
    return new Results.VoteRow(
        voter + "-" + i,
        a,
        b,
        outcome,
        voter,
        VoterClass.PUBLIC,
        "free",
        "ko",
        1.0,
        1,
        OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(i),
        false,
        null);
  }

  @Test
  void flagsContrariansAndSideClickersButNotHonestVoters() {
    var random = new SplittableRandom(3);
    List<Results.VoteRow> votes = new ArrayList<>();
    int n = 0;
    // Ten honest voters: "strong" beats "weak" 80% of the time, sides shuffled.
    for (int v = 0; v < 10; v++) {
      for (int i = 0; i < 20; i++) {
        boolean strongOnA = random.nextBoolean();
        boolean strongWins = random.nextDouble() < 0.8;
        Outcome o = strongWins == strongOnA ? Outcome.MODEL_A : Outcome.MODEL_B;
        votes.add(
            vote(
                "honest" + v,
                strongOnA ? "strong" : "weak",
                strongOnA ? "weak" : "strong",
                o,
                n++));
      }
    }
    // A contrarian always votes for "weak"; a side-clicker always presses A.
    for (int i = 0; i < 20; i++) {
      boolean strongOnA = random.nextBoolean();
      String a = strongOnA ? "strong" : "weak";
      String b = strongOnA ? "weak" : "strong";
      votes.add(vote("contrarian", a, b, strongOnA ? Outcome.MODEL_B : Outcome.MODEL_A, n++));
      votes.add(vote("clicker", a, b, Outcome.MODEL_A, n++));
    }
    var reports = Outliers.find(votes);
    assertThat(reports)
        .extracting(Outliers.Report::voterId)
        .containsExactly("clicker", "contrarian");
    assertThat(reports.get(1).reasons().getFirst()).contains("majority");
    assertThat(reports.get(1).agreement()).isZero();
    assertThat(reports.get(0).reasons()).anyMatch(r -> r.contains("side A in 100%"));
  }

  @Test
  void fewVotesAreNotJudged() {
    List<Results.VoteRow> votes = new ArrayList<>();
    for (int i = 0; i < Outliers.MIN_VOTES - 1; i++) {
      votes.add(vote("new", "x", "y", Outcome.MODEL_A, i));
    }
    assertThat(Outliers.find(votes)).isEmpty();
  }
}
