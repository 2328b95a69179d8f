// Benchmark driver (run by run.sh as a single-file Java program against the core classes).
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import kr.gukdae.data.ngram.ContaminationCheck;
import kr.gukdae.data.ngram.NgramFilter;
import kr.gukdae.data.ngram.NgramParams;
import kr.gukdae.data.ngram.Normaliser;
import kr.gukdae.data.quality.NearDuplicates;

public class DataBench {

  static final String[] NOUNS = {"정부", "학생", "도서관", "경제", "기후", "바다", "산업", "역사", "교사",
      "병원", "시장", "도시", "농업", "언어", "과학", "지도", "법률", "선거", "문화", "철도", "항구", "의회"};
  static final String[] PARTICLES = {"이", "가", "은", "는", "을", "를", "의", "에서", "으로"};
  static final String[] VERBS = {"발표했다", "조사했다", "설명한다", "변화했다", "보고했다", "연구한다"};
  static final String[] WORDS = {"policy", "river", "market", "student", "theory", "harbor", "council",
      "energy", "report", "climate", "library", "language", "history", "engine", "museum", "budget"};

  static String korean(Random r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(NOUNS[r.nextInt(NOUNS.length)]).append(PARTICLES[r.nextInt(PARTICLES.length)]).append(' ');
      if (i % 6 == 5) {
        s.append(VERBS[r.nextInt(VERBS.length)]).append(". ");
      }
    }
    return s.toString();
  }

  static String english(Random r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(WORDS[r.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return s.toString();
  }

  public static void main(String[] args) throws Exception {
    long sizeMb = Long.parseLong(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    int bits = Integer.parseInt(args[2]);
    Random random = new Random(2026);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 35_030; i++) {
      items.add(i % 2 == 0 ? korean(random, 30) : english(random, 40));
    }
    Path corpus = work.resolve("corpus-" + sizeMb + "mb.txt");
    int planted = 0;
    if (!Files.exists(corpus)) {
      try (BufferedWriter w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
        long bytes = 0;
        long doc = 0;
        String previous = "";
        while (bytes < sizeMb * 1024 * 1024) {
          String text = doc % 2 == 0 ? korean(random, 150) : english(random, 200);
          if (doc % 500 == 0 && planted < 350) { // 1% of the benchmark's items leak into training text
            text = text + " " + items.get(planted++ * 100);
          }
          if (doc % 1000 == 1) { // a near copy of the previous document: re-spaced, one word changed
            text = previous.replace(" ", "").replaceFirst("정부", "국가");
          }
          previous = text;
          w.write(text);
          w.newLine();
          bytes += text.getBytes(StandardCharsets.UTF_8).length + 1;
          doc++;
        }
      }
    }
    double mb = Files.size(corpus) / 1024.0 / 1024.0;
    System.out.printf(Locale.ROOT, "corpus %s: %.1f MB, java %s, %d cpus%n", corpus, mb,
        Runtime.version(), Runtime.getRuntime().availableProcessors());

    long t0 = System.nanoTime();
    long chars = 0;
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        chars += line.length();
      }
    }
    report("plain read", mb, t0, chars + " chars");

    t0 = System.nanoTime();
    NearDuplicates near = new NearDuplicates(0.8);
    long docs = 0;
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        near.add(line);
        docs++;
      }
    }
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    report("near-duplicates (MinHash 128, LSH 32x4)", mb, t0, String.format(Locale.ROOT,
        "%d docs, %d near copies, heap after %.0f MB (%.0f B/doc)", docs, near.duplicates().size(),
        heap / 1e6, (double) heap / docs));
    near = null;

    t0 = System.nanoTime();
    NgramFilter filter = new NgramFilter(NgramParams.of(13, Normaliser.NORI_1, bits, 7));
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        filter.addDocument(line);
      }
    }
    report("contamination index (Nori 13-grams, Bloom 2^" + bits + " bits)", mb, t0, String.format(Locale.ROOT,
        "%d n-grams, filter %d MB fixed, false-positive rate %.2e", filter.ngrams(), (1L << bits) / 8 / 1024 / 1024,
        filter.falsePositiveRate()));

    t0 = System.nanoTime();
    var check = new ContaminationCheck(filter, ContaminationCheck.Method.GPT3_13GRAM, Normaliser.NORI_1, "bench");
    int dirty = 0;
    int plantedFound = 0;
    for (int i = 0; i < items.size(); i++) {
      if (check.check(i, List.of(items.get(i))).status() == ContaminationCheck.Status.CONTAMINATED) {
        dirty++;
        if (i % 100 == 0 && i / 100 < planted) {
          plantedFound++;
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-58s %8.2f s  %8.0f items/s  (%d flagged, %d of %d planted found)%n",
        "lookup of 35,030 KMMLU-sized items", s, items.size() / s, dirty, plantedFound, planted);
  }

  static void report(String what, double mb, long t0, String note) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-58s %8.2f s  %8.2f MB/s  (%s)%n", what, s, mb / s, note);
  }
}
