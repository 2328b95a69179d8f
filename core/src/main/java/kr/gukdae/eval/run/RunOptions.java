package kr.gukdae.eval.run;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to run: where the run lives, how many samples to take per task, how many to have in flight.
 * {@code runId} names the run folder under {@code outputDir}; an existing folder is resumed only
 * when {@code resume} is set.
 */
public record RunOptions(
    Path outputDir,
    String runId,
    @Nullable Integer limit,
    @Nullable Integer numFewshot,
    int concurrency,
    boolean resume) {

  public RunOptions {
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(runId, "runId");
    if (!runId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw kr.gukdae.UserError.of(
          "run id '" + runId + "': 영문자, 숫자, '.', '_', '-'만 쓸 수 있습니다 (64자 이하)",
          "run id '" + runId + "': may use letters, digits, '.', '_' and '-' (at most 64)");
    }
    if (concurrency < 1) {
      throw kr.gukdae.UserError.of(
          "--concurrency는 1 이상이어야 합니다 (받은 값: " + concurrency + ")",
          "--concurrency must be at least 1, got " + concurrency);
    }
    if (limit != null && limit < 1) {
      throw kr.gukdae.UserError.of(
          "--limit는 1 이상이어야 합니다 (받은 값: " + limit + ")", "--limit must be at least 1, got " + limit);
    }
  }

  public Path runDir() {
    return outputDir.resolve(runId);
  }
}
