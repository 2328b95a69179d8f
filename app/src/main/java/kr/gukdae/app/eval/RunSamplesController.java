package kr.gukdae.app.eval;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.ledger.CanonicalJson;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The per-sample rows behind one task's number in a run: prompt, response, target and score, read
 * from the run's {@code samples_<task>.jsonl}, with the mean of the scores next to the stored
 * result. Benchmark items are the programme's (some are held back from teams), so only the office
 * and reviewers read them.
 */
@RestController
class RunSamplesController {

  private static final int MAX_LIMIT = 500;

  private final EvalStore store;
  private final Access access;

  RunSamplesController(EvalStore store, Access access) {
    this.store = store;
    this.access = access;
  }

  record Row(
      int docId,
      String prompt,
      @Nullable String response,
      @Nullable String target,
      @Nullable Double score) {}

  /**
   * {@code value}: the run's stored result for (task, metric, filter); {@code mean}: the mean of
   * the sample scores, the same number recomputed from the rows.
   */
  record Samples(
      String run,
      String task,
      String metric,
      String filter,
      double value,
      double mean,
      int samples,
      int offset,
      List<Row> rows) {}

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/api/eval/runs/{id}/scored-samples")
  Samples samples(
      @PathVariable String id,
      @RequestParam String task,
      @RequestParam String metric,
      @RequestParam(defaultValue = "none") String filter,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit,
      HttpServletRequest request) {
    access.require(request, Role.OFFICE, Role.REVIEWER);
    EvalStore.RunRow run =
        store
            .run(id)
            .orElseThrow(
                () -> UserError.of("run " + id + ": 없는 실행입니다", "run " + id + ": no such run"));
    // The task must be one the run reported: its name then picks the file, never a path.
    EvalStore.ResultRow result =
        store.results(id).stream()
            .filter(r -> r.task().equals(task) && r.metric().equals(metric))
            .filter(r -> r.filterName().equals(filter))
            .findFirst()
            .orElseThrow(() ->
                UserError.of(
                    "run "
                        + id
                        + ": 작업 '"
                        + task
                        + "', 지표 '"
                        + metric
                        + "', 필터 '"
                        + filter
                        + "'의 결과가 없습니다 (GET /api/eval/runs/"
                        + id
                        + "가 목록을 보여 줍니다)",
                    "run "
                        + id
                        + ": has no result for task '"
                        + task
                        + "', metric '"
                        + metric
                        + "', filter '"
                        + filter
                        + "'; GET /api/eval/runs/"
                        + id
                        + " lists them"));
    if (run.outputDir() == null) {
      throw UserError.of(
          "run " + id + ": 출력 폴더가 기록되지 않았습니다", "run " + id + ": recorded no output folder");
    }
    Path file = Path.of(run.outputDir()).resolve("samples_" + task.replace('/', '_') + ".jsonl");
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          "run " + id + ": " + file.getFileName() + "이(가) 출력 폴더에 없습니다 (그룹인가요?)",
          "run " + id + ": " + file.getFileName() + " is not in its output folder (a group?)");
    }
    int from = Math.max(0, offset);
    int size = Math.min(Math.max(1, limit), MAX_LIMIT);
    List<Row> rows = new ArrayList<>();
    double sum = 0;
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode s = CanonicalJson.parse(line);
        if (!s.path("filter").asString("none").equals(filter)) {
          continue;
        }
        JsonNode v = s.get(metric);
        Double score = v != null && v.isNumber() ? v.asDouble() : null;
        if (score != null) {
          sum += score;
        }
        if (n >= from && rows.size() < size) {
          rows.add(
              new Row(
                  s.path("doc_id").asInt(),
                  String.valueOf(SampleText.text(SampleText.first(s.path("arguments")))),
                  SampleText.text(SampleText.first(s.path("resps"))),
                  SampleText.text(s.path("target")),
                  score));
        }
        n++;
      }
    } catch (IOException e) {
      throw UserError.of(
          "run " + id + ": " + file.getFileName() + "을(를) 읽을 수 없습니다",
          "run " + id + ": cannot read " + file.getFileName(),
          e);
    }
    return new Samples(
        id, task, metric, filter, result.metricValue(), n == 0 ? 0 : sum / n, n, from, rows);
  }
}
