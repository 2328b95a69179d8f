package kr.gukdae.app.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.concurrent.Semaphore;
import kr.gukdae.UserError;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.models.ModelRegistry;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.web.NotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

  private final EvalService service;
  private final EvalStore store;
  private final ModelRegistry models;
  private final Semaphore running;

  EvalController(
      EvalService service,
      EvalStore store,
      ModelRegistry models,
      @Value("${gukdae.eval.max-running-runs:2}") int maxRunning) {
    this.service = service;
    this.store = store;
    this.models = models;
    this.running = new Semaphore(maxRunning);
  }

  /** The body of POST /api/eval/runs. */
  record StartRun(
      String model,
      List<String> tasks,
      @Nullable String baseUrl,
      @Nullable Integer limit,
      @Nullable Integer numFewshot,
      @Nullable Integer concurrency) {}

  /** The id of a run that was accepted and runs in the background. */
  record Started(String runId) {}

  /** A run, its live progress while it runs (absent otherwise) and its result rows. */
  record RunView(
      EvalStore.RunRow run,
      @JsonInclude(JsonInclude.Include.NON_NULL) RunProgress.@Nullable Snapshot progress,
      List<EvalStore.ResultRow> results) {}

  @GetMapping("/tasks")
  List<TaskRegistry.Entry> tasks() {
    return service.registry(List.of()).entries();
  }

  /**
   * Starts a run of a registered (or local demo) model. The office and reviewers only; the body
   * names the model, never its endpoint, so no request can point the server's key elsewhere.
   */
  @Requires({Role.OFFICE, Role.REVIEWER})
  @PostMapping("/runs")
  ResponseEntity<Started> start(@RequestBody StartRun body) {
    if (body.model() == null || body.tasks() == null || body.tasks().isEmpty()) {
      throw UserError.of(
          "model과 tasks를 지정하세요 (GET /api/eval/tasks가 작업 목록을 보여 줍니다)",
          "model and tasks are required (GET /api/eval/tasks lists the tasks)");
    }
    if (body.baseUrl() != null) {
      throw UserError.of(
          "baseUrl: 요청에서 주소를 지정할 수 없습니다. 사무국이 등록한 모델의 이름을 쓰세요 (GET /api/models)",
          "baseUrl: not accepted; name a model the office registered (GET /api/models)");
    }
    int concurrency = EvalRequest.concurrencyFor(body.concurrency());
    ModelSpec spec = models.resolve(body.model());
    EvalRequest.checkTaskCount(body.tasks().size(), false);
    // Validate names before accepting, so a typo is a 400 now rather than a failed run later.
    // Group names (kmmlu, kobest, …) count by the tasks they stand for.
    TaskRegistry registry = service.registry(List.of());
    var known = registry.entries().stream().map(TaskRegistry.Entry::name).toList();
    var groups = registry.groups().stream().map(g -> g.name()).toList();
    for (String task : body.tasks()) {
      if (!known.contains(task) && !groups.contains(task)) {
        throw UserError.of(
            "tasks: 알 수 없는 작업 '" + task + "' (GET /api/eval/tasks가 목록을 보여 줍니다)",
            "tasks: unknown task '" + task + "'; GET /api/eval/tasks lists them");
      }
    }
    EvalRequest.checkTaskCount(registry.plan(body.tasks()).tasks().size(), true);
    String runId = service.newRunId();
    var request =
        EvalRequest.builder(spec.fullName())
            .baseUrl(spec.baseUrl())
            .apiKeyEnv(spec.apiKeyEnv())
            .tasks(body.tasks())
            .limit(body.limit())
            .numFewshot(body.numFewshot())
            .concurrency(concurrency)
            .runId(runId)
            .build();
    if (!running.tryAcquire()) {
      throw new AccessDenied(
          HttpStatus.TOO_MANY_REQUESTS,
          "busy",
          UserError.both(
              "실행 중인 평가가 너무 많습니다. 하나가 끝난 뒤 다시 시도하세요",
              "too many runs in progress; wait for one to finish"));
    }
    Thread.ofVirtual()
        .name("eval-" + runId)
        .start(() -> {
          try {
            service.run(request, ProgressListener.NONE);
          } catch (RuntimeException e) {
            log.warn("run {} failed: {}", runId, e.getMessage());
          } finally {
            running.release();
          }
        });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(runId));
  }

  @GetMapping("/runs")
  List<EvalStore.RunRow> runs() {
    return store.runs();
  }

  @GetMapping("/runs/{id}")
  ResponseEntity<RunView> run(@PathVariable String id) {
    return store
        .run(id)
        .map(run ->
            ResponseEntity.ok(new RunView(run, store.progress(id).orElse(null), store.results(id))))
        .orElseThrow(() -> NotFound.of("run " + id + ": 없는 실행입니다", "run " + id + ": no such run"));
  }
}
