package kr.gukdae.data.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * External sort of fixed-size records ({@code words} unsigned 64-bit keys, then a row number) in
 * bounded memory: records collect in a chunk of {@code capacity}; a full chunk is radix-sorted
 * (stable, so rows added in ascending order stay ascending within a key) and appended to one spill
 * file as a run; {@link #sorted} merges the runs, at most {@code fanIn} at a time (more runs are
 * first merged in groups into longer runs at the end of the same file). Memory: the chunk and,
 * while merging, one read buffer per run, whatever the number of records.
 */
final class RunSorter implements AutoCloseable {

  private static final int BUFFER = 64 * 1024;

  private final Path path;
  private final FileChannel file;
  private final int words;
  private final int recordBytes;
  private final int fanIn;
  private final long[] keys;
  private final int[] rows;
  private int size;
  private long end;
  private long total;
  private final List<long[]> runs = new ArrayList<>(); // {offset, records}

  RunSorter(Path path, int words, int capacity, int fanIn) {
    if (words < 1 || words > 2 || capacity < 1 || fanIn < 2) {
      // the callers pass constants, never input
      throw new IllegalArgumentException("bug: need words 1-2, capacity >= 1, fanIn >= 2");
    }
    this.path = path;
    this.words = words;
    this.recordBytes = words * 8 + 4;
    this.fanIn = fanIn;
    this.keys = new long[capacity * words];
    this.rows = new int[capacity];
    try {
      this.file =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void add(long k0, int row) {
    add(k0, 0, row);
  }

  void add(long k0, long k1, int row) {
    if (size == rows.length) {
      spill();
    }
    keys[size * words] = k0;
    if (words == 2) {
      keys[size * words + 1] = k1;
    }
    rows[size++] = row;
    total++;
  }

  long size() {
    return total;
  }

  /** All records in key order (rows ascending within a key); the sorter takes no more records. */
  Cursor sorted() {
    if (size > 0) {
      spill();
    }
    while (runs.size() > fanIn) {
      List<long[]> group = new ArrayList<>(runs.subList(0, fanIn));
      runs.subList(0, fanIn).clear();
      long start = end;
      long count = 0;
      ByteBuffer out = ByteBuffer.allocate(BUFFER - BUFFER % recordBytes);
      Merge m = new Merge(group);
      while (m.next()) {
        if (out.remaining() < recordBytes) {
          write(out);
        }
        putRecord(out, m.k0(), m.k1(), m.row());
        count++;
      }
      write(out);
      runs.add(new long[] {start, count});
    }
    return new Merge(runs);
  }

  /** Reads the sorted records one at a time. */
  interface Cursor {
    boolean next();

    long k0();

    long k1();

    int row();
  }

  private void putRecord(ByteBuffer out, long k0, long k1, int row) {
    out.putLong(k0);
    if (words == 2) {
      out.putLong(k1);
    }
    out.putInt(row);
  }

  private void spill() {
    radixSort();
    long start = end;
    ByteBuffer out = ByteBuffer.allocate(BUFFER - BUFFER % recordBytes);
    for (int i = 0; i < size; i++) {
      if (out.remaining() < recordBytes) {
        write(out);
      }
      putRecord(out, keys[i * words], words == 2 ? keys[i * words + 1] : 0, rows[i]);
    }
    write(out);
    runs.add(new long[] {start, size});
    size = 0;
  }

  private void write(ByteBuffer out) {
    out.flip();
    try {
      while (out.hasRemaining()) {
        end += file.write(out, end);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.clear();
  }

  /** LSD radix sort, 8 bits a pass, least significant key word first; stable. */
  private void radixSort() {
    long[] k = keys;
    int[] r = rows;
    long[] k2 = new long[size * words];
    int[] r2 = new int[size];
    int[] count = new int[257];
    for (int w = words - 1; w >= 0; w--) {
      for (int shift = 0; shift < 64; shift += 8) {
        java.util.Arrays.fill(count, 0);
        for (int i = 0; i < size; i++) {
          count[(int) ((k[i * words + w] >>> shift) & 0xFF) + 1]++;
        }
        if (count[(int) ((k[w] >>> shift) & 0xFF) + 1] == size) {
          continue; // every record has this digit: nothing moves
        }
        for (int d = 0; d < 256; d++) {
          count[d + 1] += count[d];
        }
        for (int i = 0; i < size; i++) {
          int to = count[(int) ((k[i * words + w] >>> shift) & 0xFF)]++;
          for (int j = 0; j < words; j++) {
            k2[to * words + j] = k[i * words + j];
          }
          r2[to] = r[i];
        }
        long[] tk = k;
        k = k2;
        k2 = tk;
        int[] tr = r;
        r = r2;
        r2 = tr;
      }
    }
    if (k != keys) {
      System.arraycopy(k, 0, keys, 0, size * words);
      System.arraycopy(r, 0, rows, 0, size);
    }
  }

  /** One run read through its own buffer. */
  private final class Run {
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER - BUFFER % recordBytes);
    private long at;
    private long left;
    long k0;
    long k1;
    int row;

    Run(long[] run) {
      this.at = run[0];
      this.left = run[1];
      buf.limit(0);
    }

    boolean next() {
      if (left == 0) {
        return false;
      }
      if (!buf.hasRemaining()) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), left * recordBytes));
        try {
          while (buf.hasRemaining()) {
            int n = file.read(buf, at);
            if (n < 0) {
              throw new IOException(path + ": run ends early");
            }
            at += n;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        buf.flip();
      }
      k0 = buf.getLong();
      k1 = words == 2 ? buf.getLong() : 0;
      row = buf.getInt();
      left--;
      return true;
    }
  }

  private static int compare(Run a, Run b) {
    int c = Long.compareUnsigned(a.k0, b.k0);
    if (c == 0) {
      c = Long.compareUnsigned(a.k1, b.k1);
    }
    return c != 0 ? c : Integer.compare(a.row, b.row);
  }

  private final class Merge implements Cursor {
    private final PriorityQueue<Run> heap = new PriorityQueue<>(RunSorter::compare);
    private @org.jspecify.annotations.Nullable Run current;

    Merge(List<long[]> from) {
      for (long[] run : from) {
        Run r = new Run(run);
        if (r.next()) {
          heap.add(r);
        }
      }
    }

    @Override
    public boolean next() {
      if (current != null && current.next()) {
        heap.add(current);
      }
      current = heap.poll();
      return current != null;
    }

    @Override
    public long k0() {
      return java.util.Objects.requireNonNull(current).k0;
    }

    @Override
    public long k1() {
      return java.util.Objects.requireNonNull(current).k1;
    }

    @Override
    public int row() {
      return java.util.Objects.requireNonNull(current).row;
    }
  }

  @Override
  public void close() {
    try {
      file.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
