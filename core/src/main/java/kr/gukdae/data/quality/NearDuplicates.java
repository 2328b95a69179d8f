package kr.gukdae.data.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * MinHash with LSH banding over Korean-aware shingles ({@link Signatures}), streamed through temp
 * files so memory does not grow with the corpus. 128 hash functions in 32 bands of 4 find pairs
 * from Jaccard ≈ 0.4 up; each candidate is kept only if its signatures agree on at least the
 * requested share.
 *
 * <p>The rule (that of the in-memory version it replaced, so reports stay the same): rows are taken
 * in order; each band keeps, per band key, the first row that reached that band; a row reaches band
 * b unless it already matched in an earlier band; it matches in band b when the band's keeper of
 * its key is similar enough, and then stops. That rule is decided band by band: the keeper of a key
 * in band b is the smallest row with that key that had not matched before b. So every row's 128-int
 * signature goes to a file of fixed 512-byte records, each band's (key, row) pairs to an external
 * sort ({@link RunSorter}), and {@link #finish} walks each band's sorted pairs once, reading the
 * two signatures of a candidate pair from the file. Heap: the sort chunks (about 25 MB) and merge
 * buffers. Outside the heap: one byte of state per row, in a memory-mapped temp file the kernel may
 * page out; the pairs found go through a sort of their own, so they come out in row order.
 */
public final class NearDuplicates implements AutoCloseable {

  static final int HASHES = Signatures.HASHES;
  static final int BANDS = 32;
  static final int ROWS = HASHES / BANDS;
  private static final int SIG_BYTES = HASHES * 4;
  private static final byte EXCLUDED = 1;
  private static final byte MATCHED = 2;
  private static final long SEGMENT = 1L << 30;

  private final double jaccard;
  private final Path dir;
  private final boolean ownDir;
  private final FileChannel signatures;
  private final ByteBuffer sigOut = ByteBuffer.allocate(SIG_BYTES * 256);
  private final RunSorter[] bands = new RunSorter[BANDS];
  private final RunSorter pairs;
  private final List<Integer> excludedEarly = new ArrayList<>();
  private @Nullable FileChannel stateFile;
  private final List<MappedByteBuffer> state = new ArrayList<>();
  private int rows;
  private long sigEnd;
  private boolean finished;

  /** Rows whose text nearly copies an earlier row's. */
  @FunctionalInterface
  public interface PairSink {
    void pair(int row, int earlier);
  }

  public NearDuplicates(double jaccard) {
    this(jaccard, null, 1 << 16, 128);
  }

  /**
   * {@code dir}: where the temp files go (null: a fresh folder under {@code java.io.tmpdir},
   * removed on close); {@code capacity}, {@code fanIn}: the sort's chunk and merge width.
   */
  NearDuplicates(double jaccard, @Nullable Path dir, int capacity, int fanIn) {
    this.jaccard = jaccard;
    try {
      this.ownDir = dir == null;
      this.dir = dir == null ? Files.createTempDirectory("gukdae-near") : dir;
      this.signatures =
          FileChannel.open(
              this.dir.resolve("signatures.bin"),
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int b = 0; b < BANDS; b++) {
      bands[b] = new RunSorter(this.dir.resolve("band-" + b + ".bin"), 1, capacity, fanIn);
    }
    pairs = new RunSorter(this.dir.resolve("pairs.bin"), 1, Math.min(capacity, 4096), fanIn);
  }

  /** Adds the next row (null for a row that takes no part). */
  public void add(@Nullable String text) {
    addSignature(text == null ? null : signature(text));
  }

  /**
   * Adds the next rows, their signatures (the costly part, independent per row) computed on every
   * core; the rows still enter in order, so the result is that of adding them one by one.
   */
  public void addAll(List<? extends @Nullable String> texts) {
    int[] @Nullable [] sigs = new int[texts.size()][];
    java.util.stream.IntStream.range(0, sigs.length)
        .parallel()
        .forEach(i -> {
          String t = texts.get(i);
          sigs[i] = t == null ? null : signature(t);
        });
    for (int[] sig : sigs) {
      addSignature(sig);
    }
  }

  /**
   * Adds the next row by its {@link #signature} (computed anywhere: signatures are the costly part
   * and need no other row, so they can be made on several machines and joined here in row order).
   */
  public void addSignature(int @Nullable [] sig) {
    if (finished) {
      throw new IllegalStateException("bug: a row added after finish()");
    }
    int row = rows;
    rows = next(rows);
    if (sigOut.remaining() < SIG_BYTES) {
      flushSignatures();
    }
    if (sig == null) { // no band keys: it never meets another row
      sigOut.position(sigOut.position() + SIG_BYTES);
      return;
    }
    if (sig.length != HASHES) { // signature() makes every one in this JVM
      throw new IllegalArgumentException("bug: a signature has " + HASHES + " values");
    }
    sigOut.asIntBuffer().put(sig);
    sigOut.position(sigOut.position() + SIG_BYTES);
    for (int b = 0; b < BANDS; b++) {
      long key = 1469598103934665603L;
      for (int r = 0; r < ROWS; r++) {
        key = (key ^ sig[b * ROWS + r]) * 1099511628211L;
      }
      bands[b].add(key, row);
    }
  }

  /**
   * Takes an added row out of the comparison (an exact copy, counted once as such and not again as
   * a near copy); call before {@link #finish}.
   */
  public void exclude(int row) {
    if (row < 0 || row >= rows) {
      throw new IllegalArgumentException(
          "bug: excluded row " + row + " was never added (" + rows + ")");
    }
    excludedEarly.add(row);
    if (excludedEarly.size() >= 4096) {
      markExcluded();
    }
  }

  /**
   * The row count after one more row: a data set past 2^31-1 rows is refused (the rows are numbered
   * with an int), and the person is told to split it.
   */
  static int next(int rows) {
    if (rows == Integer.MAX_VALUE) {
      throw UserError.of(
          "데이터셋의 행이 2^31-1개를 넘습니다. 여러 데이터셋(버전)으로 나누어 검사하세요",
          "the data set has more than 2^31-1 rows; split it into several data sets (versions)");
    }
    return rows + 1;
  }

  public int rows() {
    return rows;
  }

  /** Finds the near copies and hands each (row, the earlier row it nearly copies) in row order. */
  public long finish(PairSink sink) {
    if (finished) {
      throw new IllegalStateException("bug: finish() called twice");
    }
    finished = true;
    flushSignatures();
    markExcluded();
    int[] keeperSig = new int[HASHES];
    int[] rowSig = new int[HASHES];
    ByteBuffer read = ByteBuffer.allocate(SIG_BYTES);
    for (int b = 0; b < BANDS; b++) {
      RunSorter.Cursor c = bands[b].sorted();
      long key = 0;
      boolean group = false;
      int keeper = -1;
      boolean keeperRead = false;
      while (c.next()) {
        int row = c.row();
        if (!group || c.k0() != key) {
          key = c.k0();
          group = true;
          keeper = -1;
        }
        if (state(row) != 0) {
          continue; // an exact copy, or matched in an earlier band: not in this band's buckets
        }
        if (keeper < 0) {
          keeper = row;
          keeperRead = false;
          continue;
        }
        if (!keeperRead) {
          readSignature(keeper, keeperSig, read);
          keeperRead = true;
        }
        readSignature(row, rowSig, read);
        if (similarity(rowSig, keeperSig) >= jaccard) {
          setState(row, MATCHED);
          pairs.add(row, keeper);
        }
      }
      bands[b].close();
    }
    RunSorter.Cursor found = pairs.sorted();
    long n = 0;
    while (found.next()) {
      sink.pair((int) found.k0(), found.row());
      n++;
    }
    return n;
  }

  static double similarity(int[] a, int @Nullable [] b) {
    if (b == null) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /** The row's MinHash signature; null for a text too short to have one shingle. */
  public static int @Nullable [] signature(String text) {
    return Signatures.of(text);
  }

  private void flushSignatures() {
    sigOut.flip();
    try {
      while (sigOut.hasRemaining()) {
        sigEnd += signatures.write(sigOut, sigEnd);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sigOut.clear();
  }

  private void readSignature(int row, int[] into, ByteBuffer buf) {
    buf.clear();
    long at = (long) row * SIG_BYTES;
    try {
      while (buf.hasRemaining()) {
        if (signatures.read(buf, at + buf.position()) < 0) {
          throw new IOException("signature file ends early");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buf.flip();
    IntBuffer ints = buf.asIntBuffer();
    ints.get(into);
  }

  /** Marks the rows taken out so far; the state file is sparse and mapped in 1 GiB segments. */
  private void markExcluded() {
    ensureState();
    for (int row : excludedEarly) {
      setState(row, EXCLUDED);
    }
    excludedEarly.clear();
  }

  private void ensureState() {
    long need = rows;
    try {
      if (stateFile == null) {
        stateFile =
            FileChannel.open(
                dir.resolve("state.bin"),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
      }
      while ((long) state.size() * SEGMENT < Math.max(need, 1)) {
        long from = (long) state.size() * SEGMENT;
        state.add(stateFile.map(FileChannel.MapMode.READ_WRITE, from, SEGMENT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int state(int row) {
    if (state.isEmpty()) {
      return 0;
    }
    return state.get((int) (row / SEGMENT)).get((int) (row % SEGMENT));
  }

  private void setState(int row, byte value) {
    ensureState();
    state.get((int) (row / SEGMENT)).put((int) (row % SEGMENT), value);
  }

  @Override
  public void close() {
    try {
      for (RunSorter s : bands) {
        if (s != null) {
          s.close();
        }
      }
      pairs.close();
      signatures.close();
      state.clear();
      if (stateFile != null) {
        stateFile.close();
      }
      if (ownDir) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
