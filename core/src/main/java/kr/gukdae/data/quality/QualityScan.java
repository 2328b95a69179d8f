package kr.gukdae.data.quality;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.data.quality.QualityCheck.RowFacts;
import kr.gukdae.data.quality.QualityReport.Criterion;
import kr.gukdae.data.quality.QualityReport.Finding;
import kr.gukdae.text.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * Meets the rows with each other in bounded memory: rows' facts come in row order ({@link #add});
 * what one row shows alone is counted at once (findings capped per criterion), what needs other
 * rows goes to temp files: exact copies through an external sort of the folded text's hash, near
 * copies through {@link NearDuplicates}; each row's place ({@code file:line}) and content key go to
 * an indexed log so the capped findings can name both rows of a copy. The report equals the one the
 * earlier in-memory join gave.
 */
public final class QualityScan implements AutoCloseable {

  private final String dataset;
  private final String version;
  private final int round;
  private final Thresholds limits;
  private final Path dir;
  private final Map<String, List<Finding>> found = new TreeMap<>();
  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, Long> mix = new TreeMap<>();
  private final RunSorter exact;
  private final NearDuplicates near;
  private final Path logIndex;
  private final Path logData;
  private final DataOutputStream index;
  private final DataOutputStream data;
  private long logAt;
  private int rows;
  private boolean finished;

  public QualityScan(String dataset, String version, int round, Thresholds limits) {
    this(dataset, version, round, limits, 1 << 16, 128);
  }

  QualityScan(
      String dataset, String version, int round, Thresholds limits, int capacity, int fanIn) {
    this.dataset = dataset;
    this.version = version;
    this.round = round;
    this.limits = limits;
    try {
      this.dir = Files.createTempDirectory("gukdae-quality");
      this.exact = new RunSorter(dir.resolve("exact.bin"), 2, capacity, fanIn);
      Path nearDir = Files.createDirectory(dir.resolve("near"));
      this.near = new NearDuplicates(limits.nearDuplicateJaccard(), nearDir, capacity, fanIn);
      this.logIndex = dir.resolve("rows.idx");
      this.logData = dir.resolve("rows.log");
      this.index =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(logIndex), 1 << 16));
      this.data =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(logData), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next row's facts, in row order. */
  public void add(RowFacts row) {
    if (finished) {
      throw new IllegalStateException("bug: a row added after finish()");
    }
    int i = rows++;
    log(row);
    mix.merge(row.script(), 1L, Long::sum);
    String normal = row.normal();
    if (row.broken() != null || normal == null) {
      add("emptyOrBroken", row, row.broken());
      near.addSignature(null);
      return;
    }
    exact.add(hexLong(normal, 0), hexLong(normal, 16), i);
    near.addSignature(row.signature()); // taken out again in finish() if it is an exact copy
    if (row.personal() != null) {
      add("personalData", row, row.personal());
    }
    if (row.hate() != null) {
      add("hate", row, FindingWords.LEXICON.english(row.hate()));
    }
    if (row.ocr() != null) {
      add("ocrNoise", row, row.ocr());
    }
  }

  /** The report; the scan takes no more rows. */
  public QualityReport finish() {
    if (finished) {
      throw new IllegalStateException("bug: finish() called twice");
    }
    finished = true;
    try {
      index.close();
      data.close();
      try (RandomAccessFile idx = new RandomAccessFile(logIndex.toFile(), "r");
          RandomAccessFile log = new RandomAccessFile(logData.toFile(), "r");
          RunSorter copies = new RunSorter(dir.resolve("copies.bin"), 1, 4096, 128)) {
        // exact copies: equal hashes sort together, the first row (smallest) is the original
        RunSorter.Cursor c = exact.sorted();
        long k0 = 0;
        long k1 = 0;
        int first = -1;
        while (c.next()) {
          if (first >= 0 && c.k0() == k0 && c.k1() == k1) {
            copies.add(c.row(), first);
            near.exclude(c.row()); // counted once, as an exact copy, not again as a near copy
          } else {
            k0 = c.k0();
            k1 = c.k1();
            first = c.row();
          }
        }
        exact.close();
        RunSorter.Cursor e = copies.sorted();
        while (e.next()) {
          pairFinding("exactDuplicates", (int) e.k0(), e.row(), idx, log, FindingWords.SAME_TEXT);
        }
        near.finish((row, earlier) ->
            pairFinding("nearDuplicates", row, earlier, idx, log, FindingWords.NEAR_COPY));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long n = rows;
    List<Criterion> criteria = new ArrayList<>();
    criterion(criteria, n, "exactDuplicates", limits.exactDuplicates());
    criterion(criteria, n, "nearDuplicates", limits.nearDuplicates());
    criterion(criteria, n, "personalData", limits.personalData());
    criterion(criteria, n, "hate", limits.hate());
    criterion(criteria, n, "emptyOrBroken", limits.emptyOrBroken());
    criterion(criteria, n, "ocrNoise", limits.ocrNoise());
    List<Finding> findings = new ArrayList<>();
    found.values().forEach(findings::addAll);
    return new QualityReport(dataset, version, round, n, criteria, mix, findings);
  }

  private void pairFinding(
      String criterion,
      int row,
      int earlier,
      RandomAccessFile idx,
      RandomAccessFile log,
      Sentence detail) {
    long c = counts.merge(criterion, 1L, Long::sum);
    if (c > QualityReport.MAX_FINDINGS_PER_CRITERION) {
      return; // counted; the stored findings are capped
    }
    String[] at = logged(row, idx, log);
    String[] original = logged(earlier, idx, log);
    found
        .computeIfAbsent(criterion, k -> new ArrayList<>())
        .add(
            new Finding(
                criterion,
                at[0],
                at[1],
                detail.english(original[0], limits.nearDuplicateJaccard())));
  }

  private void log(RowFacts row) {
    try {
      index.writeLong(logAt);
      int before = data.size();
      data.writeUTF(row.where());
      data.writeUTF(row.key());
      logAt += data.size() - before;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A row's {@code file:line} and content key from the log. */
  private static String[] logged(int row, RandomAccessFile idx, RandomAccessFile log) {
    try {
      idx.seek(row * 8L);
      log.seek(idx.readLong());
      return new String[] {log.readUTF(), log.readUTF()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void criterion(List<Criterion> out, long n, String name, double limit) {
    long c = counts.getOrDefault(name, 0L);
    double rate = n == 0 ? 0 : (double) c / n;
    out.add(new Criterion(name, c, rate, limit, rate <= limit));
  }

  private void add(String criterion, RowFacts row, @Nullable String detail) {
    counts.merge(criterion, 1L, Long::sum);
    List<Finding> list = found.computeIfAbsent(criterion, k -> new ArrayList<>());
    if (list.size() < QualityReport.MAX_FINDINGS_PER_CRITERION) {
      list.add(new Finding(criterion, row.where(), row.key(), String.valueOf(detail)));
    }
  }

  /** 64 bits of a hex digest (the first 128 bits of SHA-256 tell texts apart). */
  private static long hexLong(String hex, int from) {
    return Long.parseUnsignedLong(hex.substring(from, from + 16), 16);
  }

  @Override
  public void close() {
    try {
      index.close();
      data.close();
      exact.close();
      near.close();
      Files.deleteIfExists(logIndex);
      Files.deleteIfExists(logData);
      Files.deleteIfExists(dir.resolve("near"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
