package kr.gukdae.eval.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a merged lm-evaluation-harness task YAML into gukdae's task file shape. The prompt keys
 * ({@code doc_to_text}, {@code doc_to_choice}, {@code doc_to_target}, delimiters) pass through
 * unchanged so prompts stay byte for byte the same; splits become {@code dataset.files} found in
 * the Hugging Face repository folder ({@link HubLayout}).
 */
final class LmEvalTask {

  /** Keys lm-eval has that change nothing gukdae computes (bookkeeping, decontamination). */
  private static final List<String> IGNORED =
      List.of(
          "tag",
          "metadata",
          "task_alias",
          "group_alias",
          "repeats",
          "dataset_kwargs",
          "unsafe_code");

  /** Keys whose {@code !function} helpers run in the Python sandbox ({@link PythonHelpers}). */
  private static final List<String> RUN_IN_PYTHON =
      List.of(
          "process_docs",
          "doc_to_text",
          "doc_to_target",
          "doc_to_choice",
          "process_results",
          "fewshot_config.doc_to_text",
          "fewshot_config.doc_to_target",
          "filter_list[i].filter[0].filter_fn (custom filters)");

  private final String where;
  private final ObjectNode yaml;

  LmEvalTask(String where, ObjectNode yaml) {
    this.where = where;
    this.yaml = yaml;
  }

  /** {@code lmeval/<task>}: the registry key of an imported task. */
  static String registryName(String task) {
    return "lmeval/" + task.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
  }

  String taskName() {
    String task = text("task");
    if (task == null) {
      throw UserError.of(
          where + ": 필수 필드 'task'가 없습니다", where + ": required field 'task' is missing");
    }
    return task;
  }

  /**
   * The gukdae definition, with split files resolved under {@code repoRoot}; {@code requestedShots}
   * is the run's --num-fewshot (0 when not given).
   */
  ObjectNode convert(Path repoRoot, int requestedShots) {
    failOnFunctions(yaml, "");
    ObjectNode out = yaml.objectNode();
    String task = taskName();
    out.put("task", registryName(task));
    out.put("description", "lm-eval task " + task + " (imported from " + where + ")");
    // lm-eval's "versions" is the task's metadata.version (KMMLU 2.0, KoBEST 1.0)
    JsonNode version = yaml.path("metadata").path("version");
    if (version.isNumber() && version.asDouble() == Math.rint(version.asDouble())) {
      out.put("version", (int) version.asDouble());
    }
    String path = required("dataset_path");
    String config = text("dataset_name");
    String test = firstOf("test_split", "validation_split");
    if (test == null) {
      throw UserError.of(
          where + ": test_split 또는 validation_split이 필요합니다",
          where + ": needs test_split or validation_split");
    }
    ObjectNode dataset = out.putObject("dataset");
    dataset.put("path", path);
    if (config != null) {
      dataset.put("name", config);
    }
    ObjectNode files = dataset.putObject("files");
    Map<String, String> given = dataFiles();
    files.put(test, given.getOrDefault(test, HubLayout.find(where, repoRoot, config, test)));
    out.put("test_split", test);
    int shots = yaml.path("num_fewshot").asInt(0);
    // lm-eval's order: fewshot_split, inline fewshot_config.samples, training_split,
    // validation_split, the test split. The key is kept as written: only an explicit
    // fewshot_split equal to the test split removes the evaluated document from its examples.
    JsonNode samples = yaml.path("fewshot_config").path("samples");
    String poolKey =
        yaml.hasNonNull("fewshot_split")
            ? "fewshot_split"
            : samples.isArray()
                ? null
                : yaml.hasNonNull("training_split")
                    ? "training_split"
                    : yaml.hasNonNull("validation_split") ? "validation_split" : null;
    if (samples.isArray()) {
      out.set("fewshot_samples", samples);
    }
    String fewshot = poolKey == null ? null : text(poolKey);
    if (fewshot != null && !fewshot.equals(test)) {
      String file = given.get(fewshot);
      if (file == null) {
        try {
          file = HubLayout.find(where, repoRoot, config, fewshot);
        } catch (UserError e) {
          // Only an error when examples are asked for; zero-shot runs need no fewshot file.
          if (Math.max(shots, requestedShots) > 0) {
            throw e;
          }
        }
      }
      if (file != null) {
        files.put(fewshot, file);
        out.put(poolKey, fewshot);
      }
    } else if (fewshot != null) {
      out.put(poolKey, fewshot);
    }
    if (yaml.has("num_fewshot")) {
      out.put("num_fewshot", shots);
    }
    String sampler = yaml.path("fewshot_config").path("sampler").asString(null);
    if (sampler != null && !sampler.equals("first_n") && !sampler.equals("default")) {
      throw UserError.of(
          where + ": fewshot_config.sampler '" + sampler + "'은(는) 지원하지 않습니다. first_n을 쓰세요",
          where + ": fewshot_config.sampler '" + sampler + "' is not supported; use first_n");
    }
    if (sampler != null) {
      out.put("fewshot_sampler", sampler);
    }
    // Few-shot examples rendered with their own templates (fewshot_config.doc_to_text/target).
    for (String key : List.of("doc_to_text", "doc_to_target")) {
      JsonNode value = yaml.path("fewshot_config").path(key);
      if (!value.isMissingNode() && !value.isNull()) {
        out.set("fewshot_" + key, template(value));
      }
    }
    String outputType = required("output_type");
    out.put("output_type", outputType);
    required("doc_to_text");
    out.set("doc_to_text", template(yaml.get("doc_to_text")));
    copyTemplate("doc_to_target", out);
    copyTemplate("doc_to_choice", out);
    for (String key : List.of("target_delimiter", "fewshot_delimiter")) {
      if (yaml.has(key)) {
        out.put(key, yaml.get(key).asString());
      }
    }
    if (yaml.hasNonNull("description")) {
      out.put("prompt_prefix", yaml.get("description").asString());
    }
    if (yaml.has("should_decontaminate")) {
      out.put("should_decontaminate", yaml.get("should_decontaminate").asBoolean());
    }
    if (yaml.hasNonNull("doc_to_decontamination_query")) {
      out.put("doc_to_decontamination_query", yaml.get("doc_to_decontamination_query").asString());
    }
    for (String key : List.of("process_docs", "process_results")) {
      if (LmEvalYaml.function(yaml.get(key)) != null) {
        out.put(key, yaml.get(key).asString());
      } else if (yaml.has(key)) {
        throw UserError.of(
            where + ": " + key + "은(는) '!function module.name' 형식이어야 합니다",
            where + ": " + key + " must be '!function module.name'");
      }
    }
    LmEvalMetrics.apply(where, yaml, outputType, out);
    return out;
  }

  private void copyTemplate(String key, ObjectNode out) {
    if (yaml.hasNonNull(key)) {
      out.set(key, template(yaml.get(key)));
    }
  }

  /**
   * Templates pass through as written: a bare column name ({@code doc_to_target: answer}, or {@code
   * gt}, which Jinja cannot read as a variable) is resolved as that column when the row has it, as
   * lm-eval does ({@link SampleRenderer}).
   */
  private static JsonNode template(JsonNode value) {
    return value;
  }

  private Map<String, String> dataFiles() {
    JsonNode files = yaml.path("dataset_kwargs").path("data_files");
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (files.isObject()) {
      for (var entry : files.properties()) {
        JsonNode v = entry.getValue();
        out.put(entry.getKey(), v.isArray() && v.size() == 1 ? v.get(0).asString() : v.asString());
      }
    }
    return out;
  }

  private void failOnFunctions(JsonNode node, String path) {
    HelperRef function = LmEvalYaml.function(node);
    // aggregation: gukdae computes the named metrics itself (kobest's macro_f1_score is f1).
    boolean filterFn = path.matches("filter_list\\[\\d+]\\.filter\\[\\d+]\\.filter_fn");
    if (function != null
        && !path.endsWith(".aggregation")
        && !RUN_IN_PYTHON.contains(path)
        && !filterFn) {
      throw UserError.of(
          where
              + ": "
              + path
              + "이(가) '!function "
              + function
              + "'입니다. gukdae는 "
              + RUN_IN_PYTHON
              + "에 대해서만 도우미를 실행하므로, 이 값은 YAML 안에 Jinja 템플릿으로 쓰세요 (또는 같은 벤치마크의 내장 태스크를 쓰세요. 'gukdae tasks' 참조)",
          where
              + ": "
              + path
              + " is '!function "
              + function
              + "'; gukdae runs helpers only for "
              + RUN_IN_PYTHON
              + ", so write this one as a Jinja template in the YAML"
              + " (or use the built-in task of the same benchmark, see 'gukdae tasks')");
    }
    if (node.isObject()) {
      for (var entry : node.properties()) {
        String key = entry.getKey();
        if (!IGNORED.contains(key)) {
          failOnFunctions(entry.getValue(), path.isEmpty() ? key : path + "." + key);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        failOnFunctions(array.get(i), path + "[" + i + "]");
      }
    }
  }

  private @Nullable String firstOf(String... keys) {
    for (String key : keys) {
      String value = text(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private String required(String key) {
    String value = text(key);
    if (value == null) {
      throw UserError.of(
          where + ": 필수 필드 '" + key + "'이(가) 없습니다",
          where + ": required field '" + key + "' is missing");
    }
    return value;
  }

  private @Nullable String text(String key) {
    JsonNode value = yaml.get(key);
    return value == null || value.isNull() ? null : value.asString();
  }

  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asString()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node.asString());
    }
    return out;
  }
}
