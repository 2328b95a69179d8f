package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;

/**
 * An imported task's {@code !function} values, computed in the Python sandbox while the task loads:
 * {@code process_docs} replaces each split's rows, then each {@code doc_to_*} helper runs once over
 * every row of every split in one batch, and the renderers look the values up by row. {@code
 * process_results} runs later, per sample, in {@link HelperScorer}.
 */
final class HelperValues {

  static final HelperValues NONE = new HelperValues(Map.of());

  private final Map<String, Map<Row, Object>> byField;

  private HelperValues(Map<String, Map<Row, Object>> byField) {
    this.byField = byField;
  }

  /**
   * The helpers of {@code def}, run over {@code splits} (replaced by process_docs' output) and over
   * {@code inline} (the task file's own few-shot samples, which lm-eval does not process).
   */
  static HelperValues compute(
      String where, TaskDefinition def, Map<String, List<Row>> splits, List<Row> inline) {
    Map<String, HelperRef> fields = new LinkedHashMap<>();
    put(fields, "doc_to_text", def.docToText());
    put(fields, "doc_to_target", def.docToTarget());
    put(fields, "doc_to_choice", def.docToChoice());
    put(fields, "fewshot_doc_to_text", def.fewshotDocToText());
    put(fields, "fewshot_doc_to_target", def.fewshotDocToTarget());
    HelperRef processDocs = LmEvalYaml.helperOf(def.processDocs());
    HelperRef processResults = LmEvalYaml.helperOf(def.processResults());
    if (processDocs != null) {
      PythonHelpers.requireFile(where, "process_docs", processDocs);
    }
    fields.forEach((field, ref) -> PythonHelpers.requireFile(where, field, ref));
    if (processResults != null) {
      PythonHelpers.requireFile(where, "process_results", processResults);
    }
    List<HelperRef> all = new ArrayList<>(fields.values());
    if (processDocs != null) {
      all.add(processDocs);
    }
    if (processResults != null) {
      all.add(processResults); // checked now, so a missing file fails before any model call
    }
    if (all.isEmpty()) {
      return NONE;
    }
    Map<String, Map<Row, Object>> byField = new LinkedHashMap<>();
    try (var python = new PythonHelpers(where, all, PythonHelpers.Limits.defaults())) {
      if (processDocs != null) {
        splits.replaceAll((split, rows) -> processed(python, processDocs, split, rows));
      }
      for (var field : fields.entrySet()) {
        Map<Row, Object> values = new IdentityHashMap<>();
        List<List<Row>> everyRow = new ArrayList<>(splits.values());
        everyRow.add(inline);
        for (List<Row> rows : everyRow) {
          if (rows.isEmpty()) {
            continue;
          }
          List<Object> out = python.map(field.getValue(), docs(rows));
          for (int i = 0; i < rows.size(); i++) {
            values.put(rows.get(i), out.get(i));
          }
        }
        byField.put(field.getKey(), values);
      }
      if (processResults != null && byField.isEmpty()) {
        python.map(processResults, List.of()); // imports the module: a missing one fails here
      }
    }
    return new HelperValues(byField);
  }

  private static void put(Map<String, HelperRef> fields, String field, @Nullable Object value) {
    HelperRef ref = LmEvalYaml.helperOf(value);
    if (ref != null) {
      fields.put(field, ref);
    }
  }

  private static List<Row> processed(
      PythonHelpers python, HelperRef ref, String split, List<Row> rows) {
    List<Map<String, Object>> out = python.processDocs(ref, docs(rows));
    List<Row> result = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      // Rows keep their file and line when process_docs kept the count (a map); a filter or
      // select renumbers them within the processed split.
      Row origin = out.size() == rows.size() ? rows.get(i) : null;
      result.add(
          origin != null
              ? new Row(origin.source(), origin.line(), out.get(i))
              : new Row(split + " after " + ref, i + 1, out.get(i)));
    }
    return result;
  }

  static List<Map<String, Object>> docs(List<Row> rows) {
    return rows.stream().map(Row::fields).toList();
  }

  /** True when {@code spec} is a {@code !function} value rather than a template or column. */
  static boolean isHelper(@Nullable Object spec) {
    return LmEvalYaml.helperOf(spec) != null;
  }

  /** The helper's value for {@code row}, computed at load. */
  Object value(String field, Row row) {
    Map<Row, Object> values = byField.get(field);
    if (values == null || !values.containsKey(row)) {
      // compute() ran every helper over every row at load
      throw new IllegalStateException("bug: " + field + " was not computed for " + row.where());
    }
    return values.get(row);
  }
}
