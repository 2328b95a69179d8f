package kr.gukdae.app.workers;

import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.web.NotFound;
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
            NotFound.of(
                "run " + id + ": 분산 실행이 아닙니다 (그런 실행이 없거나 --shard-size 없이 실행됨)",
                "run "
                    + id
                    + ": no distributed run (no such run, or it ran without --shard-size)"));
  }
}
