package kr.gukdae.data.quality;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.Sha256;
import kr.gukdae.data.quality.QualityReport.Criterion;
import kr.gukdae.data.quality.QualityReport.Finding;
import kr.gukdae.dataset.Row;

/** Runs every criterion over the rows of a submitted dataset version. */
public final class QualityCheck {

  private QualityCheck() {}

  public static QualityReport run(
      String dataset, String version, int round, List<Row> rows, String field, Thresholds limits) {
    Map<String, List<Finding>> found = new TreeMap<>();
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> mix = new TreeMap<>();
    Map<String, String> firstByText = new HashMap<>();
    NearDuplicates near = new NearDuplicates(limits.nearDuplicateJaccard());
    List<String> keys = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Object value = row.fields().get(field);
      String text = value == null ? null : value.toString();
      String key = Sha256.hex(text == null ? "\u0000null" : text).substring(0, 16);
      keys.add(key);
      if (text == null || text.isBlank() || text.contains("\uFFFD") || hasControl(text)) {
        String why =
            text == null
                ? "no '" + field + "' field"
                : text.isBlank()
                    ? "empty text"
                    : text.contains("\uFFFD")
                        ? "U+FFFD replacement characters (broken encoding)"
                        : "control characters";
        add(found, counts, "emptyOrBroken", row, key, why);
        mix.merge("NONE", 1L, Long::sum);
        near.add(null);
        continue;
      }
      mix.merge(Patterns.script(text).name(), 1L, Long::sum);
      String normal = Patterns.fold(text).replaceAll("\\s+", " ").strip();
      String first = firstByText.putIfAbsent(normal, row.where());
      if (first != null) {
        add(found, counts, "exactDuplicates", row, key, "same text as " + first);
        near.add(null); // an exact copy is counted once, not again as a near copy
      } else {
        near.add(text);
      }
      var pii = Patterns.personalData(text);
      if (!pii.isEmpty()) {
        StringBuilder d = new StringBuilder();
        pii.forEach(
            h -> d.append(d.isEmpty() ? "" : ", ").append(h.kind()).append(' ').append(h.masked()));
        add(found, counts, "personalData", row, key, d.toString());
      }
      String hate = Patterns.hateTerm(text);
      if (hate != null) {
        add(found, counts, "hate", row, key, "lexicon term '" + hate + "'");
      }
      String ocr = Patterns.ocrNoise(text);
      if (ocr != null) {
        add(found, counts, "ocrNoise", row, key, ocr);
      }
    }
    for (int[] pair : near.duplicates()) {
      Row row = rows.get(pair[0]);
      add(
          found,
          counts,
          "nearDuplicates",
          row,
          keys.get(pair[0]),
          "near copy of "
              + rows.get(pair[1]).where()
              + " (estimated Jaccard >= "
              + limits.nearDuplicateJaccard()
              + ")");
    }
    long n = rows.size();
    List<Criterion> criteria = new ArrayList<>();
    criterion(criteria, counts, n, "exactDuplicates", limits.exactDuplicates());
    criterion(criteria, counts, n, "nearDuplicates", limits.nearDuplicates());
    criterion(criteria, counts, n, "personalData", limits.personalData());
    criterion(criteria, counts, n, "hate", limits.hate());
    criterion(criteria, counts, n, "emptyOrBroken", limits.emptyOrBroken());
    criterion(criteria, counts, n, "ocrNoise", limits.ocrNoise());
    List<Finding> findings = new ArrayList<>();
    found.values().forEach(findings::addAll);
    return new QualityReport(dataset, version, round, n, criteria, mix, findings);
  }

  private static void criterion(
      List<Criterion> out, Map<String, Long> counts, long n, String name, double limit) {
    long c = counts.getOrDefault(name, 0L);
    double rate = n == 0 ? 0 : (double) c / n;
    out.add(new Criterion(name, c, rate, limit, rate <= limit));
  }

  private static void add(
      Map<String, List<Finding>> found,
      Map<String, Long> counts,
      String criterion,
      Row row,
      String key,
      String detail) {
    counts.merge(criterion, 1L, Long::sum);
    List<Finding> list = found.computeIfAbsent(criterion, k -> new ArrayList<>());
    if (list.size() < QualityReport.MAX_FINDINGS_PER_CRITERION) {
      list.add(new Finding(criterion, row.where(), key, detail));
    }
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return true;
      }
    }
    return false;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
