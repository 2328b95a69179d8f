package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;

/**
 * The few-shot examples put before each question, as lm-evaluation-harness (its {@code
 * ContextSampler}s and {@code build_qa_turn}) makes them.
 *
 * <ul>
 *   <li>The default sampler keeps one {@code random.Random(seed)} per task and draws {@code
 *       sample(pool, n)} for each document in order, so every document gets its own examples;
 *       {@link PythonRandom} reproduces CPython's draws.
 *   <li>When the few-shot split is the evaluated split, the document must not be its own example:
 *       lm-eval draws n + 1, drops every pool row equal to the document, keeps the first n. {@code
 *       first_n} takes the first n of the pool without the document.
 *   <li>Each example is its text and its answer ({@link Shot}); {@link ContextLayout} joins them.
 *   <li>With {@code fewshot_match} (gukdae's way of writing lm-eval's one-task-per-category
 *       configs, MMLU-Pro) the pool is the rows sharing the document's value in that column, each
 *       value with its own generator, as each of lm-eval's per-category tasks has.
 * </ul>
 *
 * {@link #shotsFor} must be called for the documents in order, from one thread, as the draws are
 * sequential. Each pool row is rendered once.
 */
final class FewshotContext {

  private final String where;
  private final TaskDefinition def;
  private final SampleRenderer renderer;
  private final List<Row> pool;
  private final int shots;
  private final long seed;
  private final boolean excludeEvaluated;
  private final boolean firstN;
  private final Map<String, PythonRandom> generators = new HashMap<>();
  private final Map<String, List<Integer>> candidates = new HashMap<>();
  private final Map<Integer, Shot> rendered = new HashMap<>();

  FewshotContext(
      String where,
      TaskDefinition def,
      SampleRenderer renderer,
      List<Row> pool,
      int shots,
      long seed,
      boolean excludeEvaluated) {
    this.where = where;
    this.def = def;
    this.renderer = renderer;
    this.pool = pool;
    this.shots = shots;
    this.seed = seed;
    this.excludeEvaluated = excludeEvaluated;
    String sampler = def.fewshotSampler() == null ? "default" : def.fewshotSampler();
    if (!sampler.equals("default") && !sampler.equals("first_n")) {
      throw UserError.of(
          where + ": fewshot_sampler '" + sampler + "'을(를) 알 수 없습니다. default 또는 first_n을 쓰세요",
          where + ": fewshot_sampler '" + sampler + "' is unknown; use default or first_n");
    }
    this.firstN = sampler.equals("first_n");
    if (def.fewshotDocToText() != null && !HelperValues.isHelper(def.fewshotDocToText())) {
      Templates.checkSyntax(def.fewshotDocToText(), where + ": fewshot_doc_to_text");
    }
    if (def.fewshotDocToTarget() != null && !HelperValues.isHelper(def.fewshotDocToTarget())) {
      Templates.checkSyntax(def.fewshotDocToTarget(), where + ": fewshot_doc_to_target");
    }
  }

  /**
   * The examples for the next document (none with no shots), as lm-eval's {@code build_qa_turn}
   * takes them; {@link ContextLayout} lays them out as text or chat turns.
   */
  List<Shot> shotsFor(Row row) {
    List<Shot> shots = new ArrayList<>();
    for (int index : chosen(row)) {
      shots.add(rendered.computeIfAbsent(index, i -> shot(pool.get(i))));
    }
    return shots;
  }

  private List<Integer> chosen(Row row) {
    if (shots == 0) {
      return List.of();
    }
    String column = def.fewshotMatch();
    String key = column == null ? "" : row.getString(column);
    List<Integer> from = candidates.computeIfAbsent(key, k -> candidates(column, k));
    return choose(row, key, from);
  }

  private List<Integer> choose(Row row, String key, List<Integer> from) {
    List<Integer> chosen;
    if (firstN) {
      chosen = excludeEvaluated ? without(row, from) : from;
      if (chosen.size() < shots) {
        throw tooFew(chosen.size(), row);
      }
      return chosen.subList(0, shots);
    }
    PythonRandom random = generators.computeIfAbsent(key, k -> new PythonRandom(seed));
    if (!excludeEvaluated) {
      if (from.size() < shots) {
        throw tooFew(from.size(), row);
      }
      return random.sample(from, shots);
    }
    if (from.size() < shots + 1) {
      throw tooFew(from.size() - 1, row);
    }
    chosen = without(row, random.sample(from, shots + 1));
    if (chosen.size() < shots) {
      // lm-eval stops here too: the document's duplicates in the pool were all drawn.
      throw UserError.of(
          row.where() + ": few-shot 분할에 이 문서의 사본이 있어 제외하고 나면 예시가 " + shots + "개보다 적습니다. 중복 행을 지우세요",
          row.where()
              + ": the fewshot split holds copies of this document, so fewer than "
              + shots
              + " examples remain after removing it; remove the duplicate rows");
    }
    return chosen.subList(0, shots);
  }

  /** The pool without rows equal to the evaluated one (lm-eval compares documents by value). */
  private List<Integer> without(Row row, List<Integer> indices) {
    return indices.stream().filter(i -> !pool.get(i).fields().equals(row.fields())).toList();
  }

  private UserError tooFew(int available, Row row) {
    String column = def.fewshotMatch();
    String english =
        column == null
            ? "the fewshot split has " + available
            : "the fewshot split has "
                + available
                + " rows with "
                + column
                + " = '"
                + row.getString(column)
                + "' (fewshot_match takes examples from the same "
                + column
                + ")";
    String korean =
        column == null
            ? "few-shot 분할에는 " + available + "개뿐입니다"
            : "few-shot 분할에 "
                + column
                + " = '"
                + row.getString(column)
                + "'인 행이 "
                + available
                + "개뿐입니다 (fewshot_match는 같은 "
                + column
                + "의 예시만 씁니다)";
    return UserError.of(
        where + ": num_fewshot " + shots + "개가 필요하지만 " + korean + ". --num-fewshot을 줄이세요",
        where + ": num_fewshot " + shots + " but " + english + "; lower --num-fewshot");
  }

  private List<Integer> candidates(@Nullable String column, String value) {
    if (column == null) {
      return IntStream.range(0, pool.size()).boxed().toList();
    }
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      if (pool.get(i).getString(column).equals(value)) {
        same.add(i);
      }
    }
    return same;
  }

  /**
   * lm-eval's {@code has_answer}: a multiple-choice example always has one (its gold index), a text
   * answer only when it is not empty.
   */
  private Shot shot(Row shot) {
    String answer = exampleAnswer(shot);
    boolean hasAnswer =
        def.fewshotDocToTarget() == null && renderer.hasChoices() || !answer.isEmpty();
    return new Shot(exampleText(shot), hasAnswer ? answer : null);
  }

  private String exampleText(Row shot) {
    return def.fewshotDocToText() == null
        ? renderer.text(shot)
        : renderer.text(def.fewshotDocToText(), "fewshot_doc_to_text", shot);
  }

  private String exampleAnswer(Row shot) {
    return def.fewshotDocToTarget() == null
        ? renderer.targetText(shot)
        : renderer.text(def.fewshotDocToTarget(), "fewshot_doc_to_target", shot);
  }
}
