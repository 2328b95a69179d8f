package kr.gukdae.app.originality;

import java.util.List;
import kr.gukdae.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Read-only REST view of stored originality evidence. */
@RestController
@RequestMapping("/api/originality")
class OriginalityController {

  private final OriginalityStore store;

  OriginalityController(OriginalityStore store) {
    this.store = store;
  }

  /** How many fingerprints are stored for one public model. */
  record Fingerprints(String model, int fingerprints) {}

  @GetMapping("/reports")
  List<OriginalityStore.ReportSummary> reports() {
    return store.list();
  }

  /**
   * The stored report as the same JSON document the CLI prints. It stays a JSON tree on purpose:
   * the per-reference details (mappings, coverage, method-specific measurements) are stored as the
   * forensics method wrote them and are passed through as they are, so old reports keep their
   * fields after the method gains new ones (ArchitectureTest lists this as the one exception).
   */
  @GetMapping("/reports/{id}")
  ResponseEntity<ObjectNode> report(@PathVariable String id) {
    return store
        .get(id)
        .map(ResponseEntity::ok)
        .orElseThrow(
            () -> NotFound.of("report " + id + ": 없는 보고서입니다", "report " + id + ": no such report"));
  }

  @GetMapping("/fingerprints")
  List<Fingerprints> fingerprints() {
    return store.fingerprints().entrySet().stream()
        .map(e -> new Fingerprints(e.getKey(), e.getValue().size()))
        .sorted(java.util.Comparator.comparing(Fingerprints::model))
        .toList();
  }
}
