package kr.gukdae.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskConfig;
import kr.gukdae.eval.tasks.RunPlan;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code results.json} and {@code samples_<task>.jsonl} in lm-evaluation-harness's schema,
 * so existing tooling reads gukdae runs; gukdae's own facts go under a {@code gukdae} key.
 */
final class LmEvalWriter {

  private LmEvalWriter() {}

  static void write(
      EvalOutcome outcome,
      List<Task> tasks,
      List<RunPlan.Group> plannedGroups,
      RunOptions options,
      Path journal,
      Set<String> ok) {
    Map<String, Object> root = new LinkedHashMap<>();
    // lm-eval lists group rows in "results" too, before their tasks; a task's macro row over its
    // categories stays in "groups" only, since it shares the task's name.
    List<TaskResult> lmEvalGroups =
        outcome.groups().stream().filter(g -> g.aggregation().startsWith("group:")).toList();
    List<TaskResult> all = new ArrayList<>(lmEvalGroups);
    all.addAll(outcome.results());
    root.put("results", entries(all));
    root.put("groups", entries(outcome.groups()));
    Map<String, Object> groupSubtasks = new LinkedHashMap<>();
    Map<String, Object> configs = new LinkedHashMap<>();
    Map<String, Object> versions = new LinkedHashMap<>();
    Map<String, Object> nShot = new LinkedHashMap<>();
    Map<String, Object> higherIsBetter = new LinkedHashMap<>();
    Map<String, Object> nSamples = new LinkedHashMap<>();
    Map<String, Object> hashes = new LinkedHashMap<>();
    Map<String, Object> errors = new LinkedHashMap<>();
    for (Task task : tasks) {
      String name = task.name();
      configs.put(name, config(task));
      versions.put(name, task.version());
      nShot.put(name, task.config().numFewshot());
      Map<String, Object> better = new LinkedHashMap<>();
      task.scorers().forEach(s -> better.put(s.metric(), s.higherIsBetter()));
      higherIsBetter.put(name, better);
      int original = task.samples().size();
      int effective = task.samples(options.limit()).size();
      nSamples.put(name, Map.of("original", original, "effective", effective));
      hashes.put(name, task.hash());
      outcome.results().stream()
          .filter(r -> r.name().equals(name))
          .findFirst()
          .ifPresent(r -> errors.put(name, r.errors()));
      if (task.config().groupBy() != null) {
        groupSubtasks.put(
            name,
            outcome.results().stream()
                .map(TaskResult::name)
                .filter(n -> n.startsWith(name + ":"))
                .toList());
      }
    }
    for (TaskResult g : lmEvalGroups) {
      groupSubtasks.put(g.name(), children(g.name(), plannedGroups));
    }
    inherit(outcome.results(), versions, nShot, higherIsBetter);
    propagate(lmEvalGroups, groupSubtasks, nShot, higherIsBetter);
    root.put("group_subtasks", groupSubtasks);
    root.put("configs", configs);
    root.put("versions", versions);
    root.put("n-shot", nShot);
    root.put("higher_is_better", higherIsBetter);
    root.put("n-samples", nSamples);
    RunManifest m = outcome.manifest();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model", m.model());
    config.put("model_args", m.modelInfo().endpoint());
    config.put("batch_size", m.concurrency());
    config.put("limit", m.limit());
    config.put("bootstrap_iters", kr.gukdae.eval.Metrics.BOOTSTRAP_ROUNDS);
    config.put("random_seed", TaskConfig.DEFAULT_FEWSHOT_SEED);
    root.put("config", config);
    // lm-eval's run flag; here true when any task sent its examples as chat turns
    root.put(
        "fewshot_as_multiturn",
        tasks.stream().anyMatch(t -> t.samples().stream().anyMatch(s -> !s.turns().isEmpty())));
    root.put("git_hash", BuildInfo.gitHash());
    root.put("date", m.startedAt());
    root.put("total_evaluation_time_seconds", String.valueOf(outcome.seconds()));
    root.put("task_hashes", hashes);
    Map<String, Object> gukdae = new LinkedHashMap<>();
    gukdae.put("run_id", m.runId());
    gukdae.put("model_info", m.modelInfo());
    gukdae.put("demo", m.modelInfo().demo() || tasks.stream().anyMatch(Task::demo));
    gukdae.put("errors", errors);
    gukdae.put("judge", m.judge());
    // Row facts lm-eval's readers would misread as metrics inside "results"
    Map<String, Object> rows = new LinkedHashMap<>();
    for (TaskResult r : all) {
      rows.put(r.name(), Map.of("samples", r.samples(), "aggregation", r.aggregation()));
    }
    for (TaskResult r : outcome.groups()) {
      rows.putIfAbsent(
          r.name() + "#groups", Map.of("samples", r.samples(), "aggregation", r.aggregation()));
    }
    gukdae.put("rows", rows);
    Map<String, Object> primary = new LinkedHashMap<>();
    tasks.forEach(t -> primary.put(t.name(), t.scorers().get(0).key()));
    gukdae.put("primary_metric", primary);
    root.put("gukdae", gukdae);
    writeAtomically(outcome.resultsFile(), root);
    // lm-eval's own layout beside it: <model>/results_<date>.json and samples_<task>_<date>.jsonl,
    // which lm-eval's readers and table printer find.
    String date = LmEvalLayout.dateId();
    Path folder = LmEvalLayout.folder(options.runDir(), m.model());
    writeAtomically(folder.resolve("results_" + date + ".json"), root);
    LmEvalLayout.writeSamples(tasks, folder, date, options.runDir(), journal, ok);
  }

  /**
   * A task's category rows ({@code task:category}) are subtasks of it in lm-eval's terms: each gets
   * the task's version, n-shot and metric directions, as lm-eval's per-category tasks have theirs.
   */
  private static void inherit(
      List<TaskResult> results,
      Map<String, Object> versions,
      Map<String, Object> nShot,
      Map<String, Object> higherIsBetter) {
    for (TaskResult r : results) {
      int colon = r.name().lastIndexOf(':');
      String parent = colon < 0 ? null : r.name().substring(0, colon);
      if (parent != null && versions.containsKey(parent) && !versions.containsKey(r.name())) {
        versions.put(r.name(), versions.get(parent));
        nShot.put(r.name(), nShot.get(parent));
        higherIsBetter.put(r.name(), higherIsBetter.get(parent));
      }
    }
  }

  /**
   * lm-eval's {@code _propagate_num_fewshot} and {@code _propagate_higher_is_better}, innermost
   * groups first: a group's n-shot is its children's when they all agree; its directions are its
   * children's, null where two children disagree.
   */
  @SuppressWarnings("unchecked")
  private static void propagate(
      List<TaskResult> groups,
      Map<String, Object> subtasks,
      Map<String, Object> nShot,
      Map<String, Object> higherIsBetter) {
    for (int i = groups.size() - 1; i >= 0; i--) {
      String group = groups.get(i).name();
      List<String> children = (List<String>) subtasks.getOrDefault(group, List.of());
      Set<Object> shots = new java.util.HashSet<>();
      Map<String, @Nullable Boolean> better = new LinkedHashMap<>();
      for (String child : children) {
        if (nShot.containsKey(child)) {
          shots.add(nShot.get(child));
        }
        var directions = (Map<String, @Nullable Boolean>) higherIsBetter.get(child);
        if (directions == null) {
          continue;
        }
        directions.forEach((metric, value) -> {
          if (!better.containsKey(metric)) {
            better.put(metric, value);
          } else if (better.get(metric) != null && !Objects.equals(better.get(metric), value)) {
            better.put(metric, null);
          }
        });
      }
      if (shots.size() == 1) {
        nShot.put(group, shots.iterator().next());
      }
      if (!better.isEmpty()) {
        higherIsBetter.put(group, better);
      }
    }
  }

  /** A group's direct subgroups, or its tasks when it has none, as lm-eval's group_subtasks. */
  private static List<String> children(String group, List<RunPlan.Group> planned) {
    int at = -1;
    for (int i = 0; i < planned.size(); i++) {
      if (planned.get(i).name().equals(group)) {
        at = i;
      }
    }
    if (at < 0) {
      return List.of();
    }
    int depth = planned.get(at).depth();
    List<String> subgroups = new ArrayList<>();
    for (int i = at + 1; i < planned.size() && planned.get(i).depth() > depth; i++) {
      if (planned.get(i).depth() == depth + 1) {
        subgroups.add(planned.get(i).name());
      }
    }
    return subgroups.isEmpty() ? planned.get(at).leaves() : subgroups;
  }

  private static Map<String, Object> entries(List<TaskResult> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (TaskResult r : results) {
      Map<String, Object> entry = new LinkedHashMap<>();
      // lm-eval's table printer indents by the group_subtasks tree itself: a plain alias
      entry.put("alias", r.alias().strip().replaceFirst("^- ", ""));
      for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
        String[] parts = e.getKey().split(",", 2);
        entry.put(e.getKey(), number(e.getValue().value()));
        entry.put(parts[0] + "_stderr," + parts[1], number(e.getValue().stderr()));
      }
      out.put(r.name(), entry);
    }
    return out;
  }

  /** lm-evaluation-harness writes "N/A" where a standard error is undefined. */
  private static Object number(double value) {
    return Double.isNaN(value) ? "N/A" : value;
  }

  private static Map<String, Object> config(Task task) {
    TaskConfig c = task.config();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", task.name());
    out.put("dataset_path", c.datasetPath());
    out.put("test_split", c.split());
    out.put("fewshot_split", c.fewshotSplit());
    out.put("output_type", c.outputType().wireName());
    var prompt = c.prompt();
    out.put("doc_to_text", prompt.docToText());
    if (prompt.docToChoice() != null) {
      out.put("doc_to_choice", prompt.docToChoice());
    }
    if (prompt.docToTarget() != null) {
      out.put("doc_to_target", prompt.docToTarget());
    }
    out.put("description", prompt.description());
    out.put("should_decontaminate", prompt.shouldDecontaminate());
    if (prompt.decontaminationQuery() != null) {
      out.put("doc_to_decontamination_query", prompt.decontaminationQuery());
    }
    out.put("target_delimiter", c.targetDelimiter());
    out.put("fewshot_delimiter", c.fewshotDelimiter());
    out.put("num_fewshot", c.numFewshot());
    out.put("fewshot_config", Map.of("sampler", prompt.fewshotSampler()));
    out.put("fewshot_seed", c.fewshotSeed());
    List<Object> metrics = new ArrayList<>();
    for (ScoreSpec s : task.scorers()) {
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("metric", s.metric());
      metric.put("aggregation", s.aggregationName());
      metric.put("higher_is_better", s.higherIsBetter());
      if (!metrics.contains(metric)) {
        metrics.add(metric); // one entry per metric, as in the task file, whatever the filters
      }
    }
    out.put("metric_list", metrics);
    out.put(
        "generation_kwargs",
        Map.of(
            "until",
            c.generation().stop(),
            "max_gen_toks",
            c.generation().maxTokens(),
            "temperature",
            c.generation().temperature()));
    out.put("prompt_format", c.promptFormat().name().toLowerCase(java.util.Locale.ROOT));
    out.put(
        "chat_template_applied_by",
        switch (c.promptFormat()) {
          case CHAT -> "server (chat completions endpoint)";
          case PLAIN -> "none (plain text to the completions endpoint)";
        });
    out.put("metadata", Map.of("version", task.version(), "demo", task.demo()));
    return out;
  }

  static void writeAtomically(Path file, Object value) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Journal.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
