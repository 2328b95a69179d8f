package kr.gukdae.arena;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Renders leaderboards; model names are user data, so CSV fields are quoted when needed. */
final class LeaderboardText {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LeaderboardText() {}

  static String csv(Leaderboard board) {
    var out = new StringBuilder("model,rating,lower,upper,battles,rank\n");
    for (ModelRating r : board.ratings()) {
      out.append(quote(r.model()))
          .append(',')
          .append(num(r.rating()))
          .append(',')
          .append(num(r.lower()))
          .append(',')
          .append(num(r.upper()))
          .append(',')
          .append(r.battles())
          .append(',')
          .append(r.rank())
          .append('\n');
    }
    return out.toString();
  }

  static String json(Leaderboard board) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("method", board.method().wireName());
    root.put("battles", board.battles());
    root.put("bootstrap_rounds", board.bootstrapRounds());
    root.put(
        "ratings",
        board.ratings().stream()
            .map(r -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("model", r.model());
              m.put("rating", round(r.rating()));
              m.put("lower", round(r.lower()));
              m.put("upper", round(r.upper()));
              m.put("battles", r.battles());
              m.put("rank", r.rank());
              return m;
            })
            .toList());
    if (!board.style().isEmpty()) {
      root.put(
          "style",
          board.style().stream()
              .map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("feature", s.feature());
                m.put("points", round(s.points()));
                m.put("lower", round(s.lower()));
                m.put("upper", round(s.upper()));
                return m;
              })
              .toList());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** JSON has no NaN: a bound no bootstrap round could estimate is written as null. */
  private static @Nullable Double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null;
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
