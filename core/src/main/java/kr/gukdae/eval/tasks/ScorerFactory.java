package kr.gukdae.eval.tasks;

import java.util.List;
import java.util.Map;
import kr.gukdae.eval.AnswerExtractor;
import kr.gukdae.eval.OutputType;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.model.ModelApi;
import org.jspecify.annotations.Nullable;

/**
 * Makes the scorers a task file asks for with {@code scorer: NAME}. Found with {@link
 * java.util.ServiceLoader} from {@code META-INF/services/kr.gukdae.eval.tasks.ScorerFactory}, so a
 * benchmark pack adds its scoring logic without editing the loader.
 */
public interface ScorerFactory {

  /** The value of {@code scorer:} in task files. */
  String name();

  /** One {@link ScoreSpec} per metric in {@code context.metrics()}. */
  List<ScoreSpec> create(Context context);

  /** What a task file says about scoring, already validated. */
  record Context(
      String where,
      OutputType outputType,
      List<String> metrics,
      AnswerExtractor extractor,
      String filterName,
      long seed,
      @Nullable ModelApi judge,
      @Nullable String judgeRubric,
      Map<String, String> options) {

    public Context {
      metrics = List.copyOf(metrics);
      options = Map.copyOf(options);
    }

    public kr.gukdae.UserError unknownMetric(String metric, String known) {
      return kr.gukdae.UserError.of(
          where + ": 지표 '" + metric + "'은(는) 이 채점기가 알지 못합니다. " + known + " 중에서 쓰세요",
          where + ": metric '" + metric + "' is not known for this scorer; use " + known);
    }
  }
}
