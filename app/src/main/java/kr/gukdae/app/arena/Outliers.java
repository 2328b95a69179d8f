package kr.gukdae.app.arena;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.gukdae.arena.Outcome;

/**
 * Voters whose votes look unlike everyone else's. Two signals, each with a stated threshold: (1)
 * agreement with the other voters' majority on the same model pair (leave-one-voter-out, so a
 * prolific voter cannot make their own majority), and (2) position bias, always picking the same
 * side. Reported for an administrator to look at; nothing is deleted or re-weighted.
 */
final class Outliers {

  static final int MIN_VOTES = 10;
  static final double MIN_AGREEMENT = 0.35;
  static final double MAX_SIDE_SHARE = 0.9;

  record Report(
      String voterId,
      VoterClass voterClass,
      int decisiveVotes,
      double agreement,
      double sideAShare,
      List<String> reasons) {}

  private Outliers() {}

  static List<Report> find(List<Results.VoteRow> votes) {
    // Per voter, per ordered-key pair: net wins of the lexically first model.
    Map<String, Map<String, Double>> byVoter = new HashMap<>();
    Map<String, Double> total = new HashMap<>();
    Map<String, VoterClass> classes = new HashMap<>();
    for (var v : votes) {
      if (v.outcome().isTie()) {
        continue;
      }
      String key = BattleStore.pairKey(v.modelA(), v.modelB());
      String winner = v.outcome() == Outcome.MODEL_A ? v.modelA() : v.modelB();
      double sign = key.startsWith(winner + "|") ? 1 : -1;
      byVoter.computeIfAbsent(v.voterId(), k -> new HashMap<>()).merge(key, sign, Double::sum);
      total.merge(key, sign, Double::sum);
      classes.put(v.voterId(), v.voterClass());
    }
    Map<String, int[]> tallies = new TreeMap<>(); // voter -> decisive, agreeing, comparable, sideA
    for (var v : votes) {
      if (v.outcome().isTie()) {
        continue;
      }
      String key = BattleStore.pairKey(v.modelA(), v.modelB());
      String winner = v.outcome() == Outcome.MODEL_A ? v.modelA() : v.modelB();
      double sign = key.startsWith(winner + "|") ? 1 : -1;
      // the first loop saw every decisive vote, so both sums exist
      double others =
          Objects.requireNonNull(total.get(key))
              - Objects.requireNonNull(byVoter.get(v.voterId())).getOrDefault(key, 0.0);
      int[] t = tallies.computeIfAbsent(v.voterId(), k -> new int[4]);
      t[0]++;
      if (v.outcome() == Outcome.MODEL_A) {
        t[3]++;
      }
      if (others != 0) {
        t[2]++;
        if (Math.signum(others) == sign) {
          t[1]++;
        }
      }
    }
    List<Report> reports = new ArrayList<>();
    tallies.forEach((voter, t) -> {
      if (t[0] < MIN_VOTES) {
        return;
      }
      double agreement = t[2] == 0 ? Double.NaN : (double) t[1] / t[2];
      double sideA = (double) t[3] / t[0];
      List<String> reasons = new ArrayList<>();
      if (t[2] >= MIN_VOTES && agreement < MIN_AGREEMENT) {
        reasons.add("agrees with other voters' majority on only " + percent(agreement));
      }
      if (sideA >= MAX_SIDE_SHARE || sideA <= 1 - MAX_SIDE_SHARE) {
        reasons.add("picks side A in " + percent(sideA) + " of decisive votes");
      }
      if (!reasons.isEmpty()) {
        reports.add(
            new Report(
                voter,
                // every tallied voter was seen in the first loop
                Objects.requireNonNull(classes.get(voter)),
                t[0],
                agreement,
                sideA,
                List.copyOf(reasons)));
      }
    });
    return reports;
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
