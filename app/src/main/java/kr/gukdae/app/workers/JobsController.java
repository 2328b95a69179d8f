package kr.gukdae.app.workers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.data.QualityStore;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.models.ModelRegistry;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.web.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: submit background jobs to the workers' queue and follow them. Originality checks and
 * quality scans read files on the server, so only the office submits them (the designated checking
 * body); eval runs as {@code POST /api/eval/runs} allows (office, reviewers). Progress names worker
 * hosts and shard errors: office and reviewers.
 */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

  /** A reference model of an originality check. */
  record Reference(String name, String path) {}

  /**
   * The body of {@code POST /api/jobs/originality}; paths as the server and workers see them. As
   * {@code gukdae originality}: {@code log} the training log ({@code --log}), {@code vocab} ({@code
   * --vocab}), {@code claimedTokens} ({@code --claimed-tokens}).
   */
  record OriginalityRequest(
      String candidate,
      @Nullable String name,
      List<Reference> references,
      @Nullable List<String> nulls,
      @Nullable Boolean permutations,
      @Nullable Boolean align,
      @Nullable Integer pairsPerShard,
      @Nullable String log,
      @Nullable Long vocab,
      @Nullable Double claimedTokens) {}

  /** The body of {@code POST /api/jobs/quality}: a data file on the server, checked by rows. */
  record QualityRequest(
      String file,
      @Nullable String field,
      @Nullable String dataset,
      @Nullable String version,
      @Nullable Integer rowsPerShard) {}

  /** The body of {@code POST /api/jobs/eval}: a registered model's run, cut into shards. */
  record EvalJobRequest(
      String model,
      List<String> tasks,
      @Nullable Integer limit,
      @Nullable Integer numFewshot,
      @Nullable Integer concurrency,
      @Nullable Integer shardSize) {}

  /** The answer to a submission: where to follow it. */
  record Submitted(String id, String kind, int shards, String progress, String page) {}

  private final Jobs jobs;
  private final Access access;
  private final QualityStore quality;
  private final Workers workers;
  private final ModelRegistry models;

  JobsController(
      Jobs jobs, Access access, QualityStore quality, Workers workers, ModelRegistry models) {
    this.jobs = jobs;
    this.access = access;
    this.quality = quality;
    this.workers = workers;
    this.models = models;
  }

  /**
   * An eval run for the workers. The body names a registered model, never an endpoint (as {@code
   * POST /api/eval/runs}), so no request can send a server key elsewhere; tasks are loaded now, so
   * an unknown one is a 400 before anything is queued.
   */
  @PostMapping("/eval")
  ResponseEntity<Submitted> eval(HttpServletRequest http, @RequestBody EvalJobRequest body) {
    access.require(http, Role.OFFICE, Role.REVIEWER);
    if (body.model() == null || body.tasks() == null || body.tasks().isEmpty()) {
      throw UserError.of("model과 tasks를 지정하세요", "model and tasks are required");
    }
    EvalRequest.checkTaskCount(body.tasks().size(), false);
    int concurrency = EvalRequest.concurrencyFor(body.concurrency());
    ModelSpec spec = models.resolve(body.model());
    var request =
        EvalRequest.builder(spec.fullName())
            .baseUrl(spec.baseUrl())
            .apiKeyEnv(spec.apiKeyEnv())
            .tasks(body.tasks())
            .limit(body.limit())
            .numFewshot(body.numFewshot())
            .concurrency(concurrency)
            .build();
    String id = workers.submit(request, body.shardSize() == null ? 500 : body.shardSize());
    return submitted(id, "eval");
  }

  @PostMapping("/originality")
  ResponseEntity<Submitted> originality(
      HttpServletRequest http, @RequestBody OriginalityRequest body) {
    Principal p = access.require(http, Role.OFFICE);
    if (body.candidate() == null || body.references() == null || body.references().isEmpty()) {
      throw UserError.of("후보 모델과 기준 모델을 지정하세요", "candidate and references are required");
    }
    String name =
        body.name() != null && !body.name().isBlank()
            ? body.name()
            : String.valueOf(java.nio.file.Path.of(body.candidate()).getFileName());
    var spec =
        new OriginalityJob.Spec(
            body.candidate(),
            name,
            body.references().stream()
                .map(r -> new OriginalityJob.Named(required("references.name", r.name()), r.path()))
                .toList(),
            body.nulls() == null ? List.of() : body.nulls(),
            body.permutations() == null || body.permutations(),
            body.align() == null || body.align(),
            body.pairsPerShard() == null ? 16 : body.pairsPerShard(),
            body.log(),
            null,
            body.vocab() == null ? 0 : body.vocab(),
            body.claimedTokens() == null ? 0 : body.claimedTokens());
    return submitted(jobs.submitOriginality(spec, p.id()), OriginalityJob.NAME);
  }

  @PostMapping("/quality")
  ResponseEntity<Submitted> quality(HttpServletRequest http, @RequestBody QualityRequest body) {
    Principal p = access.require(http, Role.OFFICE);
    // a job naming a dataset version stores its report as that version's next round
    if (body.dataset() != null
        && body.version() != null
        && !quality.hasVersion(body.dataset(), body.version())) {
      throw UserError.of(
          "데이터셋 "
              + body.dataset()
              + "에 버전 '"
              + body.version()
              + "'이(가) 없습니다. 먼저 버전을 등록하거나 dataset과 version을 빼세요",
          "dataset "
              + body.dataset()
              + " has no version '"
              + body.version()
              + "'; register the version first, or leave out dataset and version");
    }
    String id =
        jobs.submitQuality(
            body.file(),
            body.field() == null ? "text" : body.field(),
            body.dataset(),
            body.version(),
            quality.limits().thresholds(),
            body.rowsPerShard() == null ? 10_000 : body.rowsPerShard(),
            p.id());
    return submitted(id, QualityJob.NAME);
  }

  @GetMapping
  List<Jobs.JobRow> list(HttpServletRequest http) {
    access.require(http, Role.OFFICE, Role.REVIEWER);
    return jobs.list();
  }

  @GetMapping("/{id}")
  ResponseEntity<JobProgress> progress(HttpServletRequest http, @PathVariable String id) {
    access.require(http, Role.OFFICE, Role.REVIEWER);
    return jobs.progress(id)
        .map(ResponseEntity::ok)
        .orElseThrow(() -> NotFound.of("job " + id + ": 없는 작업입니다", "job " + id + ": no such job"));
  }

  /** A finished originality check's report or quality scan's report, as JSON. */
  @GetMapping("/{id}/result")
  ResponseEntity<String> result(HttpServletRequest http, @PathVariable String id) {
    access.require(http, Role.OFFICE, Role.REVIEWER);
    return jobs.result(id)
        .map(r -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r))
        .orElseThrow(() ->
            NotFound.of(
                "job " + id + ": 없는 작업이거나 아직 결과가 없습니다",
                "job " + id + ": no such job, or no result yet"));
  }

  private ResponseEntity<Submitted> submitted(String id, String kind) {
    JobProgress p = jobs.progress(id).orElseThrow();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Submitted(id, kind, p.shardsTotal(), "/api/jobs/" + id, "/jobs/?id=" + id));
  }

  private static String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw UserError.of(field + " 값이 필요합니다", field + " is required");
    }
    return value;
  }
}
