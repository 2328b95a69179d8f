// Near-duplicate and quality-check throughput, side by side in one run (run by run.sh, or alone:
// java -cp core/target/classes:core/target/test-classes:<deps> benchmarks/data/NearDupBench.java
// CORPUS [BEFORE_MB] [MAX_MB]; the BEFORE row runs core's test oracle InMemoryQuality).
// CORPUS: one document per line (run.sh's generated corpus). BEFORE_MB: how much of it the former
// in-memory version reads (its heap grows with the documents; default 200). MAX_MB: how much of the
// corpus the other steps read (default: all of it).
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import kr.gukdae.data.quality.InMemoryQuality;
import kr.gukdae.data.quality.NearDuplicates;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
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

    String steps = System.getProperty("steps", "read,before,one,all,quality");
    long t0 = System.nanoTime();
    long[] chars = {0};
    Pass read = pass(corpus, maxBytes, line -> chars[0] += line.length());
    report("plain read (UTF-8 lines)", read, t0, chars[0] + " chars");

    if (steps.contains("before")) {
      t0 = System.nanoTime();
      // The former in-memory version (all signatures and LSH buckets on the heap): core's test
      // oracle, the same code StreamedQualityTest compares the streamed one against.
      InMemoryQuality.Near before = new InMemoryQuality.Near(0.8);
      Pass b = pass(corpus, Math.min(beforeBytes, maxBytes),
          line -> before.addSignature(InMemoryQuality.plainSignature(line)));
      report("BEFORE: in-memory MinHash-LSH, 1 thread", b, t0, before.duplicates().size()
          + " near copies; " + b.live);
    }

    long found;
    if (steps.contains("one")) {
    t0 = System.nanoTime();
    Pass one;
    try (NearDuplicates near = new NearDuplicates(0.8)) {
      one = pass(corpus, Math.min(beforeBytes, maxBytes), near::add);
      found = near.finish((row, earlier) -> {});
    }
    report("AFTER: streamed, 1 thread (same part as BEFORE)", one, t0, found + " near copies; "
        + one.live);
    }
    if (steps.contains("all")) {

    t0 = System.nanoTime();
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
    report("AFTER: streamed, signatures on every core", all, t0, found + " near copies; " + all.live);
    }
    if (steps.contains("quality")) {

    t0 = System.nanoTime();
    QualityReport[] report = new QualityReport[1];
    Pass quality = new Pass();
    report[0] = QualityCheck.run("bench", "-", 1, each -> {
      try {
        Pass p = pass(corpus, maxBytes, line -> each.accept(
            new Row(corpus.getFileName().toString(), 0, Map.of("text", line))));
        quality.docs = p.docs;
        quality.bytes = p.bytes;
        quality.live.append(p.live.substring(p.live.indexOf(":") + 2));
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    }, "text", Thresholds.DEFAULT);
    StringBuilder counts = new StringBuilder();
    report[0].criteria().forEach(c -> counts.append(c.name()).append(' ').append(c.rows()).append(", "));
    report("AFTER: whole quality check, streamed, every core", quality, t0, counts + quality.live.toString());
    }
    System.out.println("peak resident memory (VmHWM): " + peakRss());
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

  static void report(String what, Pass p, long t0, String note) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-52s %8.1f MB %8.2f s %8.2f MB/s  (%d docs; %s)%n", what, p.mb(),
        s, p.mb() / s, p.docs, note);
  }
}
