package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.AnswerExtractor;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Scorer;
import kr.gukdae.eval.TaskState;
import kr.gukdae.model.LoglikelihoodResult;

/**
 * lm-eval's {@code process_results: !function utils.x}: the helper gets the document and the
 * model's results as lm-eval passes them ({@code [[loglikelihood, is_greedy], ...]} one per choice,
 * or {@code [generated_text]} after the filter) and returns {@code {metric: value}}; each metric of
 * {@code metric_list} is its value's mean over the documents. The helper process lives as long as
 * it is used (it ends itself when idle) and is shared by the task's scorers.
 */
final class HelperScorer {

  private HelperScorer() {}

  static List<ScoreSpec> create(
      String where,
      HelperRef ref,
      List<String> metrics,
      Map<String, String> aggregations,
      String filterName,
      AnswerExtractor extractor,
      long seed) {
    var python = new PythonHelpers(where, List.of(ref), PythonHelpers.Limits.defaults());
    List<ScoreSpec> specs = new ArrayList<>();
    for (String metric : metrics) {
      var aggregation = HelperAggregation.of(where, metric, aggregations.get(metric));
      Scorer scorer = state -> score(where, python, ref, metric, aggregation, extractor, state);
      specs.add(
          new ScoreSpec(
              metric,
              filterName,
              scorer,
              aggregation.metric(seed),
              aggregation.wireName(),
              HelperAggregation.defaultHigherIsBetter(metric)));
    }
    return specs;
  }

  private static Score score(
      String where,
      PythonHelpers python,
      HelperRef ref,
      String metric,
      HelperAggregation aggregation,
      AnswerExtractor extractor,
      TaskState state) {
    List<Object> results = new ArrayList<>();
    String answer;
    if (state.sample().isMultipleChoice()) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      List<LoglikelihoodResult> lls = state.choiceLogprobs();
      for (int i = 0; i < lls.size(); i++) {
        results.add(List.of(lls.get(i).logprob(), lls.get(i).greedy()));
        if (lls.get(i).logprob() > bestValue) {
          bestValue = lls.get(i).logprob();
          best = i;
        }
      }
      answer = String.valueOf(best);
    } else {
      answer = extractor.extract(state.completion());
      results.add(answer);
    }
    Object out = python.call(ref, List.of(state.sample().doc().fields(), results));
    Score score = aggregation.score(out instanceof Map<?, ?> values ? values.get(metric) : null);
    if (score == null) {
      throw UserError.of(
          where
              + ": process_results 도우미 "
              + ref
              + "이(가) "
              + state.sample().doc().where()
              + "에 대해 "
              + out
              + "을(를) 돌려주었습니다. metric_list가 지정한 지표 '"
              + metric
              + "'(aggregation "
              + aggregation.wireName()
              + ")에 필요한 값("
              + aggregation.expectedKorean()
              + ")이 없습니다",
          where
              + ": process_results helper "
              + ref
              + " returned "
              + out
              + " for "
              + state.sample().doc().where()
              + ", without "
              + aggregation.expected()
              + " for metric '"
              + metric
              + "' (aggregation "
              + aggregation.wireName()
              + ") that metric_list names");
    }
    // the averages keep the answer and target for the samples file; F1/MCC carry their labels
    return score.answer().isEmpty() && score.target().isEmpty()
        ? new Score(score.value(), answer, state.sample().target())
        : score;
  }
}
