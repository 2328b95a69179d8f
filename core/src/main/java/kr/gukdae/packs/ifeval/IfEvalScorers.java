package kr.gukdae.packs.ifeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.Metric;
import kr.gukdae.eval.Metrics;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Scorer;
import kr.gukdae.eval.tasks.ScorerFactory;

/**
 * {@code scorer: ifeval}: checks every instruction of a row ({@code instruction_id_list} with its
 * {@code kwargs}) against the response. Strict checks the response as given; loose also accepts it
 * with the first and/or last line dropped and with asterisks removed, as IFEval defines. {@code
 * scorer_options.language: ko} switches to Ko-IFEval's Korean counting and matching.
 */
public final class IfEvalScorers implements ScorerFactory {

  static final String ALL = "all followed";

  @Override
  public String name() {
    return "ifeval";
  }

  @Override
  public List<ScoreSpec> create(Context c) {
    Language language = Language.fromOption(c.options().getOrDefault("language", "en"), c.where());
    return c.metrics().stream()
        .map(metric ->
            switch (metric) {
              case "prompt_level_strict_acc" ->
                  new ScoreSpec(metric, "none", promptLevel(language, false), Metrics.mean());
              case "inst_level_strict_acc" ->
                  new ScoreSpec(metric, "none", instLevel(language, false), instMetric());
              case "prompt_level_loose_acc" ->
                  new ScoreSpec(metric, "none", promptLevel(language, true), Metrics.mean());
              case "inst_level_loose_acc" ->
                  new ScoreSpec(metric, "none", instLevel(language, true), instMetric());
              default ->
                  throw c.unknownMetric(
                      metric,
                      "prompt_level_strict_acc, inst_level_strict_acc,"
                          + " prompt_level_loose_acc, inst_level_loose_acc");
            })
        .toList();
  }

  static Scorer promptLevel(Language language, boolean loose) {
    return state -> {
      Verdict v = verdict(state.sample().doc(), state.completion(), language, loose);
      return new Score(v.failed().isEmpty() ? 1.0 : 0.0, v.summary(), ALL);
    };
  }

  /**
   * Value is the followed fraction; the answer starts "k/n" so the metric can pool instructions.
   */
  static Scorer instLevel(Language language, boolean loose) {
    return state -> {
      Verdict v = verdict(state.sample().doc(), state.completion(), language, loose);
      return new Score((double) v.followed() / v.total(), v.summary(), String.valueOf(v.total()));
    };
  }

  /** Followed instructions over all instructions (not a mean of per-prompt fractions). */
  static Metric instMetric() {
    return scores -> {
      long followed = 0;
      long total = 0;
      for (Score s : scores) {
        String head = s.answer().split(" ", 2)[0];
        String[] parts = head.split("/");
        followed += Long.parseLong(parts[0]);
        total += Long.parseLong(parts[1]);
      }
      if (total == 0) {
        return new Metric.MetricValue(Double.NaN, Double.NaN, "instruction mean");
      }
      double p = (double) followed / total;
      double stderr = total < 2 ? Double.NaN : Math.sqrt(p * (1 - p) / (total - 1));
      return new Metric.MetricValue(p, stderr, "mean over instructions");
    };
  }

  record Verdict(int followed, int total, List<String> failed) {
    String summary() {
      String head = followed + "/" + total + " followed";
      return failed.isEmpty() ? head : head + "; failed: " + String.join(", ", failed);
    }
  }

  static Verdict verdict(Row row, String response, Language language, boolean loose) {
    List<String> ids = idList(row);
    List<Map<?, ?>> kwargs = kwargsList(row, ids.size());
    List<String> candidates = loose ? looseVariants(response) : List.of(response);
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      var check = Instructions.create(row.where(), ids.get(i), kwargs.get(i), language);
      boolean ok = candidates.stream().anyMatch(r -> !r.isBlank() && check.follows(r));
      if (!ok) {
        failed.add(ids.get(i));
      }
    }
    return new Verdict(ids.size() - failed.size(), ids.size(), failed);
  }

  /** The response, without its first line, last line or both, each also with '*' removed. */
  static List<String> looseVariants(String response) {
    String[] lines = response.split("\n", -1);
    String noFirst = join(lines, 1, lines.length);
    String noLast = join(lines, 0, lines.length - 1);
    String noBoth = join(lines, 1, lines.length - 1);
    List<String> out = new ArrayList<>();
    for (String r : List.of(response, noFirst, noLast, noBoth)) {
      out.add(r);
    }
    for (String r : List.of(response, noFirst, noLast, noBoth)) {
      out.add(r.replace("*", ""));
    }
    return out;
  }

  private static String join(String[] lines, int from, int to) {
    return from >= to ? "" : String.join("\n", List.of(lines).subList(from, to)).strip();
  }

  private static List<String> idList(Row row) {
    if (!(row.get("instruction_id_list") instanceof List<?> list) || list.isEmpty()) {
      throw UserError.of(
          row.where() + ": instruction_id_list는 지시문 ID로 이루어진, 비어 있지 않은 목록이어야 합니다",
          row.where() + ": instruction_id_list must be a non-empty list of instruction ids");
    }
    return list.stream().map(x -> String.valueOf(Objects.requireNonNull(x))).toList();
  }

  private static List<Map<?, ?>> kwargsList(Row row, int size) {
    if (!(row.get("kwargs") instanceof List<?> list) || list.size() != size) {
      throw UserError.of(
          row.where() + ": kwargs는 지시문 ID마다 객체 하나씩(" + size + "개) 담은 목록이어야 합니다",
          row.where()
              + ": kwargs must be a list with one object per instruction id ("
              + size
              + ")");
    }
    List<Map<?, ?>> out = new ArrayList<>();
    for (Object o : list) {
      if (o == null) {
        out.add(Map.of());
      } else if (o instanceof Map<?, ?> m) {
        out.add(m);
      } else {
        throw UserError.of(
            row.where() + ": kwargs의 각 항목은 객체여야 합니다 (받은 값: " + o + ")",
            row.where() + ": each kwargs entry must be an object, got " + o);
      }
    }
    return out;
  }
}
