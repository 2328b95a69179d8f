package kr.gukdae.app.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.reference.Achievement;
import kr.gukdae.eval.reference.Baseline;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.RunResults;
import kr.gukdae.web.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A finished run's achievement against the bundled reference tables, for the run page. Only the
 * bundled tables: a path in a web request would let a client read the server's files.
 */
@RestController
class CompareController {

  private final EvalStore runs;

  CompareController(EvalStore runs) {
    this.runs = runs;
  }

  record References(String label, boolean demo, List<String> models) {}

  @GetMapping("/api/compare/references")
  References references(@RequestParam(defaultValue = "published") String table) {
    ReferenceTable t = bundled(table);
    return new References(t.label(), t.demo(), List.copyOf(t.scores().models()));
  }

  @GetMapping("/api/eval/runs/{id}/compare")
  ResponseEntity<ComparisonJson.View> compare(
      @PathVariable String id,
      @RequestParam(defaultValue = "published") String references,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam(required = false) @Nullable Integer bestWithin,
      @RequestParam(required = false) @Nullable String asOf,
      @RequestParam(defaultValue = "" + Achievement.PROGRAMME_GOAL) double goal) {
    var run = runs.run(id);
    if (run.isEmpty()) {
      throw NotFound.of("run " + id + ": 없는 실행입니다", "run " + id + ": no such run");
    }
    if (!"DONE".equals(run.get().status()) || run.get().outputDir() == null) {
      throw UserError.of(
          "run " + id + ": 상태가 " + run.get().status() + "입니다. DONE이 된 뒤에 비교하세요",
          "run " + id + " is " + run.get().status() + "; compare it when DONE");
    }
    Path file = Path.of(run.get().outputDir()).resolve("results.json");
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          "run " + id + ": " + file + "이(가) 없습니다. 실행 폴더가 옮겨졌습니다",
          "run " + id + ": " + file + " is gone; the run folder was moved");
    }
    ReferenceTable table = bundled(references);
    Comparison c =
        Comparison.of(
            RunResults.read(file), table.scores(), baseline(target, bestWithin, asOf), goal);
    return ResponseEntity.ok(ComparisonJson.view(c, table));
  }

  private static ReferenceTable bundled(String name) {
    if (!List.of("published", "demo").contains(name)) {
      throw UserError.of(
          "references=" + name + ": 웹 API에서는 published 또는 demo만 쓸 수 있습니다",
          "references=" + name + ": the web API offers published or demo");
    }
    return ReferenceTable.load(name);
  }

  private static Baseline baseline(
      @Nullable String target, @Nullable Integer months, @Nullable String asOf) {
    if ((target == null || target.isBlank()) == (months == null)) {
      throw UserError.of(
          "target=MODEL과 bestWithin=MONTHS 중 정확히 하나를 지정하세요",
          "give exactly one of target=MODEL or bestWithin=MONTHS");
    }
    if (months == null) {
      // the check above leaves a non-blank target whenever no months are given
      return new Baseline.Target(java.util.Objects.requireNonNull(target, "target").strip());
    }
    if (months < 1 || months > 120) {
      throw UserError.of(
          "bestWithin은 1에서 120 사이의 개월 수여야 합니다. 받은 값: " + months,
          "bestWithin is a number of months from 1 to 120, got " + months);
    }
    try {
      return new Baseline.BestWithin(
          months,
          asOf == null || asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOf));
    } catch (DateTimeParseException e) {
      throw UserError.of(
          "asOf '" + asOf + "'은(는) YYYY-MM-DD 형식의 날짜여야 합니다",
          "asOf '" + asOf + "' must be a date YYYY-MM-DD",
          e);
    }
  }
}
