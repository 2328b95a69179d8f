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
      return ResponseEntity.notFound().build();
    }
    if (!"DONE".equals(run.get().status()) || run.get().outputDir() == null) {
      throw new UserError("run " + id + " is " + run.get().status() + "; compare it when DONE");
    }
    Path file = Path.of(run.get().outputDir()).resolve("results.json");
    if (!Files.isRegularFile(file)) {
      throw new UserError("run " + id + ": " + file + " is gone; the run folder was moved");
    }
    ReferenceTable table = bundled(references);
    Comparison c =
        Comparison.of(
            RunResults.read(file), table.scores(), baseline(target, bestWithin, asOf), goal);
    return ResponseEntity.ok(ComparisonJson.view(c, table));
  }

  private static ReferenceTable bundled(String name) {
    if (!List.of("published", "demo").contains(name)) {
      throw new UserError("references=" + name + ": the web API offers published or demo");
    }
    return ReferenceTable.load(name);
  }

  private static Baseline baseline(
      @Nullable String target, @Nullable Integer months, @Nullable String asOf) {
    if ((target == null || target.isBlank()) == (months == null)) {
      throw new UserError("give exactly one of target=MODEL or bestWithin=MONTHS");
    }
    if (months == null) {
      // the check above leaves a non-blank target whenever no months are given
      return new Baseline.Target(java.util.Objects.requireNonNull(target, "target").strip());
    }
    if (months < 1 || months > 120) {
      throw new UserError("bestWithin is a number of months from 1 to 120, got " + months);
    }
    try {
      return new Baseline.BestWithin(
          months,
          asOf == null || asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOf));
    } catch (DateTimeParseException e) {
      throw new UserError("asOf '" + asOf + "' must be a date YYYY-MM-DD", e);
    }
  }
}
