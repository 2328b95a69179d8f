package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;

/**
 * The few-shot examples put before each question, as lm-evaluation-harness joins them: each
 * example's text, the target delimiter, its answer, the few-shot delimiter. Without {@code
 * fewshot_match} every question gets the same examples; with it, a question's examples are drawn
 * from the pool rows that share its value in that column (computed once per value).
 */
final class FewshotContext {

  private final String where;
  private final TaskDefinition def;
  private final SampleRenderer renderer;
  private final List<Row> pool;
  private final int shots;
  private final long seed;
  private final String targetDelimiter;
  private final String fewshotDelimiter;
  private final Map<String, String> byValue = new HashMap<>();

  FewshotContext(
      String where,
      TaskDefinition def,
      SampleRenderer renderer,
      List<Row> pool,
      int shots,
      long seed,
      String targetDelimiter,
      String fewshotDelimiter) {
    this.where = where;
    this.def = def;
    this.renderer = renderer;
    this.pool = pool;
    this.shots = shots;
    this.seed = seed;
    this.targetDelimiter = targetDelimiter;
    this.fewshotDelimiter = fewshotDelimiter;
    if (def.fewshotDocToText() != null) {
      Templates.checkSyntax(def.fewshotDocToText(), where + ": fewshot_doc_to_text");
    }
    if (def.fewshotDocToTarget() != null) {
      Templates.checkSyntax(def.fewshotDocToTarget(), where + ": fewshot_doc_to_target");
    }
  }

  /** The examples for one test row ("" with no shots). */
  String prefixFor(Row row) {
    if (shots == 0) {
      return "";
    }
    String column = def.fewshotMatch();
    String key = column == null ? "" : row.getString(column);
    return byValue.computeIfAbsent(key, k -> render(candidates(column, k)));
  }

  private List<Row> candidates(String column, String value) {
    if (column == null) {
      return pool;
    }
    List<Row> same = pool.stream().filter(r -> r.getString(column).equals(value)).toList();
    if (same.size() < shots) {
      throw new UserError(
          where
              + ": num_fewshot "
              + shots
              + " but the fewshot split has "
              + same.size()
              + " rows with "
              + column
              + " = '"
              + value
              + "' (fewshot_match takes examples from the same "
              + column
              + ")");
    }
    return same;
  }

  private String render(List<Row> candidates) {
    List<Row> chosen =
        "first_n".equals(def.fewshotSampler())
            ? candidates.subList(0, shots)
            : pick(candidates, shots, seed);
    var prefix = new StringBuilder();
    for (Row shot : chosen) {
      prefix.append(text(shot)).append(targetDelimiter);
      prefix.append(target(shot)).append(fewshotDelimiter);
    }
    return prefix.toString();
  }

  private String text(Row shot) {
    return def.fewshotDocToText() == null
        ? renderer.text(shot)
        : Templates.render(def.fewshotDocToText(), shot, "fewshot_doc_to_text");
  }

  private String target(Row shot) {
    return def.fewshotDocToTarget() == null
        ? renderer.targetText(shot)
        : Templates.render(def.fewshotDocToTarget(), shot, "fewshot_doc_to_target");
  }

  /** Seeded partial Fisher–Yates: the same seed always gives the same examples in order. */
  static List<Row> pick(List<Row> pool, int shots, long seed) {
    List<Row> copy = new ArrayList<>(pool);
    var random = new SplittableRandom(seed);
    for (int i = 0; i < shots; i++) {
      int j = i + random.nextInt(copy.size() - i);
      Row tmp = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, tmp);
    }
    return copy.subList(0, shots);
  }
}
