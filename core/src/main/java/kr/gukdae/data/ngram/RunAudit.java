package kr.gukdae.data.ngram;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audits a finished evaluation run: every item of every {@code samples_<task>.jsonl} is checked,
 * the verdicts go to {@code contamination_<task>.jsonl}, and {@code results.json} gains a {@code
 * contamination} block with the rate and each metric on the full and on the clean subset. The eval
 * code is untouched; the block is added afterwards, atomically.
 */
public final class RunAudit {

  /** Per task: how many items were dirty, and each metric on all items and on the clean ones. */
  public record TaskAudit(
      String task,
      String method,
      String normaliser,
      double filterFalsePositiveRate,
      int items,
      int contaminated,
      int tooShort,
      double rate,
      Map<String, Double> full,
      Map<String, Double> clean) {}

  private RunAudit() {}

  public static List<TaskAudit> audit(
      Path runDir, ContaminationCheck check, double fpr, @Nullable List<String> fields) {
    Path results = runDir.resolve("results.json");
    if (!Files.isRegularFile(results)) {
      throw UserError.of(
          runDir + ": results.json이 없습니다. --run에 평가 실행 디렉터리를 지정하세요",
          runDir + ": no results.json; point --run at an eval run directory");
    }
    ObjectNode root = (ObjectNode) DataJson.tree(results.toString(), DataJson.text(results));
    List<TaskAudit> audits = new ArrayList<>();
    for (Map.Entry<String, Path> e : samplesFiles(runDir).entrySet()) {
      String task = e.getKey();
      List<String> taskFields = fields != null ? fields : decontaminationField(root, task);
      try {
        audits.add(auditTask(task, e.getValue(), check, fpr, taskFields));
      } catch (IOException ex) {
        throw UserError.unreadable(e.getValue(), ex);
      }
    }
    if (audits.isEmpty()) {
      throw UserError.of(
          runDir + ": samples_*.jsonl 파일이 없습니다. 이 실행은 샘플을 기록하지 않았습니다",
          runDir + ": no samples_*.jsonl files; the run wrote no samples");
    }
    ObjectNode block = root.putObject("contamination");
    audits.forEach(a -> block.set(a.task(), DataJson.MAPPER.valueToTree(a)));
    DataJson.write(results, root);
    return audits;
  }

  // lm-eval names per-model sample files samples_<task>_<date>.jsonl, e.g. _2026-01-05T10-00-00.123
  private static final java.util.regex.Pattern DATED =
      java.util.regex.Pattern.compile("samples_(.+)_\\d{4}-\\d{2}-\\d{2}T[0-9.\\-]+\\.jsonl");
  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("samples_(.+)\\.jsonl");
  private static final java.util.regex.Pattern FIELD =
      java.util.regex.Pattern.compile("\\s*(?:\\{\\{\\s*)?([A-Za-z_][A-Za-z0-9_]*)(?:\\s*}})?\\s*");

  /**
   * The samples file per task: gukdae's {@code samples_<task>.jsonl} beside results.json, or else
   * lm-eval's dated {@code <model>/samples_<task>_<date>.jsonl} (the newest per task).
   */
  static Map<String, Path> samplesFiles(Path runDir) {
    Map<String, Path> plain = new TreeMap<>();
    Map<String, Path> dated = new TreeMap<>();
    try (var walk = Files.walk(runDir, 2)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> {
            String name = p.getFileName().toString();
            var d = DATED.matcher(name);
            var m = PLAIN.matcher(name);
            if (d.matches()) {
              dated.merge(
                  d.group(1),
                  p,
                  (a, b) ->
                      a.getFileName().toString().compareTo(b.getFileName().toString()) >= 0
                          ? a
                          : b);
            } else if (m.matches() && runDir.equals(p.getParent())) {
              plain.put(m.group(1), p);
            }
          });
    } catch (IOException e) {
      throw UserError.unreadable(runDir, e);
    }
    return plain.isEmpty() ? dated : plain;
  }

  /**
   * lm-eval's {@code doc_to_decontamination_query} when it names one field ({@code question} or
   * {@code {{question}}}); null (every text field) otherwise.
   */
  static @Nullable List<String> decontaminationField(JsonNode results, String task) {
    JsonNode q = results.path("configs").path(task).path("doc_to_decontamination_query");
    if (!q.isString()) {
      return null;
    }
    var m = FIELD.matcher(q.asString());
    return m.matches() ? List.of(m.group(1)) : null;
  }

  private static TaskAudit auditTask(
      String task,
      Path samples,
      ContaminationCheck check,
      double fpr,
      @Nullable List<String> fields)
      throws IOException {
    Map<String, double[]> full = new TreeMap<>(); // metric -> {sum, count}
    Map<String, double[]> clean = new TreeMap<>();
    int items = 0;
    int dirty = 0;
    int tooShort = 0;
    Path out = samples.resolveSibling("contamination_" + task + ".jsonl.tmp");
    try (BufferedReader r = Files.newBufferedReader(samples, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String where = samples + ":" + lineNo;
        JsonNode s = DataJson.tree(where, line);
        JsonNode doc = s.get("doc");
        if (doc == null || !doc.isObject() || !s.has("doc_id")) {
          throw UserError.of(
              where + ": 샘플에는 doc_id와 doc가 필요합니다 (lm-eval 샘플 파일)",
              where + ": a sample needs doc_id and doc (an lm-eval samples file)");
        }
        var result = check.check(s.get("doc_id").asInt(), texts(doc, fields, where));
        items++;
        if (result.status() == ContaminationCheck.Status.CONTAMINATED) {
          dirty++;
        } else if (result.status() == ContaminationCheck.Status.TOO_SHORT) {
          tooShort++;
        }
        for (JsonNode metric : s.path("metrics")) {
          JsonNode value = s.get(metric.asString());
          if (value != null && value.isNumber()) {
            add(full, metric.asString(), value.asDouble());
            if (result.status() != ContaminationCheck.Status.CONTAMINATED) {
              add(clean, metric.asString(), value.asDouble());
            }
          }
        }
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("doc_id", result.docId());
        verdict.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        verdict.put("ngrams", result.ngrams());
        verdict.put("matched", result.matched());
        verdict.put("fraction", result.fraction());
        verdict.put("matched_span", result.span());
        w.write(DataJson.MAPPER.writeValueAsString(verdict));
        w.newLine();
      }
    }
    Files.move(
        out,
        samples.resolveSibling("contamination_" + task + ".jsonl"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new TaskAudit(
        task,
        check.method().name(),
        check.normaliser().id(),
        fpr,
        items,
        dirty,
        tooShort,
        items == 0 ? 0 : (double) dirty / items,
        means(full),
        means(clean));
  }

  private static List<String> texts(JsonNode doc, @Nullable List<String> fields, String where) {
    List<String> out = new ArrayList<>();
    if (fields == null) {
      for (var e : doc.properties()) {
        if (e.getValue().isString()) {
          out.add(e.getValue().asString());
        } else if (e.getValue().isArray()) {
          e.getValue().forEach(v -> out.add(v.isString() ? v.asString() : ""));
        }
      }
      return out;
    }
    for (String f : fields) {
      JsonNode v = doc.get(f);
      if (v == null) {
        throw UserError.of(
            where + ": 항목에 '" + f + "' 필드가 없습니다. 있는 필드: " + doc.propertyNames(),
            where + ": the item has no field '" + f + "'; it has " + doc.propertyNames());
      }
      out.add(v.isString() ? v.asString() : v.toString());
    }
    return out;
  }

  private static void add(Map<String, double[]> sums, String metric, double value) {
    double[] s = sums.computeIfAbsent(metric, k -> new double[2]);
    s[0] += value;
    s[1]++;
  }

  private static Map<String, Double> means(Map<String, double[]> sums) {
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v[1] == 0 ? Double.NaN : v[0] / v[1]));
    return out;
  }
}
