package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.AnswerExtractor;
import kr.gukdae.eval.OutputType;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Solver;
import kr.gukdae.eval.Solvers;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskConfig;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.PromptFormat;
import org.jspecify.annotations.Nullable;

/** Validates a parsed task file and renders its rows into samples, solvers and scorers. */
final class TaskBuilder {

  private final String where;
  private final TaskDefinition def;
  private final Map<String, List<Row>> splits;
  private final Map<String, String> missing;
  private final String hash;
  private final TaskLoader.Options options;
  // Built once: the helpers' values are looked up by these very rows.
  private final List<Row> inlineSamples;

  TaskBuilder(
      String where,
      TaskDefinition def,
      Map<String, List<Row>> splits,
      Map<String, String> missing,
      String hash,
      TaskLoader.Options options) {
    this.where = where;
    this.def = def;
    this.splits = splits;
    this.missing = missing;
    this.hash = hash;
    this.options = options;
    List<Row> inline = new ArrayList<>();
    if (def.fewshotSamples() != null) {
      for (int i = 0; i < def.fewshotSamples().size(); i++) {
        inline.add(new Row(where + " fewshot_samples", i + 1, def.fewshotSamples().get(i)));
      }
    }
    this.inlineSamples = List.copyOf(inline);
  }

  Task build() {
    var columns = def.dataset() == null ? null : def.dataset().columns();
    if (columns != null && !columns.isEmpty()) {
      splits.replaceAll((split, rows) -> rows.stream().map(r -> renamed(r, columns)).toList());
    }
    if (def.processDocs() != null && !HelperValues.isHelper(def.processDocs())) {
      var processor = DocProcessors.named(where, def.processDocs());
      splits.replaceAll((split, rows) -> rows.stream().map(processor).toList());
    }
    if (def.processResults() != null && !HelperValues.isHelper(def.processResults())) {
      throw UserError.of(
          where + ": process_results는 lm-eval '!function module.name' 형식이어야 합니다",
          where + ": process_results must be an lm-eval '!function module.name'");
    }
    // lm-eval's !function helpers, run in the Python sandbox (process_docs replaces the rows)
    HelperValues helpers = HelperValues.compute(where, def, splits, inlineSamples);
    String name = required(def.task(), "task");
    if (!Task.isName(name)) {
      throw UserError.of(
          where + ": task '" + name + "'은(는) 소문자 namespace/name 형식이어야 합니다. 예: ko/kmmlu",
          where + ": task '" + name + "' must be namespace/name in lower case, e.g. ko/kmmlu");
    }
    OutputType type = OutputType.fromWire(required(def.outputType(), "output_type"), where);
    // lm-eval allows doc_to_text: '' (an empty context); only a missing key is an error
    if (def.docToText() == null) {
      throw UserError.of(
          where + ": 필수 필드 'doc_to_text'가 없습니다",
          where + ": required field 'doc_to_text' is missing");
    }
    String docToText = def.docToText();
    if (!HelperValues.isHelper(docToText)) {
      Templates.checkSyntax(docToText, where + ": doc_to_text");
    }
    String testSplit = Objects.requireNonNullElse(def.testSplit(), "test");
    List<Row> rows = split(testSplit, "test_split");
    int shots = shots();
    List<Row> fewshotPool = shots > 0 ? fewshotPool(testSplit) : List.of();
    // lm-eval removes the evaluated document from its examples only when the few-shot split is
    // the evaluated split; inline samples never hold it.
    boolean sameSplit = testSplit.equals(def.fewshotSplit());
    String targetDelimiter = Objects.requireNonNullElse(def.targetDelimiter(), " ");
    String fewshotDelimiter = Objects.requireNonNullElse(def.fewshotDelimiter(), "\n\n");
    long seed = def.fewshotSeed() != null ? def.fewshotSeed() : TaskConfig.DEFAULT_FEWSHOT_SEED;
    var renderer = new SampleRenderer(def, type, helpers);

    var fewshots = new FewshotContext(where, def, renderer, fewshotPool, shots, seed, sameSplit);
    String description = Objects.requireNonNullElse(def.description(), "");
    if (def.promptPrefix() != null) {
      Templates.checkSyntax(def.promptPrefix(), where + ": prompt_prefix");
    }
    boolean multiturn = ChatTurns.multiturn(where, def, options, type, promptFormat(type));
    // lm-eval's --fewshot_as_multiturn implies its chat template: generation tasks go to chat
    PromptFormat format = multiturn ? PromptFormat.CHAT : promptFormat(type);
    ContextLayout.Mode mode =
        multiturn
            ? ContextLayout.Mode.CHAT_MULTITURN
            // a log-likelihood request is one text whatever the task's prompt_format
            : format == PromptFormat.CHAT && type != OutputType.MULTIPLE_CHOICE
                ? ContextLayout.Mode.CHAT_ONE_TURN
                : ContextLayout.Mode.TEXT;
    List<Sample> samples = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String prefix =
          def.promptPrefix() == null ? "" : renderer.text(def.promptPrefix(), "prompt_prefix", row);
      var layout =
          ContextLayout.of(
              mode,
              def.systemPrompt(),
              prefix,
              fewshots.shotsFor(row),
              renderer.text(row),
              targetDelimiter,
              fewshotDelimiter);
      samples.add(renderer.sample(i, row, layout, def.groupBy()));
    }
    checkTargetShapes(rows, samples);
    if (type == OutputType.MULTIPLE_CHOICE) {
      checkContinuations(targetDelimiter, rows, samples);
    }

    GenerateConfig generation = generation(fewshotDelimiter);
    List<Solver> solvers = new ArrayList<>();
    solvers.add(
        type == OutputType.MULTIPLE_CHOICE
            ? Solvers.multipleChoiceLoglikelihood(targetDelimiter)
            : Solvers.generate(generation, format));
    List<String> metrics = metricList(type);
    List<ScoreSpec> scorers = scorers(type, metrics, seed);
    var config =
        new TaskConfig(
            type,
            where,
            testSplit,
            def.fewshotSplit(),
            shots,
            seed,
            targetDelimiter,
            fewshotDelimiter,
            format,
            generation,
            def.groupBy(),
            metrics,
            where,
            new TaskConfig.Prompt(
                docToText,
                def.docToChoice() == null ? null : asText(def.docToChoice()),
                def.docToTarget() == null ? null : asText(def.docToTarget()),
                Objects.requireNonNullElse(def.promptPrefix(), ""),
                Objects.requireNonNullElse(def.fewshotSampler(), "default"),
                Boolean.TRUE.equals(def.shouldDecontaminate()),
                def.docToDecontaminationQuery()));
    return new Task(
        name,
        def.version() == null ? 1 : def.version(),
        description,
        samples,
        solvers,
        scorers,
        config,
        hash,
        // Bundled sample rows make demo numbers; the same task on --data-dir is the real thing.
        Boolean.TRUE.equals(def.demo()) && !readsRealData());
  }

  /**
   * lm-eval decides "multiple targets" from the first document's {@code doc_to_target}; a later
   * document of the other shape is scored there as nonsense (a text split into characters, a list
   * compared with an index), so here it is an error.
   */
  private static void checkTargetShapes(List<Row> rows, List<Sample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    boolean multiple = !samples.get(0).targets().isEmpty();
    for (int i = 1; i < samples.size(); i++) {
      if (samples.get(i).targets().isEmpty() == multiple) {
        throw UserError.of(
            rows.get(i).where()
                + ": 여기서는 doc_to_target이 "
                + (multiple ? "답 하나" : "목록")
                + "를 주지만 첫 문서("
                + rows.get(0).where()
                + ")에서는 "
                + (multiple ? "목록" : "답 하나")
                + "를 줍니다. lm-eval은 첫 문서의 형태를 모든 문서에 적용하므로 모든 행이 목록(예: [answer])을"
                + " 주거나 아무것도 주지 않게 하세요",
            rows.get(i).where()
                + ": doc_to_target gives "
                + (multiple ? "one answer" : "a list")
                + " here but "
                + (multiple ? "a list" : "one answer")
                + " for the first document ("
                + rows.get(0).where()
                + "); lm-eval takes the first document's shape for all, so make every row"
                + " give a list (e.g. [answer]) or none");
      }
    }
  }

  /**
   * A choice is scored as log P(target_delimiter + choice | prompt); with {@code target_delimiter:
   * ""} an empty choice leaves nothing to score. lm-eval has no answer either: its task check reads
   * the first document's choices' first character (an IndexError on an empty choice) and its
   * Hugging Face model asserts {@code len(continuation_enc) > 0}. We refuse the task file when it
   * is loaded, naming the document and the choice, rather than fail mid-run on a model server (and
   * {@code LoglikelihoodRequest} never sees an empty continuation).
   */
  private void checkContinuations(String targetDelimiter, List<Row> rows, List<Sample> samples) {
    if (!targetDelimiter.isEmpty()) {
      return;
    }
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      int empty = sample.choices().indexOf("");
      if (empty < 0) {
        continue;
      }
      boolean gold = sample.golds().contains(String.valueOf(empty));
      String at = where + ": " + rows.get(i).where() + ": ";
      throw UserError.of(
          at
              + "target_delimiter가 ''이고 doc_to_choice의 선택지 "
              + empty
              + "번(0부터)이 빈 문자열"
              + (gold ? "이며 doc_to_target의 정답" : "")
              + "이라 점수를 매길 글(continuation)이 없습니다. 빈 글의 로그 확률은 잴 수 없으므로(lm-eval도 받지 않습니다)"
              + " 이 선택지를 채우거나 target_delimiter를 ' '처럼 비어 있지 않게 하세요. 선택지: "
              + sample.choices(),
          at
              + "target_delimiter is '' and choice "
              + empty
              + " (from 0) of doc_to_choice is empty"
              + (gold ? ", and it is doc_to_target's answer" : "")
              + ", so there is no continuation to score; an empty text has no log-likelihood"
              + " (lm-eval does not accept one either). Fill the choice or give a non-empty"
              + " target_delimiter such as ' '. Choices: "
              + sample.choices());
    }
  }

  /** {@code dataset.columns}: each template name also reads its mapped column of the file. */
  private Row renamed(Row row, Map<String, String> columns) {
    Map<String, Object> out = new java.util.LinkedHashMap<>(row.fields());
    columns.forEach((name, column) -> {
      if (!row.fields().containsKey(column)) {
        throw UserError.of(
            row.where()
                + ": dataset.columns가 '"
                + name
                + "'을(를) 파일에 없는 열 '"
                + column
                + "'에 연결합니다. 파일의 열: "
                + row.fields().keySet(),
            row.where()
                + ": dataset.columns maps '"
                + name
                + "' to column '"
                + column
                + "', which the file lacks; its columns are "
                + row.fields().keySet());
      }
      out.put(name, row.fields().get(column));
    });
    return new Row(row.source(), row.line(), out);
  }

  private boolean readsRealData() {
    return options.dataDir() != null && def.dataset() != null && def.dataset().path() != null;
  }

  private List<ScoreSpec> scorers(OutputType type, List<String> metrics, long seed) {
    List<ScoreSpec> all = new ArrayList<>();
    if (def.filterList() == null || def.filterList().isEmpty()) {
      all.addAll(scorers(type, metrics, seed, def.filter()));
    } else {
      for (var filter : def.filterList()) {
        all.addAll(scorers(type, metrics, seed, filter));
      }
    }
    if (def.metricAggregation() != null && def.processResults() == null) {
      throw UserError.of(
          where + ": metric_aggregation은 process_results 지표에만 쓸 수 있습니다",
          where + ": metric_aggregation is for process_results metrics only");
    }
    Map<String, Boolean> direction = Objects.requireNonNullElse(def.higherIsBetter(), Map.of());
    for (String metric : direction.keySet()) {
      if (!metrics.contains(metric)) {
        throw UserError.of(
            where + ": higher_is_better의 '" + metric + "'은(는) 지표 목록 " + metrics + "에 없습니다",
            where + ": higher_is_better names '" + metric + "', which is not in " + metrics);
      }
    }
    // the task file's direction wins over the metric's default, as in lm-eval's metric_list
    return all.stream()
        .map(s ->
            direction.containsKey(s.metric())
                ? new ScoreSpec(
                    s.metric(),
                    s.filter(),
                    s.scorer(),
                    s.aggregation(),
                    s.aggregationName(),
                    direction.get(s.metric()))
                : s)
        .toList();
  }

  private List<ScoreSpec> scorers(
      OutputType type,
      List<String> metrics,
      long seed,
      TaskDefinition.@Nullable FilterSpec filter) {
    String name =
        Objects.requireNonNullElse(
            def.scorer(),
            type == OutputType.MULTIPLE_CHOICE ? "choice_loglikelihood" : "exact_match");
    HelperRef custom = filter == null ? null : LmEvalYaml.helperOf(filter.python());
    if (filter != null && filter.python() != null && custom == null) {
      throw UserError.of(
          where + ": filter.python은 lm-eval 사용자 정의 필터만 설정합니다",
          where + ": filter.python is set by lm-eval's custom filters only");
    }
    List<ScoreSpec> specs = scorersAfterFilter(type, metrics, seed, filter, name);
    return custom == null ? specs : HelperFilter.wrap(where, custom, specs);
  }

  private List<ScoreSpec> scorersAfterFilter(
      OutputType type,
      List<String> metrics,
      long seed,
      TaskDefinition.@Nullable FilterSpec filter,
      String name) {
    HelperRef processResults = LmEvalYaml.helperOf(def.processResults());
    if (processResults != null) {
      return HelperScorer.create(
          where,
          processResults,
          metrics,
          Objects.requireNonNullElse(def.metricAggregation(), Map.of()),
          filterName(filter),
          extractor(filter),
          seed);
    }
    ScorerFactory factory = SCORERS.get(name);
    if (factory == null) {
      throw UserError.of(
          where + ": 알 수 없는 채점기 '" + name + "'입니다. 다음 중 하나를 쓰세요: " + SCORERS.keySet(),
          where + ": scorer '" + name + "' is not known; use one of " + SCORERS.keySet());
    }
    var context =
        new ScorerFactory.Context(
            where,
            type,
            metrics,
            extractor(filter),
            filterName(filter),
            seed,
            options.judge(),
            def.judgeRubric(),
            Objects.requireNonNullElse(def.scorerOptions(), Map.of()));
    return factory.create(context);
  }

  private static final Map<String, ScorerFactory> SCORERS = loadScorers();

  private static Map<String, ScorerFactory> loadScorers() {
    Map<String, ScorerFactory> byName = new java.util.TreeMap<>();
    java.util.ServiceLoader.load(ScorerFactory.class).forEach(f -> byName.put(f.name(), f));
    return byName;
  }

  private AnswerExtractor extractor(TaskDefinition.@Nullable FilterSpec filter) {
    if (filter == null) {
      return AnswerExtractor.identity();
    }
    if (filter.regex() != null && filter.select() != null) {
      return LmEvalRegex.of(where, filter.regex(), filter.select());
    }
    if (filter.regex() != null) {
      return AnswerExtractor.regex(filter.regex(), filter.group() == null ? 1 : filter.group());
    }
    String type = Objects.requireNonNullElse(filter.type(), "none");
    return switch (type) {
      case "choice_letter" -> AnswerExtractor.choiceLetter(26);
      case "boxed" -> AnswerExtractor.boxed();
      case "none" -> AnswerExtractor.identity();
      default ->
          throw UserError.of(
              where
                  + ": 알 수 없는 filter.type '"
                  + type
                  + "'입니다. choice_letter, boxed, none 중 하나를 쓰세요",
              where + ": filter.type '" + type + "' is unknown; use choice_letter, boxed or none");
    };
  }

  private String filterName(TaskDefinition.@Nullable FilterSpec filter) {
    if (filter == null) {
      return "none";
    }
    if (filter.name() != null) {
      return filter.name();
    }
    return filter.regex() != null
        ? "strict-match"
        : Objects.requireNonNullElse(filter.type(), "none");
  }

  private List<String> metricList(OutputType type) {
    if (def.metricList() != null && !def.metricList().isEmpty()) {
      return List.copyOf(def.metricList());
    }
    if (type == OutputType.MULTIPLE_CHOICE) {
      return List.of("acc", "acc_norm");
    }
    return List.of("model_graded".equals(def.scorer()) ? "model_graded" : "exact_match");
  }

  private PromptFormat promptFormat(OutputType type) {
    if (def.promptFormat() == null) {
      return type == OutputType.MULTIPLE_CHOICE ? PromptFormat.PLAIN : PromptFormat.CHAT;
    }
    try {
      return PromptFormat.valueOf(def.promptFormat().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw UserError.of(
          where + ": prompt_format은 chat 또는 plain이어야 합니다",
          where + ": prompt_format must be chat or plain");
    }
  }

  /**
   * lm-eval's defaults: greedy, 256 tokens, and generation stops at the few-shot delimiter when the
   * task names no {@code until} (with or without other generation settings).
   */
  private GenerateConfig generation(String fewshotDelimiter) {
    var kwargs = def.generationKwargs();
    GenerateConfig config =
        GenerateConfig.GREEDY.withMaxTokens(256).withStop(List.of(fewshotDelimiter));
    if (kwargs == null) {
      return config;
    }
    if (kwargs.maxGenToks() != null) {
      config = config.withMaxTokens(kwargs.maxGenToks());
    }
    if (kwargs.until() != null) {
      config = config.withStop(kwargs.until());
    }
    if (kwargs.temperature() != null) {
      config =
          new GenerateConfig(
              config.maxTokens(), kwargs.temperature(), config.seed(), config.stop());
    }
    return config;
  }

  /**
   * As lm-eval: a task file's {@code num_fewshot: 0} holds even against {@code --num-fewshot}
   * (lm-eval ignores the flag for such a task and says so); otherwise the flag wins, then the file,
   * then 0.
   */
  private int shots() {
    if (def.numFewshot() != null && def.numFewshot() < 0) {
      throw UserError.of(
          where + ": num_fewshot " + def.numFewshot() + ": 0 이상이어야 합니다 (0은 예시 없음)",
          where + ": num_fewshot " + def.numFewshot() + ": must be 0 or more (0: no examples)");
    }
    if (def.numFewshot() != null && def.numFewshot() == 0) {
      return 0;
    }
    if (options.numFewshot() != null) {
      return options.numFewshot();
    }
    return orZero(def.numFewshot());
  }

  /**
   * The few-shot split's rows, or the task file's inline {@code fewshot_samples}, or lm-eval's
   * fallback: the training split, the validation split, the test split.
   */
  private List<Row> fewshotPool(String testSplit) {
    if (def.fewshotSplit() != null) {
      return split(def.fewshotSplit(), "fewshot_split");
    }
    if (def.fewshotSamples() != null) {
      return inlineSamples;
    }
    if (def.trainingSplit() != null) {
      return split(def.trainingSplit(), "training_split");
    }
    if (def.validationSplit() != null) {
      return split(def.validationSplit(), "validation_split");
    }
    return split(testSplit, "test_split");
  }

  private List<Row> split(String name, String field) {
    if (name == null) {
      throw UserError.of(where + ": " + field + "이(가) 없습니다", where + ": " + field + " is missing");
    }
    List<Row> rows = splits.get(name);
    if (rows == null && missing.containsKey(name)) {
      throw UserError.of(
          where + ": " + field + " '" + name + "'의 파일을 읽을 수 없습니다: " + missing.get(name),
          where + ": " + field + " '" + name + "': " + missing.get(name));
    }
    if (rows == null) {
      throw UserError.of(
          where + ": " + field + " '" + name + "'이(가) dataset.files " + splits.keySet() + "에 없습니다",
          where + ": " + field + " '" + name + "' is not in dataset.files " + splits.keySet());
    }
    return rows;
  }

  private String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw UserError.of(
          where + ": 필수 필드 '" + field + "'이(가) 없습니다",
          where + ": required field '" + field + "' is missing");
    }
    return value;
  }

  /** A template as written, or a YAML list/number shown as JSON. */
  private static String asText(Object value) {
    return value instanceof String s ? s : TaskLoader.JSON.writeValueAsString(value);
  }

  private static int orZero(@Nullable Integer value) {
    return value == null ? 0 : value;
  }
}
