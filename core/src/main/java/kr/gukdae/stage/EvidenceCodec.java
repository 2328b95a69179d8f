package kr.gukdae.stage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.UserError;
import kr.gukdae.stage.Evidence.BenchmarkResult;
import kr.gukdae.stage.Evidence.DerivativeCount;
import kr.gukdae.stage.Evidence.OriginalityVerdict;
import kr.gukdae.stage.Evidence.ReviewScore;
import kr.gukdae.stage.Evidence.UserEvaluation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Evidence to and from the documented file/ledger form: a map with a {@code type} field. */
final class EvidenceCodec {

  private static final int MAX_TEXT = 4000;

  private EvidenceCodec() {}

  static String type(Evidence e) {
    return switch (e) {
      case BenchmarkResult b -> "benchmark";
      case ReviewScore r -> "review";
      case UserEvaluation u -> "user-evaluation";
      case DerivativeCount d -> "derivatives";
      case OriginalityVerdict o -> "originality";
    };
  }

  static Map<String, Object> toMap(Evidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type(e));
    m.put("team", e.team());
    m.put("stage", e.stage());
    switch (e) {
      case BenchmarkResult b -> {
        m.put("benchmark", b.benchmark());
        m.put("group", b.group().name());
        m.put("score", b.score());
        if (b.clean() != null) {
          var c = b.clean();
          m.put(
              "clean",
              new TreeMap<>(
                  Map.of(
                      "method", c.method(),
                      "items", c.items(),
                      "contaminated", c.contaminated(),
                      "full", c.full(),
                      "clean", c.clean())));
        }
      }
      case ReviewScore r -> {
        m.put("reviewer", r.reviewer());
        m.put("items", new TreeMap<>(r.items()));
        m.put("comment", r.comment());
      }
      case UserEvaluation u -> {
        m.put("rating", u.rating());
        m.put("low", u.low());
        m.put("high", u.high());
        m.put("votes", u.votes());
      }
      case DerivativeCount d -> m.put("count", d.count());
      case OriginalityVerdict o -> {
        m.put("passed", o.passed());
        m.put("reason", o.reason());
      }
    }
    return m;
  }

  /** The optional contamination audit of a benchmark record. */
  private static Evidence.@Nullable CleanSubset clean(
      @Nullable JsonNode node, String path, Nodes n, Problems problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(
          path,
          "{method, items, contaminated, full, clean} 객체여야 합니다",
          "must be an object {method, items, contaminated, full, clean}");
      return null;
    }
    for (String key : node.propertyNames()) {
      if (!java.util.Set.of("method", "items", "contaminated", "full", "clean").contains(key)) {
        problems.add(
            path + "." + key,
            "알 수 없는 키; method, items, contaminated, full, clean을 쓰세요",
            "unknown key; use method, items, contaminated, full, clean");
      }
    }
    String method = n.text(node, "method", path, null);
    int items = n.integer(node, "items", path, null);
    int contaminated = n.integer(node, "contaminated", path, null);
    double full = n.number(node, "full", path, null);
    double clean = n.number(node, "clean", path, null);
    if (method.isEmpty() || Double.isNaN(full) || Double.isNaN(clean)) {
      return null; // already recorded as a problem
    }
    try {
      return new Evidence.CleanSubset(method, items, contaminated, full, clean);
    } catch (UserError e) {
      problems.add(path, e);
      return null;
    }
  }

  /** Reads one record; problems are recorded under {@code path} and null is returned. */
  static @Nullable Evidence fromNode(JsonNode node, String path, Nodes n, Problems problems) {
    String type = n.text(node, "type", path, null);
    String team = n.text(node, "team", path, null);
    int stage = n.integer(node, "stage", path, null);
    Evidence out =
        switch (type) {
          case "benchmark" -> {
            Evidence.Group g = n.choice(node, "group", path, Evidence.Group.class, null);
            double score = n.number(node, "score", path, null);
            yield g == null
                ? null
                : new BenchmarkResult(
                    team,
                    stage,
                    n.text(node, "benchmark", path, null),
                    g,
                    score,
                    clean(node.get("clean"), path + ".clean", n, problems));
          }
          case "review" -> {
            Map<String, Double> items = new HashMap<>();
            node.path("items")
                .properties()
                .forEach(e -> {
                  if (!e.getValue().isNumber()) {
                    problems.add(path + ".items." + e.getKey(), "숫자여야 합니다", "must be a number");
                  }
                  items.put(e.getKey(), e.getValue().asDouble());
                });
            String comment = n.text(node, "comment", path, "");
            yield new ReviewScore(
                team,
                stage,
                n.text(node, "reviewer", path, null),
                items,
                comment.length() > MAX_TEXT ? comment.substring(0, MAX_TEXT) : comment);
          }
          case "user-evaluation" ->
              new UserEvaluation(
                  team,
                  stage,
                  n.number(node, "rating", path, null),
                  n.number(node, "low", path, null),
                  n.number(node, "high", path, null),
                  n.integer(node, "votes", path, 0));
          case "derivatives" ->
              new DerivativeCount(team, stage, n.integer(node, "count", path, null));
          case "originality" ->
              new OriginalityVerdict(
                  team,
                  stage,
                  n.bool(node, "passed", false) && node.has("passed"),
                  n.text(node, "reason", path, ""));
          default -> {
            if (!type.isEmpty()) {
              problems.add(
                  path + ".type",
                  "'"
                      + type
                      + "'은(는) benchmark, review, user-evaluation, derivatives, originality 중"
                      + " 하나가 아닙니다",
                  "'"
                      + type
                      + "' is not benchmark, review,"
                      + " user-evaluation, derivatives or originality");
            }
            yield null;
          }
        };
    if (out instanceof OriginalityVerdict && !node.has("passed")) {
      problems.add(path + ".passed", "값이 필요합니다 (true 또는 false)", "is required (true or false)");
    }
    return out;
  }
}
