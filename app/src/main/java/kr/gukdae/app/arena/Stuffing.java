package kr.gukdae.app.arena;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Targeted ballot stuffing: many cheap identities voting one model up. Only votes that cost nothing
 * are suspects (public voters without a verified account). Two rules, each with stated thresholds:
 *
 * <ol>
 *   <li>a burst from one network: at least {@link #MIN_BURST} votes within {@link #WINDOW}, of
 *       which at least {@link #MIN_TARGET_SHARE} involve one model and that model wins at least
 *       {@link #MIN_TARGET_WINS} of them;
 *   <li>new voters favouring one model: among votes from identities that voted only once, a model
 *       in at least {@link #MIN_BURST} of them winning at least {@link #MIN_TARGET_WINS}, while it
 *       wins at least {@link #MIN_GAP} less often among everyone else's votes.
 * </ol>
 *
 * The matching votes (those involving the targeted model) are quarantined: kept as evidence and
 * shown on the admin page with the reason, left out of the ratings. Honest traffic from one network
 * rarely clears both the volume and the one-sidedness bar at once.
 */
final class Stuffing {

  static final int MIN_BURST = 20;
  static final Duration WINDOW = Duration.ofHours(1);
  static final double MIN_TARGET_SHARE = 0.8;
  static final double MIN_TARGET_WINS = 0.9;
  static final double MIN_GAP = 0.3;

  /** One flagged pattern, with the votes it quarantines. */
  record Flag(
      String rule,
      String source,
      String model,
      int votes,
      int wins,
      OffsetDateTime from,
      OffsetDateTime to,
      List<String> battleIds) {}

  record Verdict(List<Flag> flags, Set<String> quarantined) {}

  private Stuffing() {}

  static Verdict find(List<Results.VoteRow> votes) {
    List<Flag> flags = new ArrayList<>();
    Map<String, List<Results.VoteRow>> byNetwork = new LinkedHashMap<>();
    Map<String, Integer> perVoter = new HashMap<>();
    for (var v : votes) {
      if (cheap(v)) {
        perVoter.merge(v.voterId(), 1, Integer::sum);
        if (v.network() != null) {
          byNetwork.computeIfAbsent(v.network(), k -> new ArrayList<>()).add(v);
        }
      }
    }
    byNetwork.forEach((network, list) -> bursts(network, list, flags));
    fresh(votes, perVoter, flags);
    Set<String> quarantined = new HashSet<>();
    flags.forEach(f -> quarantined.addAll(f.battleIds()));
    return new Verdict(flags, quarantined);
  }

  private static boolean cheap(Results.VoteRow v) {
    return v.voterClass() == VoterClass.PUBLIC && !v.verified();
  }

  private static boolean involves(Results.VoteRow v, String model) {
    return v.modelA().equals(model) || v.modelB().equals(model);
  }

  private static boolean wins(Results.VoteRow v, String model) {
    return switch (v.outcome()) {
      case MODEL_A -> v.modelA().equals(model);
      case MODEL_B -> v.modelB().equals(model);
      default -> false;
    };
  }

  /**
   * Sliding one-hour windows over one network's votes (in time order), counts kept as it slides.
   */
  private static void bursts(String network, List<Results.VoteRow> list, List<Flag> flags) {
    Map<String, int[]> counts = new HashMap<>(); // model -> {involved, won}
    Map<String, Marked> open = new LinkedHashMap<>();
    int from = 0;
    for (int to = 0; to < list.size(); to++) {
      count(counts, list.get(to), +1);
      while (Duration.between(list.get(from).votedAt(), list.get(to).votedAt()).compareTo(WINDOW)
          > 0) {
        count(counts, list.get(from++), -1);
      }
      int size = to - from + 1;
      if (size < MIN_BURST) {
        continue;
      }
      for (var entry : counts.entrySet()) {
        int[] c = entry.getValue();
        if (c[0] >= MIN_TARGET_SHARE * size && c[1] >= MIN_TARGET_WINS * c[0]) {
          String model = entry.getKey();
          Marked marked = open.computeIfAbsent(model, k -> new Marked(list.get(0).votedAt()));
          if (marked.ids.isEmpty()) {
            marked.from = list.get(from).votedAt();
          }
          // only votes not marked by an earlier window: each vote is looked at once per model
          for (int i = Math.max(from, marked.next); i <= to; i++) {
            if (involves(list.get(i), model)) {
              marked.ids.add(list.get(i).battleId());
              marked.wins += wins(list.get(i), model) ? 1 : 0;
            }
          }
          marked.next = to + 1;
          marked.to = list.get(to).votedAt();
        }
      }
    }
    open.forEach((model, m) ->
        flags.add(
            new Flag(
                "network-burst",
                network,
                model,
                m.ids.size(),
                m.wins,
                m.from,
                m.to,
                List.copyOf(m.ids))));
  }

  /** The votes one burst rule has marked so far for one model. */
  private static final class Marked {
    final List<String> ids = new ArrayList<>();
    int wins;
    int next;
    OffsetDateTime from;
    OffsetDateTime to;

    Marked(OffsetDateTime at) {
      this.from = at;
      this.to = at;
    }
  }

  private static void count(Map<String, int[]> counts, Results.VoteRow v, int sign) {
    for (String model : new String[] {v.modelA(), v.modelB()}) {
      int[] c = counts.computeIfAbsent(model, k -> new int[2]);
      c[0] += sign;
      if (wins(v, model)) {
        c[1] += sign;
      }
    }
  }

  /** Rule 2: single-vote identities against everyone else, per model. */
  private static void fresh(
      List<Results.VoteRow> votes, Map<String, Integer> perVoter, List<Flag> flags) {
    Map<String, List<Results.VoteRow>> freshByModel = new HashMap<>();
    Map<String, int[]> rest = new HashMap<>();
    for (var v : votes) {
      boolean isFresh = cheap(v) && perVoter.getOrDefault(v.voterId(), 0) == 1;
      for (String model : new String[] {v.modelA(), v.modelB()}) {
        if (isFresh) {
          freshByModel.computeIfAbsent(model, k -> new ArrayList<>()).add(v);
        } else {
          int[] c = rest.computeIfAbsent(model, k -> new int[2]);
          c[0]++;
          c[1] += wins(v, model) ? 1 : 0;
        }
      }
    }
    freshByModel.forEach((model, list) -> {
      int won = (int) list.stream().filter(v -> wins(v, model)).count();
      int[] other = rest.getOrDefault(model, new int[2]);
      double otherRate = other[0] == 0 ? 0.5 : (double) other[1] / other[0];
      double rate = (double) won / list.size();
      if (list.size() >= MIN_BURST && rate >= MIN_TARGET_WINS && rate - otherRate >= MIN_GAP) {
        flags.add(
            new Flag(
                "new-voters",
                list.size() + " single-vote identities",
                model,
                list.size(),
                won,
                list.getFirst().votedAt(),
                list.getLast().votedAt(),
                list.stream().map(Results.VoteRow::battleId).toList()));
      }
    });
  }
}
