package kr.gukdae.selection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.gukdae.UserError;
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
      throw UserError.of("rounds에 심사 단계를 하나 이상 적으세요", "rounds must list at least one round");
    }
    Set<String> ids = new HashSet<>();
    reviewers.forEach(r -> ids.add(r.id()));
    Set<String> roundIds = new HashSet<>();
    Integer previous = null;
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      if (!roundIds.add(r.id())) {
        throw UserError.of(
            "rounds[" + i + "].id '" + r.id() + "'이(가) 두 번 쓰였습니다. 단계마다 다른 id를 적으세요",
            "rounds[" + i + "].id '" + r.id() + "' is used twice");
      }
      for (String p : r.panel()) {
        if (!ids.contains(p)) {
          throw UserError.of(
              "rounds[" + i + "].panel: '" + p + "'은(는) 심사위원 명단(reviewers)에 없습니다",
              "rounds[" + i + "].panel: '" + p + "' is not one of the funnel's reviewers");
        }
      }
      Integer quota = r.rule().quota();
      if (quota != null && previous != null && quota > previous) {
        throw UserError.of(
            "rounds["
                + i
                + "].rule.quota "
                + quota
                + "이(가) 앞 단계의 "
                + previous
                + "보다 큽니다. 단계가 갈수록 선정 수는 같거나 줄어야 합니다",
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
