package kr.gukdae.app.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a run's numbers come from the task files' bundled sample rows: the run's results.json
 * says so per task ({@code configs.<task>.metadata.demo}, set where the task is built), so the
 * terminal reads the same flag the web pages and reports read.
 */
final class SampleRows {

  private SampleRows() {}

  static boolean usedIn(Path resultsFile) {
    if (!Files.isRegularFile(resultsFile)) {
      return false;
    }
    JsonNode configs = JsonMapper.builder().build().readTree(resultsFile.toFile()).path("configs");
    for (JsonNode config : configs) {
      if (config.path("metadata").path("demo").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }
}
