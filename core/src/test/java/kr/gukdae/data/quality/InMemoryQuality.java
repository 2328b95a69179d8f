package kr.gukdae.data.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.data.quality.QualityCheck.RowFacts;
import kr.gukdae.data.quality.QualityReport.Criterion;
import kr.gukdae.data.quality.QualityReport.Finding;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory join and MinHash-LSH that the streamed {@link QualityScan} replaced, kept verbatim
 * as the test oracle: the streamed report must equal this one (same groups, same rows reported).
 * Public because {@code benchmarks/data/NearDupBench.java} measures it too (as the "before" row,
 * compiled against core's test classes), so the oracle and the benchmark run one copy.
 */
public final class InMemoryQuality {

  private InMemoryQuality() {}

  /** The former NearDuplicates: all signatures and LSH buckets on the heap. */
  public static final class Near {
    private final double jaccard;
    private final List<int @Nullable []> signatures = new ArrayList<>();
    private final List<Map<Long, Integer>> buckets = new ArrayList<>();
    private final List<int[]> duplicates = new ArrayList<>();

    public Near(double jaccard) {
      this.jaccard = jaccard;
      for (int b = 0; b < NearDuplicates.BANDS; b++) {
        buckets.add(new HashMap<>());
      }
    }

    public void addSignature(int @Nullable [] sig) {
      int index = signatures.size();
      signatures.add(sig);
      if (sig == null) {
        return;
      }
      int match = -1;
      for (int b = 0; b < NearDuplicates.BANDS && match < 0; b++) {
        long key = 1469598103934665603L;
        for (int r = 0; r < NearDuplicates.ROWS; r++) {
          key = (key ^ sig[b * NearDuplicates.ROWS + r]) * 1099511628211L;
        }
        Integer earlier = buckets.get(b).putIfAbsent(key, index);
        if (earlier != null && NearDuplicates.similarity(sig, signatures.get(earlier)) >= jaccard) {
          match = earlier;
        }
      }
      if (match >= 0) {
        duplicates.add(new int[] {index, match});
      }
    }

    /** Each near copy found so far: its index and the index of the earlier document it copies. */
    public List<int[]> duplicates() {
      return duplicates;
    }
  }

  public static QualityReport join(
      String dataset, String version, int round, List<RowFacts> rows, Thresholds limits) {
    Map<String, List<Finding>> found = new TreeMap<>();
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> mix = new TreeMap<>();
    Map<String, String> firstByText = new HashMap<>();
    Near near = new Near(limits.nearDuplicateJaccard());
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

  /** The former signature: regex white-space removal, every shingle mixed. */
  public static int @Nullable [] plainSignature(String text) {
    String s = Patterns.fold(text).replaceAll("\\s+", "");
    if (s.length() < 5) {
      return null;
    }
    int[] sig = new int[128];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (int i = 0; i + 5 <= s.length(); i++) {
      long h = 1469598103934665603L;
      for (int j = i; j < i + 5; j++) {
        h = (h ^ s.charAt(j)) * 1099511628211L;
      }
      for (int k = 0; k < 128; k++) {
        long x = (h ^ SEEDS[k]) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        int v = (int) (x >>> 32);
        if (v < sig[k]) {
          sig[k] = v;
        }
      }
    }
    return sig;
  }

  private static final long[] SEEDS = seeds();

  private static long[] seeds() {
    long[] s = new long[128];
    long x = 0x2545F4914F6CDD1DL;
    for (int i = 0; i < 128; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      s[i] = x;
    }
    return s;
  }
}
