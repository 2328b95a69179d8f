package kr.gukdae.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.eval.reference.Baseline;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.ComparisonRow;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;
import tools.jackson.databind.json.JsonMapper;

/** The comparison as JSON, for scripts and the web page. */
final class ComparisonJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ComparisonJson() {}

  static String write(Comparison c, ReferenceTable references) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(c, references));
  }

  static Map<String, Object> tree(Comparison c, ReferenceTable references) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("results", c.results());
    root.put("references", references.label());
    root.put("demo", references.demo());
    Map<String, Object> baseline = new LinkedHashMap<>();
    switch (c.baseline()) {
      case Baseline.Target t -> {
        baseline.put("kind", "target");
        baseline.put("model", t.model());
      }
      case Baseline.BestWithin w -> {
        baseline.put("kind", "best-within");
        baseline.put("months", w.months());
        baseline.put("asOf", w.asOf().toString());
      }
    }
    baseline.put("description", c.baseline().describe());
    root.put("baseline", baseline);
    root.put("goal", c.goal());
    List<Object> tasks = new ArrayList<>();
    for (ComparisonRow row : c.rows()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("task", row.task());
      switch (row) {
        case Compared r -> {
          t.put("metric", r.metricKey());
          t.put("score", r.percent());
          Map<String, Object> ref = new LinkedHashMap<>();
          ref.put("model", r.reference().model());
          ref.put("benchmark", r.reference().benchmark());
          ref.put("metric", r.reference().metric());
          ref.put("score", r.reference().score());
          ref.put("releaseDate", r.reference().releaseDate().toString());
          ref.put("source", r.reference().source());
          t.put("reference", ref);
          t.put("ratio", r.achievement().ratio());
          t.put("meetsGoal", r.meetsGoal());
        }
        case NoReference n -> t.put("noReference", n.reason());
      }
      tasks.add(t);
    }
    root.put("tasks", tasks);
    root.put("compared", c.compared().size());
    root.put("meetingGoal", c.meetingGoal());
    return root;
  }
}
