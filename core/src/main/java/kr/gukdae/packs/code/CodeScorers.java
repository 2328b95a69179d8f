package kr.gukdae.packs.code;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.Metrics;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Scorer;
import kr.gukdae.eval.tasks.ScorerFactory;

/**
 * {@code scorer: code_execution}: HumanEval-style pass@1. The program is the row's {@code prompt}
 * plus the completion, then the row's {@code test} and {@code check(<entry_point>)}, run in the
 * {@link Sandbox}; it passes when it exits cleanly. A failure's reason is kept as the answer.
 */
public final class CodeScorers implements ScorerFactory {

  @Override
  public String name() {
    return "code_execution";
  }

  @Override
  public List<ScoreSpec> create(Context c) {
    Sandbox.Limits limits = limits(c.options(), c.where());
    for (String metric : c.metrics()) {
      if (!metric.equals("pass_at_1")) {
        throw c.unknownMetric(metric, "pass_at_1");
      }
    }
    return List.of(new ScoreSpec("pass_at_1", "n=1", scorer(limits), Metrics.mean()));
  }

  static Scorer scorer(Sandbox.Limits limits) {
    return state -> {
      Row row = state.sample().doc();
      String program = program(row, state.completion());
      Sandbox.Result result = Sandbox.runPython(program, limits);
      return new Score(result.passed() ? 1.0 : 0.0, result.reason(), "passed");
    };
  }

  static String program(Row row, String completion) {
    String entryPoint = row.getString("entry_point").strip();
    if (!entryPoint.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw UserError.of(
          row.where() + ": entry_point '" + entryPoint + "'은(는) Python 함수 이름이 아닙니다",
          row.where() + ": entry_point '" + entryPoint + "' is not a Python function name");
    }
    return row.getString("prompt")
        + completion
        + "\n\n"
        + row.getString("test")
        + "\n\ncheck("
        + entryPoint
        + ")\n";
  }

  private static Sandbox.Limits limits(Map<String, String> options, String where) {
    try {
      int seconds = Integer.parseInt(options.getOrDefault("timeout_seconds", "10"));
      int memoryMb = Integer.parseInt(options.getOrDefault("memory_mb", "1024"));
      return new Sandbox.Limits(
          Duration.ofSeconds(seconds), seconds, (long) memoryMb << 20, 16L << 20);
    } catch (IllegalArgumentException e) {
      throw UserError.of(
          where
              + ": scorer_options의 timeout_seconds(1 이상)와 memory_mb(64 이상)는 정수여야 합니다 ("
              + e.getMessage()
              + ")",
          where
              + ": scorer_options timeout_seconds (≥ 1) and memory_mb (≥ 64) must be whole numbers ("
              + e.getMessage()
              + ")");
    }
  }
}
