package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * lm-eval's {@code metric_list}, {@code filter_list} and {@code generation_kwargs} in gukdae's
 * terms.
 */
final class LmEvalMetrics {

  private LmEvalMetrics() {}

  static void apply(String where, JsonNode yaml, String outputType, ObjectNode out) {
    boolean choice = outputType.equals("multiple_choice");
    List<String> metrics = new ArrayList<>();
    ObjectNode options = out.objectNode();
    boolean helper = LmEvalYaml.function(yaml.get("process_results")) != null;
    ObjectNode aggregations = out.objectNode();
    ObjectNode directions = out.objectNode();
    for (JsonNode m : yaml.path("metric_list")) {
      String metric = m.isString() ? m.asString() : m.path("metric").asString();
      if (m.has("higher_is_better")) {
        directions.put(metric, m.get("higher_is_better").asBoolean());
      }
      if (helper) {
        // process_results computes every metric; HelperAggregation checks the aggregation
        HelperRef custom = LmEvalYaml.function(m.get("aggregation"));
        if (custom != null) {
          aggregations.put(metric, "!function " + custom);
        } else if (m.has("aggregation")) {
          aggregations.put(metric, m.get("aggregation").asString());
        }
        metrics.add(metric);
        continue;
      }
      if (choice && !List.of("acc", "acc_norm", "f1").contains(metric)) {
        throw UserError.of(
            where
                + ": 지표 '"
                + metric
                + "'은(는) multiple_choice에서 지원하지 않습니다. acc, acc_norm 또는 f1(macro)을 쓰세요",
            where
                + ": metric '"
                + metric
                + "' is not supported for multiple_choice; use acc,"
                + " acc_norm or f1 (macro)");
      }
      if (!choice && !metric.equals("exact_match")) {
        throw UserError.of(
            where + ": 지표 '" + metric + "'은(는) " + outputType + "에서 지원하지 않습니다. exact_match를 쓰세요",
            where
                + ": metric '"
                + metric
                + "' is not supported for "
                + outputType
                + "; use exact_match");
      }
      if (m.has("average") && !m.path("average").asString().equals("macro")) {
        throw UserError.of(
            where + ": 지표 f1은 average: macro만 지원합니다",
            where + ": metric f1 supports average: macro only");
      }
      metrics.add(metric);
      for (String flag : List.of("ignore_case", "ignore_punctuation")) {
        if (m.has(flag)) {
          options.put(flag, String.valueOf(m.get(flag).asBoolean()));
        }
      }
      if (!choice) {
        options.put("regexes_to_ignore", m.path("regexes_to_ignore").toString());
        if (!m.has("regexes_to_ignore")) {
          options.put("regexes_to_ignore", "[]");
        }
      }
    }
    if (!metrics.isEmpty()) {
      ArrayNode list = out.putArray("metric_list");
      metrics.forEach(list::add);
    }
    if (!options.isEmpty()) {
      out.set("scorer_options", options);
    }
    if (!aggregations.isEmpty()) {
      out.set("metric_aggregation", aggregations);
    }
    if (!directions.isEmpty()) {
      out.set("higher_is_better", directions);
    }
    if (!choice) {
      out.put("scorer", "exact_match");
      out.put("prompt_format", "plain");
    }
    filters(where, yaml.path("filter_list"), out);
    generation(yaml.path("generation_kwargs"), out);
  }

  private static void filters(String where, JsonNode list, ObjectNode out) {
    if (!list.isArray() || list.isEmpty()) {
      return;
    }
    ArrayNode filters = out.putArray("filter_list");
    for (JsonNode f : list) {
      ObjectNode spec = filters.addObject();
      spec.put("name", f.path("name").asString("none"));
      int index = 0;
      for (JsonNode step : f.path("filter")) {
        String function = step.path("function").asString();
        if (function.equals("custom")) {
          if (index != 0 || LmEvalYaml.function(step.get("filter_fn")) == null) {
            throw UserError.of(
                where
                    + ": filter_list '"
                    + spec.path("name").asString()
                    + "': 사용자 정의 필터는 첫 단계여야 하고 filter_fn을 '!function module.name' 형식으로 지정해야 합니다",
                where
                    + ": filter_list '"
                    + spec.path("name").asString()
                    + "': a custom filter must be the first step and name its filter_fn as"
                    + " '!function module.name'");
          }
          spec.put("python", step.get("filter_fn").asString());
          index++;
          continue;
        }
        index++;
        switch (function) {
          case "regex" -> {
            spec.put("regex", step.path("regex_pattern").asString());
            spec.put("select", step.path("group_select").asInt(0));
          }
          case "take_first" -> {
            // One answer per sample here, so taking the first is what already happens.
          }
          default ->
              throw UserError.of(
                  where
                      + ": filter_list '"
                      + spec.path("name").asString()
                      + "'의 필터 함수 '"
                      + function
                      + "'은(는) 지원하지 않습니다. regex, take_first, custom을 쓰세요",
                  where
                      + ": filter function '"
                      + function
                      + "' in filter_list '"
                      + spec.path("name").asString()
                      + "' is not supported; use regex, take_first and custom");
        }
      }
    }
  }

  private static void generation(JsonNode kwargs, ObjectNode out) {
    if (!kwargs.isObject()) {
      return;
    }
    ObjectNode spec = out.putObject("generation_kwargs");
    if (kwargs.has("until")) {
      ArrayNode until = spec.putArray("until");
      LmEvalTask.strings(kwargs.get("until")).forEach(until::add);
    }
    if (kwargs.has("max_gen_toks")) {
      spec.put("max_gen_toks", kwargs.get("max_gen_toks").asInt());
    }
    if (kwargs.has("temperature")) {
      spec.put("temperature", kwargs.get("temperature").asDouble());
    }
  }
}
