package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import tools.jackson.databind.JsonNode;

/** Reads the {@code scheme:} block; stage 1's scheme is the default for anything left out. */
final class SchemeReader {

  private SchemeReader() {}

  static Scheme read(JsonNode s, Nodes n, Problems problems) {
    String path = "scheme";
    double total = n.number(s, "total", path, 100.0);
    List<Component> components = new ArrayList<>();
    List<JsonNode> items = n.list(s, "components", path, true);
    for (int i = 0; i < items.size(); i++) {
      JsonNode c = items.get(i);
      String cp = path + ".components[" + i + "]";
      ComponentKind kind = n.choice(c, "kind", cp, ComponentKind.class, null);
      double points = n.number(c, "points", cp, null);
      if (Double.isFinite(points) && points < 0) {
        problems.add(cp + ".points", "음수일 수 없습니다", "must not be negative");
      }
      components.add(
          new Component(
              n.text(c, "id", cp, null),
              kind == null ? ComponentKind.EXPERT_REVIEW : kind,
              points,
              n.strings(c, "benchmarks", cp),
              n.number(c, "fullAt", cp, 100.0)));
    }
    double sum = components.stream().mapToDouble(Component::points).sum();
    if (Double.isFinite(sum) && Math.abs(sum - total) > 1e-6) {
      problems.add(
          path + ".components",
          "배점 합계가 " + fmt(sum) + "점인데 scheme.total은 " + fmt(total) + "점입니다 (항목의 배점이나 total을 고치세요)",
          "points sum to "
              + fmt(sum)
              + " but scheme.total declares "
              + fmt(total)
              + " (change a component's points or the total)");
    }
    JsonNode f = s.path("pointsFunction");
    String type = n.text(f, "type", path + ".pointsFunction", "linear-to-bar");
    double bar = n.number(f, "bar", path + ".pointsFunction", 0.95);
    PointsFunction function;
    try {
      function =
          switch (type.toLowerCase(Locale.ROOT)) {
            case "linear-to-bar" -> new PointsFunction.LinearToBar(bar);
            case "floor-to-bar" ->
                new PointsFunction.FloorToBar(
                    n.number(f, "floor", path + ".pointsFunction", 0.5), bar);
            default -> {
              problems.add(
                  path + ".pointsFunction.type",
                  "'" + type + "'은(는) linear-to-bar 또는 floor-to-bar가 아닙니다",
                  "'" + type + "' is not linear-to-bar or floor-to-bar");
              yield new PointsFunction.LinearToBar(0.95);
            }
          };
    } catch (UserError e) {
      problems.add(path + ".pointsFunction", e);
      function = new PointsFunction.LinearToBar(0.95);
    }
    JsonNode rating = s.path("userRating");
    double floor = n.number(rating, "floor", path + ".userRating", 1000.0);
    double ceiling = n.number(rating, "ceiling", path + ".userRating", 1300.0);
    if (!(ceiling > floor)) {
      problems.add(path + ".userRating", "ceiling은 floor보다 커야 합니다", "ceiling must be above floor");
    }
    JsonNode d = s.path("designation");
    return new Scheme(
        total,
        components,
        function,
        n.strings(s, "tieBreak", path),
        n.bool(s, "originalityGate", true),
        floor,
        ceiling,
        n.choiceOr(
            s, "missingEvidence", path, Scheme.MissingEvidence.class, Scheme.MissingEvidence.ERROR),
        d.has("kAiModel") ? n.number(d, "kAiModel", path + ".designation", null) : null,
        d.has("kAiCompany") ? n.number(d, "kAiCompany", path + ".designation", null) : null);
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
