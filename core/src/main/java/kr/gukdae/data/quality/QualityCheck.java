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
import org.jspecify.annotations.Nullable;

/** Runs every criterion over the rows of a submitted dataset version. */
public final class QualityCheck {

  private QualityCheck() {}

  /**
   * What one row shows by itself, before it is compared with any other: the costly part of a check
   * (patterns, MinHash), which any process can compute for any range of rows. {@code broken}: why
   * the row takes no part ({@code null} when it does); {@code normal}: hash of its folded text (for
   * exact copies); {@code signature}: its MinHash signature, if it has one.
   */
  public record RowFacts(
      String where,
      String key,
      @Nullable String broken,
      String script,
      @Nullable String normal,
      int @Nullable [] signature,
      @Nullable String personal,
      @Nullable String hate,
      @Nullable String ocr) {}

  public static QualityReport run(
      String dataset, String version, int round, List<Row> rows, String field, Thresholds limits) {
    List<RowFacts> facts = new ArrayList<>(rows.size());
    rows.forEach(r -> facts.add(facts(r, field)));
    return join(dataset, version, round, facts, limits);
  }

  public static RowFacts facts(Row row, String field) {
    Object value = row.fields().get(field);
    String text = value == null ? null : value.toString();
    String key = Sha256.hex(text == null ? "\u0000null" : text).substring(0, 16);
    if (text == null || text.isBlank() || text.contains("\uFFFD") || hasControl(text)) {
      String why =
          text == null
              ? "no '" + field + "' field"
              : text.isBlank()
                  ? "empty text"
                  : text.contains("\uFFFD")
                      ? "U+FFFD replacement characters (broken encoding)"
                      : "control characters";
      return new RowFacts(row.where(), key, why, "NONE", null, null, null, null, null);
    }
    String normal = Sha256.hex(Patterns.fold(text).replaceAll("\\s+", " ").strip());
    var pii = Patterns.personalData(text);
    String personal = null;
    if (!pii.isEmpty()) {
      StringBuilder d = new StringBuilder();
      pii.forEach(
          h -> d.append(d.isEmpty() ? "" : ", ").append(h.kind()).append(' ').append(h.masked()));
      personal = d.toString();
    }
    return new RowFacts(
        row.where(),
        key,
        null,
        Patterns.script(text).name(),
        normal,
        NearDuplicates.signature(text),
        personal,
        Patterns.hateTerm(text),
        Patterns.ocrNoise(text));
  }

  /**
   * The report from every row's facts in row order: here rows meet each other (exact copies, near
   * copies through the MinHash buckets), so a dataset checked in pieces is joined once, whole.
   */
  public static QualityReport join(
      String dataset, String version, int round, List<RowFacts> rows, Thresholds limits) {
    Map<String, List<Finding>> found = new TreeMap<>();
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> mix = new TreeMap<>();
    Map<String, String> firstByText = new HashMap<>();
    NearDuplicates near = new NearDuplicates(limits.nearDuplicateJaccard());
    for (RowFacts row : rows) {
      mix.merge(row.script(), 1L, Long::sum);
      if (row.broken() != null || row.normal() == null) {
        add(found, counts, "emptyOrBroken", row, row.broken());
        near.addSignature(null);
        continue;
      }
      String first = firstByText.putIfAbsent(row.normal(), row.where());
      if (first != null) {
        add(found, counts, "exactDuplicates", row, "same text as " + first);
        near.addSignature(null); // an exact copy is counted once, not again as a near copy
      } else {
        near.addSignature(row.signature());
      }
      if (row.personal() != null) {
        add(found, counts, "personalData", row, row.personal());
      }
      if (row.hate() != null) {
        add(found, counts, "hate", row, "lexicon term '" + row.hate() + "'");
      }
      if (row.ocr() != null) {
        add(found, counts, "ocrNoise", row, row.ocr());
      }
    }
    for (int[] pair : near.duplicates()) {
      add(
          found,
          counts,
          "nearDuplicates",
          rows.get(pair[0]),
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
      RowFacts row,
      @Nullable String detail) {
    counts.merge(criterion, 1L, Long::sum);
    List<Finding> list = found.computeIfAbsent(criterion, k -> new ArrayList<>());
    if (list.size() < QualityReport.MAX_FINDINGS_PER_CRITERION) {
      list.add(new Finding(criterion, row.where(), row.key(), String.valueOf(detail)));
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
