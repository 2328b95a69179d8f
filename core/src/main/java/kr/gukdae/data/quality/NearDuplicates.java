package kr.gukdae.data.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * MinHash with LSH banding over Korean-aware shingles: character 5-grams of the folded text with
 * all white space removed, since Korean spacing (띄어쓰기) varies between copies of the same text and
 * words carry particles. 128 hash functions in 32 bands of 4 find pairs from Jaccard ≈ 0.4 up; each
 * candidate is kept only if its signatures agree on at least the requested share. Memory: 128 ints
 * per row, whatever the length of the text.
 */
public final class NearDuplicates {

  static final int HASHES = 128;
  static final int BANDS = 32;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 5;

  private final double jaccard;
  private final List<int @Nullable []> signatures = new ArrayList<>();
  private final List<Map<Long, Integer>> buckets = new ArrayList<>();
  private final List<int[]> duplicates = new ArrayList<>();
  private static final long[] SEEDS = seeds();

  public NearDuplicates(double jaccard) {
    this.jaccard = jaccard;
    for (int b = 0; b < BANDS; b++) {
      buckets.add(new HashMap<>());
    }
  }

  /**
   * Adds the next row (null for a row that takes no part); reports it if it copies an earlier one.
   */
  public void add(@Nullable String text) {
    addSignature(text == null ? null : signature(text));
  }

  /**
   * Adds the next row by its {@link #signature} (computed anywhere: signatures are the costly part
   * and need no other row, so they can be made on several machines and joined here in row order).
   */
  public void addSignature(int @Nullable [] sig) {
    int index = signatures.size();
    signatures.add(sig);
    if (sig == null) {
      return;
    }
    int match = -1;
    for (int b = 0; b < BANDS && match < 0; b++) {
      long key = 1469598103934665603L;
      for (int r = 0; r < ROWS; r++) {
        key = (key ^ sig[b * ROWS + r]) * 1099511628211L;
      }
      Integer earlier = buckets.get(b).putIfAbsent(key, index);
      if (earlier != null && similarity(sig, signatures.get(earlier)) >= jaccard) {
        match = earlier;
      }
    }
    if (match >= 0) {
      duplicates.add(new int[] {index, match});
    }
  }

  /** Pairs (row, the earlier row it nearly copies). */
  public List<int[]> duplicates() {
    return duplicates;
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
    String s = Patterns.fold(text).replaceAll("\\s+", "");
    if (s.length() < SHINGLE) {
      return null;
    }
    int[] sig = new int[HASHES];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (int i = 0; i + SHINGLE <= s.length(); i++) {
      long h = 1469598103934665603L;
      for (int j = i; j < i + SHINGLE; j++) {
        h = (h ^ s.charAt(j)) * 1099511628211L;
      }
      for (int k = 0; k < HASHES; k++) {
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

  private static long[] seeds() {
    long[] s = new long[HASHES];
    long x = 0x2545F4914F6CDD1DL;
    for (int i = 0; i < HASHES; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      s[i] = x;
    }
    return s;
  }
}
