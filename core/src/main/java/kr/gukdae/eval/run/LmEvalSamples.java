package kr.gukdae.eval.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Sha256;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;

/**
 * The lines of lm-evaluation-harness's {@code samples_<task>_<date>.jsonl}: one line per document
 * and filter, with lm-eval's keys and types: {@code arguments} as {@code {gen_args_0: {arg_0,
 * arg_1}, …}}, {@code resps} per request, {@code filtered_resps} under that filter, {@code filter},
 * {@code metrics} (names) and each metric's value, {@code target} as a string, and the SHA-256
 * hashes lm-eval computes ({@code doc_hash} over the document as Python's {@code json.dumps(doc,
 * indent=2, ensure_ascii=False)}).
 */
final class LmEvalSamples {

  private LmEvalSamples() {}

  /** The filters a task's scores come under, in the task file's order. */
  static List<String> filters(Task task) {
    Set<String> out = new LinkedHashSet<>();
    task.scorers().forEach(s -> out.add(filterOf(s.key())));
    return List.copyOf(out);
  }

  static List<Map<String, Object>> lines(Task task, SampleRecord record) {
    Sample sample = task.samples().get(record.docId());
    Map<String, Object> arguments = new LinkedHashMap<>();
    List<List<String>> resps = new ArrayList<>();
    for (ModelCall call : record.calls()) {
      for (List<String> args : call.arguments()) {
        Map<String, Object> numbered = new LinkedHashMap<>();
        for (int j = 0; j < args.size(); j++) {
          numbered.put("arg_" + j, args.get(j));
        }
        arguments.put("gen_args_" + arguments.size(), numbered);
      }
      call.responses().forEach(r -> resps.add(List.of(r)));
    }
    String docHash = Sha256.hex(PythonJson.dumpsIndent2(sample.doc().fields()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (String filter : filters(task)) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("doc_id", record.docId());
      line.put("doc", sample.doc().fields());
      line.put("target", target(sample));
      line.put("arguments", arguments);
      line.put("resps", resps);
      List<String> filtered = new ArrayList<>();
      List<String> metricNames = new ArrayList<>();
      Map<String, Object> values = new LinkedHashMap<>();
      for (ScoreSpec spec : task.scorers()) {
        Score score = record.scores().get(spec.key());
        if (score == null || !filterOf(spec.key()).equals(filter)) {
          continue;
        }
        if (filtered.isEmpty()) {
          filtered.add(score.answer());
        }
        String metric = spec.key().substring(0, spec.key().indexOf(','));
        metricNames.add(metric);
        values.put(metric, score.value());
      }
      line.put("filtered_resps", filtered);
      line.put("filter", filter);
      line.put("metrics", metricNames);
      line.put("doc_hash", docHash);
      line.put("prompt_hash", Sha256.hex(context(record, sample)));
      line.put("target_hash", Sha256.hex(targetStr(sample)));
      line.putAll(values);
      out.add(line);
    }
    return out;
  }

  /**
   * lm-eval's prompt_hash hashes the first request's context ({@code arguments[0]}): the prompt
   * text, or a chat request's messages as JSON.
   */
  private static String context(SampleRecord record, Sample sample) {
    for (ModelCall call : record.calls()) {
      if (!call.arguments().isEmpty() && !call.arguments().get(0).isEmpty()) {
        return call.arguments().get(0).get(0);
      }
    }
    return sample.prompt();
  }

  /** lm-eval writes doc_to_target's value: a list of golds stays a list (indices as numbers). */
  private static Object target(Sample sample) {
    if (sample.targets().isEmpty()) {
      return sample.target();
    }
    return sample.isMultipleChoice()
        ? sample.targets().stream().map(Integer::valueOf).toList()
        : sample.targets();
  }

  /** Python's {@code str(target)}, which lm-eval's target_hash hashes. */
  private static String targetStr(Sample sample) {
    if (sample.targets().isEmpty()) {
      return sample.target();
    }
    List<String> items = new ArrayList<>();
    for (String gold : sample.targets()) {
      items.add(sample.isMultipleChoice() ? gold : PythonJson.repr(gold));
    }
    return "[" + String.join(", ", items) + "]";
  }

  private static String filterOf(String key) {
    int comma = key.indexOf(',');
    return comma < 0 ? "none" : key.substring(comma + 1);
  }
}
