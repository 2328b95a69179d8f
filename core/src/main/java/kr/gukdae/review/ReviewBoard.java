package kr.gukdae.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;

/**
 * Collects the sheets of one review round. A reviewer sees other reviewers' sheets for a team only
 * after submitting their own, so nobody anchors on a colleague's numbers.
 */
public final class ReviewBoard {

  private final Panel panel;
  private final Map<String, Set<String>> teamOrganisations;
  private final List<ReviewSheet> sheets = new ArrayList<>();

  public ReviewBoard(Panel panel, Map<String, Set<String>> teamOrganisations) {
    this.panel = panel;
    this.teamOrganisations = Map.copyOf(teamOrganisations);
  }

  /** Accepts a sheet, or throws a {@link UserError} naming the conflict or the bad field. */
  public synchronized void submit(ReviewSheet sheet) {
    Set<String> orgs = teamOrganisations.get(sheet.teamId());
    String at = "평가위원 '" + sheet.reviewerId() + "'의 팀 '" + sheet.teamId() + "' 평가표: ";
    String where = "review by '" + sheet.reviewerId() + "' of team '" + sheet.teamId() + "': ";
    if (orgs == null) {
      throw UserError.of(at + "이 팀은 이번 단계에 없습니다", where + "team is not in this stage");
    }
    List<Bilingual> problems = panel.problems(sheet);
    if (!problems.isEmpty()) {
      // each problem is worded in both languages; each language's sentences are joined
      throw UserError.of(at + halves(problems, true), where + halves(problems, false));
    }
    Reviewer reviewer = panel.reviewer(sheet.reviewerId()).orElseThrow();
    if (reviewer.conflictsWith(orgs)) {
      throw UserError.of(
          at + "이해충돌: 평가위원이 팀 구성원과 관계가 있다고 신고했습니다" + " (평가표를 지우거나 팀을 다시 배정하세요)",
          where
              + "conflict of interest: the reviewer declared an affiliation with a team member"
              + " (remove the sheet or re-assign the team)");
    }
    if (hasSubmitted(sheet.reviewerId(), sheet.teamId())) {
      throw UserError.of(
          at + "이미 제출했습니다. 제출한 평가표는 바꿀 수 없습니다",
          where + "already submitted; a sheet is final once submitted");
    }
    sheets.add(sheet);
  }

  public synchronized boolean hasSubmitted(String reviewerId, String teamId) {
    return sheets.stream()
        .anyMatch(s -> s.reviewerId().equals(reviewerId) && s.teamId().equals(teamId));
  }

  /** The sheets for a team that this reviewer may see: only their own until they submit. */
  public synchronized List<ReviewSheet> visibleTo(String reviewerId, String teamId) {
    boolean submitted = hasSubmitted(reviewerId, teamId);
    return sheets.stream()
        .filter(s -> s.teamId().equals(teamId))
        .filter(s -> submitted || s.reviewerId().equals(reviewerId))
        .toList();
  }

  public synchronized List<ReviewSheet> sheetsFor(String teamId) {
    return sheets.stream().filter(s -> s.teamId().equals(teamId)).toList();
  }

  public synchronized int count(String teamId) {
    return sheetsFor(teamId).size();
  }

  /** The panel's aggregated score for a team, 0..1. */
  public synchronized double aggregate(String teamId) {
    List<Double> scores = sheetsFor(teamId).stream().map(panel::normalised).toList();
    if (scores.size() < panel.aggregation().minimumScores()) {
      throw UserError.of(
          "팀 '"
              + teamId
              + "'의 전문가 평가: 평가표 "
              + scores.size()
              + "장뿐입니다. "
              + panel.aggregation()
              + "에는 최소 "
              + panel.aggregation().minimumScores()
              + "장이 필요합니다",
          "expert review of team '"
              + teamId
              + "': "
              + scores.size()
              + " sheet(s), "
              + panel.aggregation()
              + " needs at least "
              + panel.aggregation().minimumScores());
    }
    return panel.aggregation().apply(scores);
  }

  public Panel panel() {
    return panel;
  }

  /** Problems in one language, joined with "; ". */
  public static String halves(List<Bilingual> problems, boolean korean) {
    return String.join("; ", problems.stream().map(p -> p.in(korean)).toList());
  }
}
