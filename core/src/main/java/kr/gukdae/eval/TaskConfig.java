package kr.gukdae.eval;

import java.util.List;
import java.util.Objects;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.PromptFormat;
import org.jspecify.annotations.Nullable;

/**
 * The settings that shaped a task's prompts and requests; written to the run log's {@code configs}
 * so a run can be re-created and compared.
 */
public record TaskConfig(
    OutputType outputType,
    String datasetPath,
    String split,
    @Nullable String fewshotSplit,
    int numFewshot,
    long fewshotSeed,
    String targetDelimiter,
    String fewshotDelimiter,
    PromptFormat promptFormat,
    GenerateConfig generation,
    @Nullable String groupBy,
    List<String> metrics,
    String source,
    Prompt prompt) {

  /**
   * The few-shot draw's seed when a task file names none: lm-eval's {@code fewshot_random_seed}
   * default, so the same examples are drawn in the same order. The run log reports it as the run's
   * {@code random_seed}.
   */
  public static final long DEFAULT_FEWSHOT_SEED = 1234;

  /**
   * The templates and switches as the task file wrote them, for lm-eval's {@code configs} block and
   * the contamination audit: {@code doc_to_choice} as written (a template, or a list shown as
   * JSON), the few-shot sampler, and lm-eval's {@code should_decontaminate} / {@code
   * doc_to_decontamination_query}.
   */
  public record Prompt(
      String docToText,
      @Nullable String docToChoice,
      @Nullable String docToTarget,
      String description,
      String fewshotSampler,
      boolean shouldDecontaminate,
      @Nullable String decontaminationQuery) {
    public Prompt {
      Objects.requireNonNull(docToText, "docToText");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(fewshotSampler, "fewshotSampler");
    }
  }

  public TaskConfig {
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(datasetPath, "datasetPath");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(promptFormat, "promptFormat");
    Objects.requireNonNull(generation, "generation");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(prompt, "prompt");
    if (numFewshot < 0) {
      // TaskBuilder refuses a negative num_fewshot in a task file, EvalRequest in --num-fewshot
      throw new IllegalArgumentException("bug: num_fewshot must be >= 0");
    }
  }
}
