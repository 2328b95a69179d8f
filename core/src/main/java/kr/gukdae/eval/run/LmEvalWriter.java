package kr.gukdae.eval.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskConfig;

/**
 * Writes {@code results.json} and {@code samples_<task>.jsonl} in lm-evaluation-harness's schema,
 * so existing tooling reads gukdae runs; gukdae's own facts go under a {@code gukdae} key.
 */
final class LmEvalWriter {

  private LmEvalWriter() {}

  static void write(
      EvalOutcome outcome, List<Task> tasks, RunOptions options, Path journal, Set<String> ok) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("results", entries(outcome.results()));
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
      task.scorers().forEach(s -> better.put(s.metric(), true));
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
    config.put("random_seed", 1234);
    root.put("config", config);
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
    Map<String, Object> primary = new LinkedHashMap<>();
    tasks.forEach(t -> primary.put(t.name(), t.scorers().get(0).key()));
    gukdae.put("primary_metric", primary);
    root.put("gukdae", gukdae);
    writeAtomically(outcome.resultsFile(), root);
    writeSamples(tasks, options.runDir(), journal, ok);
  }

  private static Map<String, Object> entries(List<TaskResult> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (TaskResult r : results) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("alias", r.alias());
      for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
        String[] parts = e.getKey().split(",", 2);
        entry.put(e.getKey(), number(e.getValue().value()));
        entry.put(parts[0] + "_stderr," + parts[1], number(e.getValue().stderr()));
      }
      entry.put("samples", r.samples());
      entry.put("aggregation", r.aggregation());
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
    out.put("target_delimiter", c.targetDelimiter());
    out.put("fewshot_delimiter", c.fewshotDelimiter());
    out.put("num_fewshot", c.numFewshot());
    out.put("fewshot_config", Map.of("sampler", "seeded_shuffle", "seed", c.fewshotSeed()));
    List<Object> metrics = new ArrayList<>();
    for (ScoreSpec s : task.scorers()) {
      metrics.add(Map.of("metric", s.metric(), "aggregation", "mean", "higher_is_better", true));
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

  private static void writeSamples(List<Task> tasks, Path dir, Path journal, Set<String> ok) {
    Map<String, Task> byName = new HashMap<>();
    tasks.forEach(t -> byName.put(t.name(), t));
    Map<String, BufferedWriter> writers = new HashMap<>();
    Set<String> written = new HashSet<>();
    try {
      Journal.forEach(
          journal,
          record -> {
            String key = Journal.key(record.task(), record.docId());
            Task task = byName.get(record.task());
            if (!record.ok() || task == null || !ok.contains(key) || !written.add(key)) {
              return;
            }
            try {
              BufferedWriter out = writers.computeIfAbsent(record.task(), name -> open(dir, name));
              out.write(Journal.JSON.writeValueAsString(sampleLine(task, record)));
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } finally {
      for (BufferedWriter w : writers.values()) {
        try {
          w.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static Map<String, Object> sampleLine(Task task, SampleRecord record) {
    Sample sample = task.samples().get(record.docId());
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("doc_id", record.docId());
    line.put("doc", sample.doc().fields());
    line.put("target", sample.target());
    List<List<String>> arguments = new ArrayList<>();
    List<List<String>> resps = new ArrayList<>();
    for (ModelCall call : record.calls()) {
      arguments.addAll(call.arguments());
      call.responses().forEach(r -> resps.add(List.of(r)));
    }
    line.put("arguments", arguments);
    line.put("resps", resps);
    List<String> filtered = new ArrayList<>();
    record.scores().values().forEach(s -> filtered.add(s.answer()));
    line.put("filtered_resps", filtered);
    List<String> metricNames = new ArrayList<>();
    for (Map.Entry<String, Score> e : record.scores().entrySet()) {
      String metric = e.getKey().split(",", 2)[0];
      metricNames.add(metric);
      line.put(metric, e.getValue().value());
    }
    line.put("metrics", metricNames);
    line.put("doc_hash", sha256(String.valueOf(sample.doc().fields())));
    line.put("prompt_hash", sha256(sample.prompt()));
    line.put("target_hash", sha256(sample.target()));
    return line;
  }

  private static BufferedWriter open(Path dir, String task) {
    try {
      return Files.newBufferedWriter(
          dir.resolve("samples_" + task.replace('/', '_') + ".jsonl"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAtomically(Path file, Object value) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Journal.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
