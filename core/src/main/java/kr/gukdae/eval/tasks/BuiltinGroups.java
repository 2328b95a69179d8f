package kr.gukdae.eval.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * lm-eval's groups under their lm-eval names, over the built-in tasks: {@code kmmlu} and {@code
 * kmmlu_hard} (four categories of 45 subjects each, from {@code subjects.csv}; subjects without
 * bundled sample rows need {@code --data-dir}), and the groups listed in {@code
 * builtin/groups.yaml} ({@code haerae}, {@code kobest}, …), aggregated as lm-eval's own group files
 * say.
 */
final class BuiltinGroups {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private BuiltinGroups() {}

  static void add(TaskRegistry registry) {
    kmmlu(registry, false);
    kmmlu(registry, true);
    for (JsonNode node : groupsFile()) {
      List<String> members = new ArrayList<>();
      node.path("task").forEach(m -> members.add(m.asString()));
      List<TaskGroup.Aggregate> aggregates = new ArrayList<>();
      for (JsonNode m : node.path("aggregate_metric_list")) {
        aggregates.add(
            new TaskGroup.Aggregate(
                m.path("metric").asString(), m.path("weight_by_size").asBoolean(true)));
      }
      registry.addBuiltInGroup(new TaskGroup(node.path("group").asString(), members, aggregates));
    }
  }

  /** Every subject as a task ({@code ko/kmmlu_<subject>}), category groups and the whole. */
  private static void kmmlu(TaskRegistry registry, boolean hard) {
    String group = hard ? "kmmlu_hard" : "kmmlu";
    String folder = hard ? "ko/kmmlu_hard/" : "ko/kmmlu/";
    Map<String, List<String>> byCategory = new TreeMap<>();
    for (var subject : KmmluTasks.subjects()) {
      String name = (hard ? "ko/kmmlu_hard_" : "ko/kmmlu_") + subject.key();
      if (!registry.hasTask(name)) {
        byte[] yaml = KmmluTasks.yaml(subject, hard).getBytes(StandardCharsets.UTF_8);
        boolean bundled =
            BuiltinGroups.class.getResource("builtin/" + folder + testFile(subject, hard)) != null;
        registry.addBuiltIn(
            "builtin:" + folder + subject.key() + " (subjects.csv)", yaml, folder, !bundled);
      }
      byCategory
          .computeIfAbsent(group + "_" + subject.category(), k -> new ArrayList<>())
          .add(name);
    }
    var acc = List.of(new TaskGroup.Aggregate("acc", true));
    byCategory.forEach(
        (name, members) -> registry.addBuiltInGroup(new TaskGroup(name, members, acc)));
    registry.addBuiltInGroup(new TaskGroup(group, List.copyOf(byCategory.keySet()), acc));
  }

  private static String testFile(KmmluTasks.Subject subject, boolean hard) {
    return hard ? subject.key() + "/test.csv" : "data/" + subject.name() + "-test.csv";
  }

  private static JsonNode groupsFile() {
    try (InputStream in = BuiltinGroups.class.getResourceAsStream("builtin/groups.yaml")) {
      if (in == null) {
        throw new IllegalStateException("bug: builtin/groups.yaml missing from the jar");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
