// Near-duplicate and quality-check throughput, side by side in one run (run by run.sh, or alone:
// java -cp core/target/classes:<deps> benchmarks/data/NearDupBench.java CORPUS [BEFORE_MB] [MAX_MB]).
// CORPUS: one document per line (run.sh's generated corpus). BEFORE_MB: how much of it the former
// in-memory version reads (its heap grows with the documents; default 200). MAX_MB: how much of the
// corpus the other steps read (default: all of it).
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import kr.gukdae.data.quality.NearDuplicates;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.QualityScan;
import kr.gukdae.data.quality.ReferenceFacts;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Row;

public class NearDupBench {

  static long maxBytes;

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    if (!Files.exists(corpus)) {
      System.err.println(corpus + ": no corpus; run benchmarks/data/run.sh first (it generates one)");
      System.exit(2);
    }
    long beforeBytes = (long) ((args.length > 1 ? Double.parseDouble(args[1]) : 200) * 1024 * 1024);
    maxBytes = args.length > 2 && !args[2].isEmpty() ? (long) (Double.parseDouble(args[2]) * 1024 * 1024) : Long.MAX_VALUE;
    System.out.printf(Locale.ROOT, "corpus %s: %.1f MB, java %s, %d cpus, max heap %d MB%n", corpus,
        Files.size(corpus) / 1048576.0, Runtime.version(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    java.util.Set<String> steps =
        java.util.Set.of(System.getProperty("steps", "read,before,one,all,qbefore,quality").split(","));
    long t0 = System.nanoTime();
    long cpuRead = cpu();
    long[] chars = {0};
    Pass read = pass(corpus, maxBytes, line -> chars[0] += line.length());
    report("plain read (UTF-8 lines)", read, t0, cpuRead, chars[0] + " chars");

    if (steps.contains("before")) {
      t0 = System.nanoTime();
      long cpu0 = cpu();
      Before before = new Before(0.8);
      Pass b = pass(corpus, Math.min(beforeBytes, maxBytes), line -> before.add(line));
      report("BEFORE: in-memory MinHash-LSH, 1 thread", b, t0, cpu0, before.duplicates + " near copies; "
          + b.live);
    }

    long found;
    if (steps.contains("one")) {
    t0 = System.nanoTime();
    long cpu0 = cpu();
    Pass one;
    try (NearDuplicates near = new NearDuplicates(0.8)) {
      one = pass(corpus, Math.min(beforeBytes, maxBytes), near::add);
      found = near.finish((row, earlier) -> {});
    }
    report("AFTER: streamed, 1 thread (same part as BEFORE)", one, t0, cpu0, found + " near copies; "
        + one.live);
    }
    if (steps.contains("all")) {

    t0 = System.nanoTime();
    long cpu0 = cpu();
    Pass all;
    try (NearDuplicates near = new NearDuplicates(0.8)) {
      List<String> batch = new ArrayList<>();
      all = pass(corpus, maxBytes, line -> {
        batch.add(line);
        if (batch.size() == 4096) {
          near.addAll(batch);
          batch.clear();
        }
      });
      near.addAll(batch);
      found = near.finish((row, earlier) -> {});
    }
    report("AFTER: near-duplicates only, streamed, every core", all, t0, cpu0, found + " near copies; " + all.live);
    }
    // The whole quality check on the same rows with findings planted (the generated corpus has no
    // digits, e-mails or lexicon terms, which would let the pre-filters skip everything): BEFORE with
    // the former regex-per-criterion facts (ReferenceFacts, test code compiled by run.sh), AFTER with
    // QualityCheck.run; both take batches of 2,048 rows on every core into the same QualityScan.
    QualityReport beforeReport = null;
    Pass qBefore = null;
    if (steps.contains("qbefore")) {
      t0 = System.nanoTime();
      long cpu0 = cpu();
      Pass p = new Pass();
      try (QualityScan scan = new QualityScan("bench", "-", 1, Thresholds.DEFAULT)) {
        List<Row> batch = new ArrayList<>();
        Pass got = pass(corpus, Math.min(beforeBytes, maxBytes), new Consumer<String>() {
          long doc;
          public void accept(String line) {
            batch.add(new Row(corpus.getFileName().toString(), ++doc, Map.of("text", planted(line, doc))));
            if (batch.size() == 2048) {
              batch.parallelStream().map(r -> ReferenceFacts.facts(r, "text")).toList().forEach(scan::add);
              batch.clear();
            }
          }
        });
        batch.parallelStream().map(r -> ReferenceFacts.facts(r, "text")).toList().forEach(scan::add);
        beforeReport = scan.finish();
        p = got;
      }
      qBefore = p;
      report("QUALITY BEFORE: regex per criterion, every core", p, t0, cpu0, counts(beforeReport) + p.live);
    }
    if (steps.contains("quality")) {
      t0 = System.nanoTime();
      long cpu0 = cpu();
      long limit = steps.contains("qwhole") ? maxBytes : Math.min(beforeBytes, maxBytes);
      Pass quality = new Pass();
      QualityReport report = QualityCheck.run("bench", "-", 1, each -> {
        try {
          long[] doc = {0};
          Pass p = pass(corpus, limit, line -> each.accept(
              new Row(corpus.getFileName().toString(), ++doc[0], Map.of("text", planted(line, doc[0])))));
          quality.docs = p.docs;
          quality.bytes = p.bytes;
          quality.live.append(p.live.substring(p.live.indexOf(":") + 2));
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      }, "text", Thresholds.DEFAULT);
      report("QUALITY AFTER: pre-filtered patterns, every core", quality, t0, cpu0,
          counts(report) + quality.live);
      if (beforeReport != null && qBefore != null && qBefore.bytes == quality.bytes) {
        System.out.println("same report as BEFORE (every count and finding): " + report.equals(beforeReport));
      }
    }
    System.out.println();
    System.out.println("side by side (rate and CPU-seconds per MB, as a ratio to the plain read of this run):");
    for (String[] row : SUMMARY) {
      System.out.println("  " + String.join("  ", row));
    }
    System.out.println("peak resident memory (VmHWM): " + peakRss());
  }

  /** The former in-memory version (signatures and LSH buckets on the heap), for the BEFORE row. */
  static final class Before {
    final double jaccard;
    final List<int[]> signatures = new ArrayList<>();
    final List<Map<Long, Integer>> buckets = new ArrayList<>();
    long duplicates;
    static final long[] SEEDS = seeds();

    Before(double jaccard) {
      this.jaccard = jaccard;
      for (int b = 0; b < 32; b++) {
        buckets.add(new HashMap<>());
      }
    }

    void add(String text) {
      int[] sig = signature(text);
      int index = signatures.size();
      signatures.add(sig);
      if (sig == null) {
        return;
      }
      int match = -1;
      for (int b = 0; b < 32 && match < 0; b++) {
        long key = 1469598103934665603L;
        for (int r = 0; r < 4; r++) {
          key = (key ^ sig[b * 4 + r]) * 1099511628211L;
        }
        Integer earlier = buckets.get(b).putIfAbsent(key, index);
        if (earlier != null && similarity(sig, signatures.get(earlier)) >= jaccard) {
          match = earlier;
        }
      }
      if (match >= 0) {
        duplicates++;
      }
    }

    static double similarity(int[] a, int[] b) {
      if (b == null) {
        return 0;
      }
      int same = 0;
      for (int i = 0; i < 128; i++) {
        if (a[i] == b[i]) {
          same++;
        }
      }
      return same / 128.0;
    }

    static int[] signature(String text) {
      String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
          .toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
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

    static long[] seeds() {
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

  /** What a pass read; the live heap (after a full GC) is sampled at every doubling of bytes read. */
  static final class Pass {
    long docs;
    long bytes;
    final StringBuilder live = new StringBuilder("live heap by MB read: ");

    double mb() {
      return bytes / 1048576.0;
    }
  }

  static Pass pass(Path corpus, long limit, Consumer<String> step) throws Exception {
    Pass p = new Pass();
    long start = System.nanoTime();
    long next = 16L << 20;
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null && p.bytes < limit; line = r.readLine()) {
        step.accept(line);
        p.docs++;
        p.bytes += utf8Length(line) + 1;
        if (p.bytes >= next) {
          System.gc();
          long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
          p.live.append(String.format(Locale.ROOT, "%.0f MB: %.0f MB  ", p.mb(), used / 1e6));
          // progress on stderr, so a long run cut short still says how far it got
          System.err.printf(Locale.ROOT, "  ... %.0f MB read, %.0f s, live heap %.0f MB, %s%n",
              p.mb(), (System.nanoTime() - start) / 1e9, used / 1e6, peakRss());
          next *= 2;
        }
      }
    }
    return p;
  }

  static long utf8Length(String line) {
    long n = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  static String peakRss() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return l.substring(6).strip();
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return "n/a";
  }

  static final List<String[]> SUMMARY = new ArrayList<>();
  static double readRate;
  static double readCpuPerMb;

  static void report(String what, Pass p, long t0, long cpu0, String note) {
    double s = (System.nanoTime() - t0) / 1e9;
    double cpuS = (cpu() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "%-52s %8.1f MB %8.2f s %8.2f MB/s %8.1f CPU-s  (%d docs; %s)%n", what,
        p.mb(), s, p.mb() / s, cpuS, p.docs, note);
    double rate = p.mb() / s;
    double cpuPerMb = cpuS / p.mb();
    if (SUMMARY.isEmpty()) {
      readRate = rate;
      readCpuPerMb = cpuPerMb;
    }
    SUMMARY.add(new String[] {String.format(Locale.ROOT, "%-52s", what),
        String.format(Locale.ROOT, "%8.2f MB/s = %6.4f x read", rate, rate / readRate),
        String.format(Locale.ROOT, "%8.4f CPU-s/MB = %7.1f x read", cpuPerMb, cpuPerMb / readCpuPerMb)});
  }

  /** CPU time of this process (all threads, GC and JIT included), in nanoseconds. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String counts(QualityReport r) {
    StringBuilder counts = new StringBuilder();
    r.criteria().forEach(c -> counts.append(c.name()).append(' ').append(c.rows()).append(", "));
    return counts.toString();
  }

  /**
   * The corpus line with findings planted by document number: numbers in a third of the rows (a
   * date and a count: digits the phone/RRN pre-filters must look at), and in one row of 20 each a
   * phone number, an e-mail, a resident registration number shape, a 도로명 address, a lexicon term;
   * OCR noise in one of 50.
   */
  static String planted(String line, long doc) {
    StringBuilder b = new StringBuilder(line.length() + 64).append(line);
    if (doc % 3 == 0) {
      b.append(" 2026년 12월 ").append(doc % 28 + 1).append("일 기준 ").append(doc % 9000 + 1000).append("명.");
    }
    switch ((int) (doc % 20)) {
      case 1 -> b.append(" 문의 010-").append(doc % 9000 + 1000).append('-').append(doc % 8000 + 2000);
      case 5 -> b.append(" mail user").append(doc).append("@example.kr");
      case 9 -> b.append(" 번호 ").append(String.format(Locale.ROOT, "80%02d%02d-1%06d", doc % 12 + 1, doc % 28 + 1, doc % 1000000));
      case 13 -> b.append(" 서울특별시 종로구 세종대로 ").append(doc % 300 + 1);
      case 17 -> b.append(doc % 2 == 0 ? " 김 치 녀" : " go back to your country");
      default -> { }
    }
    if (doc % 50 == 3) {
      b.append(" ㅎㅏㄴㄱㅜㄱ ㅇㅓ ▒▒▒ ### @@@");
    }
    return b.toString();
  }
}
