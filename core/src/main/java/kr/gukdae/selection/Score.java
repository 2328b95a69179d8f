package kr.gukdae.selection;

import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;
import org.jspecify.annotations.Nullable;

/**
 * One reviewer's sheet for one application in one round: a score per criterion and, in rounds
 * decided by majority, whether they approve.
 */
public record Score(
    String round,
    String reviewer,
    String application,
    Map<String, Double> items,
    @Nullable Boolean approve) {

  public Score {
    Ids.check(round, "round");
    Ids.check(reviewer, "reviewer");
    Ids.check(application, "application");
    items = items == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(items));
    items.forEach((k, v) -> {
      if (v == null || !Double.isFinite(v)) {
        throw UserError.of("items." + k + "은(는) 숫자여야 합니다", "items." + k + " must be a number");
      }
    });
  }
}
