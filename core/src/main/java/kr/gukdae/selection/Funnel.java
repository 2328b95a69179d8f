package kr.gukdae.selection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.gukdae.review.Reviewer;

/**
 * The rounds applications pass through in order (each round's candidates are the previous round's
 * selection) and the reviewers its panels draw on.
 */
public record Funnel(List<Round> rounds, List<Reviewer> reviewers) {

  public Funnel {
    rounds = List.copyOf(rounds);
    reviewers = List.copyOf(reviewers);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("rounds must list at least one round");
    }
    Set<String> ids = new HashSet<>();
    reviewers.forEach(r -> ids.add(r.id()));
    Set<String> roundIds = new HashSet<>();
    Integer previous = null;
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      if (!roundIds.add(r.id())) {
        throw new IllegalArgumentException("rounds[" + i + "].id '" + r.id() + "' is used twice");
      }
      for (String p : r.panel()) {
        if (!ids.contains(p)) {
          throw new IllegalArgumentException(
              "rounds[" + i + "].panel: '" + p + "' is not one of the funnel's reviewers");
        }
      }
      Integer quota = r.rule().quota();
      if (quota != null && previous != null && quota > previous) {
        throw new IllegalArgumentException(
            "rounds["
                + i
                + "].rule.quota "
                + quota
                + " is larger than the previous round's "
                + previous
                + ": a funnel only narrows");
      }
      if (quota != null) {
        previous = quota;
      }
    }
  }

  public Round round(String id) {
    return rounds.stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() ->
            kr.gukdae.UserError.of(
                "선정 절차에 라운드 '" + id + "'이(가) 없습니다", "no round '" + id + "' in the funnel"));
  }

  public List<Reviewer> panel(Round round) {
    return reviewers.stream().filter(r -> round.panel().contains(r.id())).toList();
  }
}
