package kr.gukdae.review;

import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.UserError;

/** One reviewer's scores for one team, item by item, and their comment (kept, bounded). */
public record ReviewSheet(
    String reviewerId, String teamId, Map<String, Double> itemScores, String comment) {

  public static final int MAX_COMMENT = 4000;

  public ReviewSheet {
    if (reviewerId == null || reviewerId.isBlank() || teamId == null || teamId.isBlank()) {
      throw UserError.of("심사표에는 심사위원과 팀이 있어야 합니다", "a review sheet needs a reviewer and a team");
    }
    itemScores = java.util.Collections.unmodifiableMap(new TreeMap<>(itemScores));
    comment = comment == null ? "" : sanitise(comment);
  }

  // Control characters other than newline and tab have no place in a comment shown on a report.
  private static String sanitise(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    return clean.length() > MAX_COMMENT ? clean.substring(0, MAX_COMMENT) : clean;
  }
}
