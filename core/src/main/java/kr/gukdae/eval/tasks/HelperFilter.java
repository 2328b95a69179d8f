package kr.gukdae.eval.tasks;

import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.TaskState;
import kr.gukdae.model.ModelOutput;

/**
 * lm-eval's custom filter ({@code function: custom}, {@code filter_fn: !function utils.x}) as the
 * first step of a filter: the helper gets {@code (resps, docs)} as lm-eval passes them, here one
 * document's {@code [[text]]} and {@code [doc]}, and returns the filtered responses in the same
 * shape; the first one replaces the completion before the filter's later steps and the scorers.
 */
final class HelperFilter {

  private HelperFilter() {}

  static List<ScoreSpec> wrap(String where, HelperRef ref, List<ScoreSpec> specs) {
    var python = new PythonHelpers(where, List.of(ref), PythonHelpers.Limits.defaults());
    return specs.stream()
        .map(spec ->
            spec.withScorer(state -> spec.scorer().score(filtered(where, python, ref, state))))
        .toList();
  }

  private static TaskState filtered(
      String where, PythonHelpers python, HelperRef ref, TaskState state) {
    ModelOutput output = state.output();
    if (output == null) {
      return state;
    }
    Object out =
        python.call(
            ref, List.of(List.of(List.of(output.text())), List.of(state.sample().doc().fields())));
    if (!(out instanceof List<?> perDoc)
        || perDoc.size() != 1
        || !(perDoc.get(0) instanceof List<?> responses)
        || responses.isEmpty()) {
      throw UserError.of(
          where
              + ": 사용자 정의 필터 "
              + ref
              + "이(가) "
              + state.sample().doc().where()
              + "에 대해 "
              + out
              + "을(를) 돌려주었습니다. lm-eval의 필터처럼 문서마다 응답 목록 하나를 돌려주어야 합니다",
          where
              + ": custom filter "
              + ref
              + " returned "
              + out
              + " for "
              + state.sample().doc().where()
              + "; it must return one list of responses per document, as lm-eval's filters do");
    }
    Object first = responses.get(0);
    String text = first instanceof String s ? s : String.valueOf(first);
    var replaced =
        new ModelOutput(
            text, output.finishReason(), output.promptTokens(), output.completionTokens());
    return new TaskState(
        state.sample(), state.messages(), replaced, state.choiceLogprobs(), state.calls());
  }
}
