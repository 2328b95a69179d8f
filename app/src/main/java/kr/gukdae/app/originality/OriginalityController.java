package kr.gukdae.app.originality;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

  @GetMapping("/reports")
  List<Map<String, @Nullable Object>> reports() {
    return store.list();
  }

  @GetMapping("/reports/{id}")
  ResponseEntity<ObjectNode> report(@PathVariable String id) {
    return store.get(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  @GetMapping("/fingerprints")
  Map<String, Integer> fingerprints() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    store.fingerprints().forEach((model, prints) -> counts.put(model, prints.size()));
    return counts;
  }
}
