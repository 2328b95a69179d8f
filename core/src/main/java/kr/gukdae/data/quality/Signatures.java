package kr.gukdae.data.quality;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * MinHash signatures over Korean-aware shingles: character 5-grams of the folded text (NFKC, lower
 * case) with all white space removed, since Korean spacing (띄어쓰기) varies between copies of the same
 * text and words carry particles. Each shingle is hashed once (FNV-1a over its 5 chars) and
 * permuted by 128 seeded multiply-xorshift mixes; the signature keeps each permutation's minimum.
 *
 * <p>The cost is the 128 mixes per shingle, so a shingle that repeats within a row is mixed once (a
 * repeat cannot lower a minimum); the white space is dropped by a loop, not a regex. The values are
 * those of the first, plainer version (reports and stored signatures stay comparable).
 */
final class Signatures {

  static final int HASHES = 128;
  static final int SHINGLE = 5;
  private static final long[] SEEDS = seeds();
  private static final long OFFSET = 1469598103934665603L;
  private static final long PRIME = 1099511628211L;
  private static final ThreadLocal<long[]> SEEN = ThreadLocal.withInitial(() -> new long[1024]);

  private Signatures() {}

  /** The row's MinHash signature; null for a text too short to have one shingle. */
  static int @Nullable [] of(String text) {
    return ofFolded(Patterns.fold(text));
  }

  /** The signature of a text already folded ({@link Patterns#fold}). */
  static int @Nullable [] ofFolded(String folded) {
    char[] s = new char[folded.length()];
    int n = 0;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      // exactly the regex \s (ASCII white space), as before; most characters pass the first test
      if (c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r')) {
        s[n++] = c;
      }
    }
    if (n < SHINGLE) {
      return null;
    }
    int shingles = n - SHINGLE + 1;
    int slots = Integer.highestOneBit(Math.max(16, shingles * 2 - 1)) << 1;
    long[] seen = SEEN.get();
    if (seen.length < slots) {
      seen = new long[slots];
      if (slots <= 1 << 16) {
        SEEN.set(seen);
      }
    }
    Arrays.fill(seen, 0, slots, 0L);
    int mask = slots - 1;
    // every shingle's hash first, in a loop of independent iterations the CPU can overlap
    long[] hashes = new long[shingles];
    for (int i = 0; i < shingles; i++) {
      long h = (OFFSET ^ s[i]) * PRIME;
      h = (h ^ s[i + 1]) * PRIME;
      h = (h ^ s[i + 2]) * PRIME;
      h = (h ^ s[i + 3]) * PRIME;
      hashes[i] = (h ^ s[i + 4]) * PRIME;
    }
    boolean zeroSeen = false;
    long[] min = new long[HASHES];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long h : hashes) {
      // an open-addressing set of the hashes mixed so far (0 marks an empty slot)
      if (h == 0) {
        if (zeroSeen) {
          continue;
        }
        zeroSeen = true;
      } else {
        int at = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
        boolean repeat = false;
        while (seen[at] != 0) {
          if (seen[at] == h) {
            repeat = true;
            break;
          }
          at = (at + 1) & mask;
        }
        if (repeat) {
          continue;
        }
        seen[at] = h;
      }
      mix(h, min);
    }
    int[] sig = new int[HASHES];
    for (int k = 0; k < HASHES; k++) {
      sig[k] = (int) min[k];
    }
    return sig;
  }

  /**
   * Lowers each permutation's minimum by this shingle's value: the high 32 bits of the mixed hash
   * as a signed int, kept here as a long (x >> 32 orders as that int does) so the loop is all
   * 64-bit lanes, which the JIT can vectorise.
   */
  private static void mix(long h, long[] min) {
    for (int k = 0; k < HASHES; k++) {
      long x = (h ^ SEEDS[k]) * 0x9E3779B97F4A7C15L;
      x ^= x >>> 29;
      min[k] = Math.min(min[k], x >> 32);
    }
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
