package kr.gukdae.app.eval;

import jakarta.servlet.http.HttpServletRequest;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: a run's per-sample rows ({@link RunSamples}). {@code /samples}: every sample for the run
 * viewer, public on bundled sample rows, the office's and reviewers' on a real benchmark; {@code
 * /scored-samples}: the rows behind one task's number, which the stage evidence trail links to,
 * always the office's and reviewers' (benchmark items, some held back from teams).
 */
@RestController
class RunSamplesController {

  private final RunSamples samples;
  private final Access access;

  RunSamplesController(RunSamples samples, Access access) {
    this.samples = samples;
    this.access = access;
  }

  @GetMapping("/api/eval/runs/{id}/samples")
  RunSamples.SampleList samples(@PathVariable String id, HttpServletRequest request) {
    EvalStore.RunRow run = samples.run(id);
    if (!RunSamples.isPublic(run)) {
      access.require(request, Role.OFFICE, Role.REVIEWER);
    }
    return samples.all(run);
  }

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/api/eval/runs/{id}/scored-samples")
  RunSamples.ScoredSamples scored(
      @PathVariable String id,
      @RequestParam String task,
      @RequestParam String metric,
      @RequestParam(defaultValue = "none") String filter,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit,
      HttpServletRequest request) {
    access.require(request, Role.OFFICE, Role.REVIEWER);
    return samples.scored(id, task, metric, filter, offset, limit);
  }
}
