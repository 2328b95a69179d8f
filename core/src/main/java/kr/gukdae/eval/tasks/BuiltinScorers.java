package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.eval.Metrics;
import kr.gukdae.eval.ModelGraded;
import kr.gukdae.eval.PythonText;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Scorers;
import tools.jackson.databind.JsonNode;

/** The scorers every gukdae build has; registered in META-INF/services. */
public final class BuiltinScorers {

  private BuiltinScorers() {}

  /** {@code choice_loglikelihood}: acc, acc_norm and macro-F1 over log-likelihood choices. */
  public static final class ChoiceLoglikelihood implements ScorerFactory {
    @Override
    public String name() {
      return "choice_loglikelihood";
    }

    @Override
    public List<ScoreSpec> create(Context c) {
      return c.metrics().stream()
          .map(metric ->
              switch (metric) {
                case "acc" ->
                    new ScoreSpec(metric, "none", Scorers.choiceAccuracy(), Metrics.mean());
                case "acc_norm" ->
                    new ScoreSpec(
                        metric, "none", Scorers.choiceAccuracyNormalised(), Metrics.mean());
                case "f1" ->
                    new ScoreSpec(
                        metric, "none", Scorers.choiceAccuracy(), Metrics.macroF1(c.seed()));
                default -> throw c.unknownMetric(metric, "acc, acc_norm, f1");
              })
          .toList();
    }
  }

  /** {@code exact_match}: the extracted answer equals the target (f1: token overlap). */
  public static final class ExactMatch implements ScorerFactory {
    @Override
    public String name() {
      return "exact_match";
    }

    @Override
    public List<ScoreSpec> create(Context c) {
      boolean ignoreCase = Boolean.parseBoolean(c.options().getOrDefault("ignore_case", "false"));
      boolean ignorePunctuation =
          Boolean.parseBoolean(c.options().getOrDefault("ignore_punctuation", "false"));
      return c.metrics().stream()
          .map(metric ->
              switch (metric) {
                case "exact_match" ->
                    new ScoreSpec(
                        metric,
                        c.filterName(),
                        c.options().containsKey("regexes_to_ignore")
                            ? LmEvalExactMatch.of(
                                c.extractor(),
                                regexes(c, c.options().get("regexes_to_ignore")),
                                ignoreCase,
                                ignorePunctuation)
                            : Scorers.exactMatch(c.extractor(), ignoreCase, ignorePunctuation),
                        Metrics.mean());
                case "f1" ->
                    new ScoreSpec(
                        metric, c.filterName(), Scorers.tokenF1(c.extractor()), Metrics.mean());
                default -> throw c.unknownMetric(metric, "exact_match, f1");
              })
          .toList();
    }
  }

  /** {@code choice_letter}: generated multiple choice, the extracted letter is the gold one. */
  public static final class ChoiceLetter implements ScorerFactory {
    @Override
    public String name() {
      return "choice_letter";
    }

    @Override
    public List<ScoreSpec> create(Context c) {
      return single(c, "exact_match", Scorers.choiceLetter(c.extractor()), c.filterName());
    }
  }

  /** {@code boxed_math}: the last \boxed{} equals the target, numerically where possible. */
  public static final class BoxedMath implements ScorerFactory {
    @Override
    public String name() {
      return "boxed_math";
    }

    @Override
    public List<ScoreSpec> create(Context c) {
      return single(c, "exact_match", Scorers.boxedMath(), "boxed");
    }
  }

  /** {@code model_graded}: a judge model grades against {@code judge_rubric}. */
  public static final class Graded implements ScorerFactory {
    @Override
    public String name() {
      return "model_graded";
    }

    @Override
    public List<ScoreSpec> create(Context c) {
      if (c.judge() == null) {
        throw UserError.of(
            c.where() + ": model_graded 채점기에는 --judge <adapter/name>이 필요합니다",
            c.where() + ": scorer model_graded needs --judge <adapter/name>");
      }
      if (c.judgeRubric() == null) {
        throw UserError.of(
            c.where() + ": model_graded 채점기에는 judge_rubric이 필요합니다",
            c.where() + ": scorer model_graded needs judge_rubric");
      }
      return single(c, "model_graded", ModelGraded.scorer(c.judge(), c.judgeRubric()), "judge");
    }
  }

  /** {@code scorer_options.regexes_to_ignore}: a JSON array of regular expressions. */
  private static List<Pattern> regexes(ScorerFactory.Context c, String json) {
    try {
      List<Pattern> out = new ArrayList<>();
      for (JsonNode node : TaskLoader.JSON.readTree(json)) {
        out.add(PythonText.regex(node.asString()));
      }
      return out;
    } catch (RuntimeException e) {
      throw UserError.of(
          c.where()
              + ": scorer_options.regexes_to_ignore는 정규식으로 이루어진 JSON 목록이어야 합니다 ("
              + e.getMessage()
              + ")",
          c.where()
              + ": scorer_options.regexes_to_ignore must be a JSON list of regular expressions ("
              + e.getMessage()
              + ")");
    }
  }

  private static List<ScoreSpec> single(
      ScorerFactory.Context c, String metric, kr.gukdae.eval.Scorer scorer, String filter) {
    for (String m : c.metrics()) {
      if (!m.equals(metric)) {
        throw c.unknownMetric(m, metric);
      }
    }
    return List.of(new ScoreSpec(metric, filter, scorer, Metrics.mean()));
  }
}
