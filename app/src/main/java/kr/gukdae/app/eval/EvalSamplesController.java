package kr.gukdae.app.eval;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Role;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.SampleRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One run's samples for the run viewer: prompt, response, extracted answer, target and scores. Rows
 * from the project's bundled samples are public like the run's scores; rows of a real benchmark are
 * the office's and reviewers' only, so the page cannot leak a held-out test set.
 */
@RestController
class EvalSamplesController {

  /** Samples one reply carries at most; the rest is counted, not sent. */
  static final int MAX_SAMPLES = 5000;

  /** Characters of a prompt or response shown; long contexts are cut with an ellipsis. */
  static final int MAX_TEXT = 4000;

  private final EvalStore store;
  private final Access access;

  EvalSamplesController(EvalStore store, Access access) {
    this.store = store;
    this.access = access;
  }

  /** One sample as the viewer shows it; {@code correct} is the first metric (by name) ≥ 1. */
  record SampleView(
      String task,
      int docId,
      @Nullable String category,
      String prompt,
      String response,
      String answer,
      String target,
      Map<String, Double> scores,
      boolean correct,
      @Nullable String error) {}

  record Samples(int total, boolean truncated, List<SampleView> samples) {}

  @GetMapping("/api/eval/runs/{id}/samples")
  ResponseEntity<Samples> samples(@PathVariable String id, HttpServletRequest request) {
    var run = store.run(id);
    if (run.isEmpty()) {
      throw AccessDenied.notFound(
          UserError.both("평가 실행 '" + id + "'이(가) 없습니다", "no eval run '" + id + "'"));
    }
    if (!EvalStore.BUNDLED.equals(run.get().dataSource())) {
      access.require(request, Role.OFFICE, Role.REVIEWER);
    }
    String dir = run.get().outputDir();
    List<SampleRecord> records = dir == null ? List.of() : EvalRunner.samples(Path.of(dir));
    List<SampleView> out = new ArrayList<>();
    for (SampleRecord r : records.subList(0, Math.min(records.size(), MAX_SAMPLES))) {
      out.add(view(r));
    }
    return ResponseEntity.ok(new Samples(records.size(), records.size() > MAX_SAMPLES, out));
  }

  static SampleView view(SampleRecord r) {
    Map<String, Double> scores = new TreeMap<>();
    r.scores().forEach((key, score) -> scores.put(key, score.value()));
    Score first =
        r.scores().isEmpty() ? null : r.scores().get(new TreeMap<>(r.scores()).firstKey());
    String prompt = "";
    List<String> responses = new ArrayList<>();
    for (ModelCall call : r.calls()) {
      if (prompt.isEmpty() && !call.arguments().isEmpty() && !call.arguments().get(0).isEmpty()) {
        prompt = call.arguments().get(0).get(0);
      }
      responses.addAll(call.responses());
    }
    String response = r.completion() != null ? r.completion() : String.join("\n", responses);
    return new SampleView(
        r.task(),
        r.docId(),
        r.category(),
        cut(prompt),
        cut(response),
        first == null ? "" : cut(first.answer()),
        first == null ? "" : cut(first.target()),
        scores,
        first != null && first.value() >= 1.0,
        r.error());
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
