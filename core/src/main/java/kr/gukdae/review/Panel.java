package kr.gukdae.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;

/**
 * A review panel: reviewers, the weighted rubric and the aggregation rule. It scores sheets and
 * refuses assignments that would put a reviewer on a team they declared an affiliation with.
 */
public record Panel(List<Reviewer> reviewers, List<RubricItem> rubric, Aggregation aggregation) {

  public Panel {
    reviewers = List.copyOf(reviewers);
    rubric = List.copyOf(rubric);
    if (rubric.isEmpty()) {
      throw UserError.of(
          "패널에는 평가 항목(rubric item)이 하나 이상 있어야 합니다", "a panel needs at least one rubric item");
    }
  }

  public Optional<Reviewer> reviewer(String id) {
    return reviewers.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Reviewer ids that may review a team with these member organisations, in panel order. */
  public List<String> eligibleFor(Set<String> teamOrganisations) {
    return reviewers.stream()
        .filter(r -> !r.conflictsWith(teamOrganisations))
        .map(Reviewer::id)
        .toList();
  }

  /** Assigns every non-conflicted reviewer to every team: the stage-1 practice (all read all). */
  public Map<String, List<String>> assignAll(Map<String, Set<String>> teamOrganisations) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    teamOrganisations.forEach((team, orgs) -> out.put(team, eligibleFor(orgs)));
    return out;
  }

  /**
   * Problems with a sheet, each naming the field: unknown reviewer or item, score out of range,
   * item missing, each in Korean and English for the reader's language to be picked from. Empty
   * when the sheet can be scored.
   */
  public List<Bilingual> problems(ReviewSheet sheet) {
    List<Bilingual> out = new ArrayList<>();
    if (reviewer(sheet.reviewerId()).isEmpty()) {
      out.add(
          new Bilingual(
              "평가위원 '" + sheet.reviewerId() + "'은(는) 이 패널에 없습니다",
              "reviewer '" + sheet.reviewerId() + "' is not on the panel"));
    }
    for (RubricItem item : rubric) {
      Double score = sheet.itemScores().get(item.id());
      if (score == null) {
        out.add(
            new Bilingual(
                "항목 '" + item.id() + "'에 점수가 없습니다", "item '" + item.id() + "' has no score"));
      } else if (!(score >= 0 && score <= item.maxScore())) {
        out.add(
            new Bilingual(
                "항목 '"
                    + item.id()
                    + "'의 점수 "
                    + score
                    + "이(가) 0.."
                    + item.maxScore()
                    + " 범위를 벗어났습니다",
                "item '" + item.id() + "' score " + score + " is outside 0.." + item.maxScore()));
      }
    }
    sheet.itemScores().keySet().stream()
        .filter(id -> rubric.stream().noneMatch(i -> i.id().equals(id)))
        .forEach(id ->
            out.add(
                new Bilingual(
                    "항목 '" + id + "'은(는) 채점 기준표에 없습니다", "item '" + id + "' is not in the rubric")));
    return out;
  }

  /** A sheet's weighted score as a fraction of the best possible, 0..1. */
  public double normalised(ReviewSheet sheet) {
    double total = 0;
    double weights = 0;
    for (RubricItem item : rubric) {
      total += item.weight() * sheet.itemScores().getOrDefault(item.id(), 0.0) / item.maxScore();
      weights += item.weight();
    }
    return total / weights;
  }
}
