package kr.gukdae.app.workers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The single-process run a sharded run must equal, and the files the two are compared by: {@code
 * results.json} without what differs between any two runs, and the samples lines.
 */
final class RunFiles {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private RunFiles() {}

  /** Runs {@code request} in this process as {@code EvalService.run} does, without a database. */
  static EvalOutcome single(EvalRequest request, Path out, String runId, Path home) {
    try (ModelApi model = Models.open(EvalService.spec(request.model(), request, home));
        ModelApi judge =
            request.judge() == null
                ? null
                : Models.open(EvalService.spec(request.judge(), request, home))) {
      var loaded = EvalService.load(request, judge);
      return EvalRunner.run(
          loaded.tasks(),
          loaded.plan().groups(),
          model,
          new RunOptions(
              out, runId, request.limit(), request.numFewshot(), request.concurrency(), false),
          request.judge(),
          ProgressListener.NONE);
    }
  }

  /** results.json without what differs between any two runs: date, duration, run id. */
  static JsonNode comparable(Path resultsJson) {
    return strip(JSON.readTree(resultsJson.toFile()));
  }

  static JsonNode strip(JsonNode root) {
    ObjectNode copy = (ObjectNode) root.deepCopy();
    copy.remove("date");
    copy.remove("total_evaluation_time_seconds");
    ((ObjectNode) copy.get("gukdae")).remove("run_id");
    return copy;
  }

  /** The lines of the run folder's (first) {@code samples_*.jsonl}. */
  static List<String> sampleLines(Path runDir) throws Exception {
    try (var files = Files.list(runDir)) {
      Path file =
          files
              .filter(f -> f.getFileName().toString().startsWith("samples_"))
              .findFirst()
              .orElseThrow();
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
  }

  /** Lines in document order: a single process journals them in the order they finish. */
  static List<String> inTaskOrder(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparingInt(l -> JSON.readTree(l).get("doc_id").asInt()));
    return sorted;
  }
}
