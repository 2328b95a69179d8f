package kr.gukdae.app.eval;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.tasks.TaskRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: list tasks, start a run in the background, follow its progress, read its results. */
@RestController
@RequestMapping("/api/eval")
class EvalController {

  private static final Logger log = LoggerFactory.getLogger(EvalController.class);
  private static final int MAX_TASKS_PER_RUN = 200;

  private final EvalService service;
  private final EvalStore store;

  EvalController(EvalService service, EvalStore store) {
    this.service = service;
    this.store = store;
  }

  /** The body of POST /api/eval/runs. */
  record StartRun(
      String model,
      List<String> tasks,
      @Nullable String baseUrl,
      @Nullable Integer limit,
      @Nullable Integer numFewshot,
      @Nullable Integer concurrency) {}

  @GetMapping("/tasks")
  List<TaskRegistry.Entry> tasks() {
    return service.registry(List.of()).entries();
  }

  @PostMapping("/runs")
  ResponseEntity<Map<String, String>> start(@RequestBody StartRun body) {
    if (body.model() == null || body.tasks() == null || body.tasks().isEmpty()) {
      throw new UserError("model and tasks are required");
    }
    if (body.tasks().size() > MAX_TASKS_PER_RUN) {
      throw new UserError("at most " + MAX_TASKS_PER_RUN + " tasks per run");
    }
    // Validate names before accepting, so a typo is a 400 now rather than a failed run later.
    // Group names (kmmlu, kobest, …) count by the tasks they stand for.
    TaskRegistry registry = service.registry(List.of());
    var known = registry.entries().stream().map(TaskRegistry.Entry::name).toList();
    var groups = registry.groups().stream().map(g -> g.name()).toList();
    for (String task : body.tasks()) {
      if (!known.contains(task) && !groups.contains(task)) {
        throw new UserError("unknown task '" + task + "'; GET /api/eval/tasks lists them");
      }
    }
    if (registry.plan(body.tasks()).tasks().size() > MAX_TASKS_PER_RUN) {
      throw new UserError("at most " + MAX_TASKS_PER_RUN + " tasks per run, groups expanded");
    }
    String runId = service.newRunId();
    var request =
        new EvalRequest(
            body.model(),
            body.baseUrl(),
            "OPENAI_API_KEY",
            body.tasks(),
            List.of(),
            null,
            body.limit(),
            body.numFewshot(),
            body.concurrency() == null ? 8 : body.concurrency(),
            null,
            runId,
            false,
            null,
            6,
            Duration.ofSeconds(120),
            true);
    Thread.ofVirtual()
        .name("eval-" + runId)
        .start(() -> {
          try {
            service.run(request, ProgressListener.NONE);
          } catch (RuntimeException e) {
            log.warn("run {} failed: {}", runId, e.getMessage());
          }
        });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", runId));
  }

  @GetMapping("/runs")
  List<EvalStore.RunRow> runs() {
    return store.runs();
  }

  @GetMapping("/runs/{id}")
  ResponseEntity<Map<String, Object>> run(@PathVariable String id) {
    return store
        .run(id)
        .map(run -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("run", run);
          store.progress(id).ifPresent(p -> body.put("progress", p));
          body.put("results", store.results(id));
          return ResponseEntity.ok(body);
        })
        .orElse(ResponseEntity.notFound().build());
  }
}
