package kr.gukdae.app.workers;

import kr.gukdae.UserError;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: a distributed run's shards done/total and its workers. Office and reviewers only, since it
 * names worker hosts and shard errors (which may name endpoints).
 */
@RestController
class ShardProgressController {

  private final Workers workers;

  ShardProgressController(Workers workers) {
    this.workers = workers;
  }

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/api/eval/runs/{id}/shards")
  ResponseEntity<ShardProgress> shards(@PathVariable String id) {
    return workers
        .progress(id)
        .map(ResponseEntity::ok)
        .orElseThrow(() ->
            AccessDenied.notFound(
                UserError.both(
                    "분산 평가 실행 '" + id + "'이(가) 없습니다", "no distributed eval run '" + id + "'")));
  }
}
