package kr.gukdae.app.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import kr.gukdae.eval.reference.Baseline;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;
import kr.gukdae.eval.reference.ReferenceScore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The comparison as JSON, for scripts (the CLI's --json) and the web page: one typed shape. */
final class ComparisonJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The whole comparison; {@code compared} and {@code meetingGoal} count task rows. */
  record View(
      String results,
      String references,
      boolean demo,
      BaselineView baseline,
      double goal,
      List<TaskView> tasks,
      int compared,
      long meetingGoal) {}

  /** {@code kind} is {@code target} (with a model) or {@code best-within} (months, asOf). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BaselineView(
      String kind,
      @Nullable String model,
      @Nullable Integer months,
      @Nullable String asOf,
      String description) {}

  /** One task row: compared against a reference, or with the reason there is none. */
  sealed interface TaskView permits ComparedTask, UncomparedTask {
    String task();
  }

  record ComparedTask(
      String task,
      String metric,
      double score,
      ReferenceView reference,
      double ratio,
      boolean meetsGoal)
      implements TaskView {}

  /** {@code noReference} stays English for existing clients; {@code noReferenceKo} is Korean. */
  record UncomparedTask(String task, String noReference, String noReferenceKo)
      implements TaskView {}

  record ReferenceView(
      String model,
      String benchmark,
      String metric,
      double score,
      String releaseDate,
      String source) {
    static ReferenceView of(ReferenceScore r) {
      return new ReferenceView(
          r.model(), r.benchmark(), r.metric(), r.score(), r.releaseDate().toString(), r.source());
    }
  }

  private ComparisonJson() {}

  static String write(Comparison c, ReferenceTable references) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(view(c, references));
  }

  static View view(Comparison c, ReferenceTable references) {
    BaselineView baseline =
        switch (c.baseline()) {
          case Baseline.Target t ->
              new BaselineView("target", t.model(), null, null, c.baseline().describe());
          case Baseline.BestWithin w ->
              new BaselineView(
                  "best-within", null, w.months(), w.asOf().toString(), c.baseline().describe());
        };
    List<TaskView> tasks =
        c.rows().stream()
            .<TaskView>map(row ->
                switch (row) {
                  case Compared r ->
                      new ComparedTask(
                          r.task(),
                          r.metricKey(),
                          r.percent(),
                          ReferenceView.of(r.reference()),
                          r.achievement().ratio(),
                          r.meetsGoal());
                  case NoReference n ->
                      new UncomparedTask(n.task(), n.reason().en(), n.reason().ko());
                })
            .toList();
    return new View(
        c.results(),
        references.label(),
        references.demo(),
        baseline,
        c.goal(),
        tasks,
        c.compared().size(),
        c.meetingGoal());
  }
}
