package kr.gukdae.app.stage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.stage.Evidence;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where a record's number can be checked, level by level: the evidence row, the feature output
 * behind it, and the rows behind that (a run's per-sample scores, the votes in the arena window, a
 * review sheet with its artefacts, a check's tensor table, the counted model tree). Each link says
 * which text its page shows, so a test (and a doubting reader) can see the same number there.
 */
final class Links {

  private Links() {}

  /** One step down; {@code shows}: texts the linked response contains, the number among them. */
  record Link(String label, String href, List<String> shows) {}

  static String evidence(long id) {
    return "/api/stage/evidence/" + id;
  }

  /** The feature's own API for the source; null for imported records. */
  static @Nullable String source(StageEvidence e) {
    List<Link> trail = trail(e);
    return trail.size() > 1 ? trail.get(1).href() : null;
  }

  /** The evidence row, then the source, then what the source was computed from. */
  static List<Link> trail(StageEvidence e) {
    List<Link> out = new ArrayList<>();
    out.add(new Link("evidence #" + e.id(), evidence(e.id()), List.of(number(e.evidence()))));
    JsonNode src = CanonicalJson.parse(e.sourceJson());
    switch (e.sourceKind()) {
      case "eval-run" -> {
        String run = e.sourceId();
        String value = String.valueOf(src.path("value").asDouble());
        String task = src.path("task").asString();
        out.add(new Link("run " + run, "/api/eval/runs/" + enc(run), List.of(run, value)));
        if (!task.endsWith("#macro")) {
          out.add(
              new Link(
                  "samples " + task,
                  "/api/eval/runs/"
                      + enc(run)
                      + "/scored-samples?task="
                      + enc(task)
                      + "&metric="
                      + enc(src.path("metric").asString())
                      + "&filter="
                      + enc(src.path("filter").asString("none")),
                  List.of(value)));
        }
      }
      case "arena" -> {
        String model = src.path("arenaModel").asString(e.model());
        int votes = ((Evidence.UserEvaluation) e.evidence()).votes();
        out.add(
            new Link(
                "votes " + src.path("voters").asString(),
                "/api/arena/admin/votes?voters="
                    + enc(src.path("voters").asString())
                    + "&from="
                    + enc(src.path("from").asString())
                    + "&to="
                    + enc(src.path("to").asString())
                    + "&model="
                    + enc(model),
                List.of(src.path("battlesSha256").asString(), "\"votes\":" + votes)));
      }
      case "originality-check" -> {
        List<String> shows = new ArrayList<>(List.of(src.path("verdict").asString()));
        for (JsonNode w : src.path("weights")) {
          shows.add(w.path("sha256").asString());
        }
        out.add(
            new Link(
                "check " + e.sourceId(), "/api/originality/reports/" + enc(e.sourceId()), shows));
      }
      case "lineage-count" ->
          out.add(
              new Link(
                  "model tree " + src.path("root").asString(),
                  "/api/lineage/evidence/" + enc(e.sourceId()) + "/tree",
                  List.of("\"counted\":" + ((Evidence.DerivativeCount) e.evidence()).count())));
      case "review-sheet" ->
          out.add(
              new Link(
                  "sheet " + e.sourceId(),
                  "/api/review/sheets/" + enc(e.sourceId()),
                  List.of(number(e.evidence()))));
      default -> {} // imported: the file it came from is named in the evidence row
    }
    return out;
  }

  /** The number a record contributes, as its JSON shows it. */
  static String number(Evidence e) {
    return switch (e) {
      case Evidence.BenchmarkResult b -> String.valueOf(b.score());
      case Evidence.UserEvaluation u -> String.valueOf(u.rating());
      case Evidence.DerivativeCount d -> "\"count\":" + d.count();
      case Evidence.OriginalityVerdict o -> "\"passed\":" + o.passed();
      case Evidence.ReviewScore r ->
          r.items().values().stream().findFirst().map(String::valueOf).orElse(r.reviewer());
    };
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
