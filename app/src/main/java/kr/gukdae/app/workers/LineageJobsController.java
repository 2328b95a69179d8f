package kr.gukdae.app.workers;

import jakarta.servlet.http.HttpServletRequest;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.lineage.RulesQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: a Hub crawl and derivative count for the workers. The office only (its counts are stage
 * evidence about the teams); the body names a root and the counting rules, never a URL: workers
 * crawl the Hub of their own setting ({@link LineageJob#hub()}), so no account can make the server
 * or a worker fetch an address of its choosing.
 */
@RestController
class LineageJobsController {

  /** The body of {@code POST /api/jobs/lineage}; rules as {@code GET /api/lineage/count} takes. */
  record LineageRequest(
      String root,
      @Nullable RulesQuery rules,
      @Nullable Integer pageSize,
      @Nullable Integer maxRepos,
      @Nullable Integer treeLimit,
      @Nullable Boolean record) {}

  /** No rule changed: the programme's counting rules, the only ones evidence is recorded under. */
  private final Jobs jobs;

  private final Access access;

  LineageJobsController(Jobs jobs, Access access) {
    this.jobs = jobs;
    this.access = access;
  }

  @PostMapping("/api/jobs/lineage")
  ResponseEntity<JobsController.Submitted> lineage(
      HttpServletRequest http, @RequestBody LineageRequest body) {
    Principal p = access.require(http, Role.OFFICE);
    if (body.root() == null || body.root().isBlank()) {
      throw UserError.of("root: 루트 모델(ORG/NAME)을 지정하세요", "root: give the root model (ORG/NAME)");
    }
    RulesQuery rules = body.rules() != null ? body.rules() : RulesQuery.DEFAULTS;
    rules.rules(); // a bad date or threshold is a 400 now, not a failed job later
    boolean record = Boolean.TRUE.equals(body.record());
    if (record && !windowOnly(rules)) {
      // as POST /api/lineage/evidence: evidence is counted under the programme's rules only (a
      // window, since/until, is the stage's choice), or one request could record a count with every
      // anti-gaming rule switched off
      throw UserError.of(
          "record: 증거는 프로그램의 집계 규칙으로만 기록합니다 (since/until만 정할 수 있음). 다른 규칙을 빼거나 record를"
              + " false로 하세요",
          "record: evidence is counted under the programme's rules only (since/until may be set);"
              + " drop the other rules or set record to false");
    }
    var spec =
        new LineageJob.Spec(
            body.root().strip(),
            LineageJob.hub().toString(),
            body.pageSize() == null ? 500 : body.pageSize(),
            3,
            body.maxRepos() == null ? 500_000 : body.maxRepos(),
            rules,
            body.treeLimit() == null ? 500 : body.treeLimit(),
            record);
    String id =
        jobs.submit(new LineageJob(), "lineage " + spec.root(), JobJson.write(spec), p.id());
    JobProgress progress = jobs.progress(id).orElseThrow();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new JobsController.Submitted(
                id, LineageJob.NAME, progress.shardsTotal(), "/api/jobs/" + id, "/jobs/?id=" + id));
  }

  private static boolean windowOnly(RulesQuery r) {
    return new RulesQuery(
            null,
            null,
            r.excludeTeam(),
            r.teamOwners(),
            r.requireWeights(),
            r.minCardChars(),
            r.minDownloads(),
            r.minLikes(),
            r.maxPerOwner())
        .equals(RulesQuery.DEFAULTS);
  }
}
