package kr.gukdae.eval.tasks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A task file as written: lm-evaluation-harness's YAML keys where they exist, plus gukdae's {@code
 * dataset.files}, {@code scorer} and {@code demo}. {@code prompt_prefix} is lm-eval's {@code
 * description} (a Jinja text put before the few-shot examples); {@code filter_list} scores the same
 * answers under several filters (GSM8K's strict-match and flexible-extract); {@code process_docs}
 * names row preprocessing written in code ({@link DocProcessors}). {@code fewshot_doc_to_text} and
 * {@code fewshot_doc_to_target} are lm-eval's {@code fewshot_config} templates (a few-shot example
 * rendered differently from the question, e.g. MMLU-Pro's chain of thought); {@code fewshot_match}
 * names a column whose value a test row's examples must share (MMLU-Pro takes its examples from the
 * same category). Without {@code fewshot_split}, examples come from {@code training_split}, else
 * {@code validation_split}, else the test split itself, as lm-eval's rule goes (and, as there, only
 * an explicit {@code fewshot_split} equal to the test split removes the evaluated document from its
 * examples). {@code fewshot_samples} are lm-eval's inline {@code fewshot_config.samples} (examples
 * written in the task file, e.g. KMMLU CoT-hard). {@code should_decontaminate} and {@code
 * doc_to_decontamination_query} are lm-eval's contamination switches, kept for the audit. An
 * imported lm-eval task's {@code !function} values ({@code process_docs}, {@code doc_to_*}, {@code
 * process_results}) arrive here as marks ({@link LmEvalYaml#helperOf}) and run in {@link
 * PythonHelpers}. {@code fewshot_as_multiturn} (lm-eval's run flag of that name, here also a task
 * key) sends the few-shot examples to chat models as alternating user and assistant turns. {@code
 * metric_aggregation} (metric → lm-eval aggregation name, for {@code process_results} metrics) and
 * {@code higher_is_better} (metric → direction) are lm-eval's per-metric {@code metric_list} keys.
 * Validation happens in {@link TaskLoader}, which knows the file name for its messages.
 */
record TaskDefinition(
    @Nullable String task,
    @Nullable Integer version,
    @Nullable String description,
    @Nullable Boolean demo,
    @Nullable DatasetSpec dataset,
    @Nullable String testSplit,
    @Nullable String fewshotSplit,
    @Nullable String trainingSplit,
    @Nullable String validationSplit,
    @Nullable Integer numFewshot,
    @Nullable String fewshotSampler,
    @Nullable Long fewshotSeed,
    @Nullable String outputType,
    @Nullable String docToText,
    @Nullable Object docToChoice,
    @Nullable Object docToTarget,
    @Nullable String targetDelimiter,
    @Nullable String fewshotDelimiter,
    @Nullable String groupBy,
    @Nullable List<String> metricList,
    @Nullable GenerationSpec generationKwargs,
    @Nullable String scorer,
    @Nullable Map<String, String> scorerOptions,
    @Nullable FilterSpec filter,
    @Nullable String promptFormat,
    @Nullable String systemPrompt,
    @Nullable String judgeRubric,
    @Nullable String promptPrefix,
    @Nullable List<FilterSpec> filterList,
    @Nullable String processDocs,
    @Nullable String fewshotDocToText,
    @Nullable String fewshotDocToTarget,
    @Nullable String fewshotMatch,
    @Nullable List<Map<String, Object>> fewshotSamples,
    @Nullable Boolean shouldDecontaminate,
    @Nullable String docToDecontaminationQuery,
    @Nullable String processResults,
    @Nullable Boolean fewshotAsMultiturn,
    @Nullable Map<String, String> metricAggregation,
    @Nullable Map<String, Boolean> higherIsBetter) {

  /**
   * Where the rows come from. {@code path} is the Hugging Face repository id (e.g. {@code
   * HAERAE-HUB/KMMLU}) and {@code name} its config; {@code files} maps split name to a file,
   * relative to the task file, or to {@code <data dir>/<path>/} when a data directory is given.
   * {@code columns} maps a name the templates use to the file's column, for copies of a data set
   * whose columns are named differently from the published ones.
   */
  record DatasetSpec(
      @Nullable String path,
      @Nullable String name,
      @Nullable Map<String, String> files,
      @Nullable Map<String, String> columns) {}

  record GenerationSpec(
      @Nullable List<String> until, @Nullable Integer maxGenToks, @Nullable Double temperature) {}

  /**
   * Answer extraction before scoring: a regex and its group, or a named extractor. With {@code
   * select} the regex follows lm-eval's regex filter instead: all matches, the one at index {@code
   * select} (-1 = last), its first non-empty group, stripped. {@code python} is an imported lm-eval
   * custom filter's {@code filter_fn} helper, applied first ({@link HelperFilter}).
   */
  record FilterSpec(
      @Nullable String name,
      @Nullable String regex,
      @Nullable Integer group,
      @Nullable String type,
      @Nullable Integer select,
      @Nullable String python) {}
}
