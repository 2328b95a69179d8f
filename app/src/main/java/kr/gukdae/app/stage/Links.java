package kr.gukdae.app.stage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kr.gukdae.ledger.CanonicalJson;
import org.jspecify.annotations.Nullable;

/** Where a record's number can be checked: the evidence row, and the feature output behind it. */
final class Links {

  private Links() {}

  static String evidence(long id) {
    return "/api/stage/evidence/" + id;
  }

  /** The feature's own page or API for the source; null for imported records. */
  static @Nullable String source(StageEvidence e) {
    var src = CanonicalJson.parse(e.sourceJson());
    return switch (e.sourceKind()) {
      case "eval-run" -> "/api/eval/runs/" + enc(e.sourceId());
      case "arena" -> "/api/arena/leaderboard?voters=" + enc(src.path("voters").asString());
      case "originality-check" -> "/api/originality/reports/" + enc(e.sourceId());
      case "lineage-count" -> "/api/lineage/evidence?root=" + enc(src.path("root").asString());
      case "review-sheet" -> "/api/review/sheets/" + enc(e.sourceId());
      default -> null;
    };
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
