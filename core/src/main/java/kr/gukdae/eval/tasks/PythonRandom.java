package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CPython's {@code random.Random} for the calls lm-evaluation-harness makes: seeding from an
 * integer, {@code getrandbits}, {@code random}, {@code sample} and {@code shuffle}. lm-eval draws
 * each document's few-shot examples with {@code Random(seed).sample(...)}, so the same examples in
 * the same order need the same generator: the Mersenne Twister (MT19937), seeded by {@code
 * init_by_array} with the integer's 32-bit words, least significant first, and CPython's algorithms
 * for turning its words into bounded integers and samples (as the {@code random} module documents
 * and has used since Python 3.2). Not thread-safe, as in Python.
 */
final class PythonRandom {

  private static final int N = 624;
  private static final int M = 397;

  private final int[] mt = new int[N];
  private int index = N + 1;

  /** {@code random.Random(seed)} for an integer seed; the sign is ignored, as in CPython. */
  PythonRandom(long seed) {
    long magnitude = Math.abs(seed);
    int[] key =
        (magnitude >>> 32) == 0
            ? new int[] {(int) magnitude}
            : new int[] {(int) magnitude, (int) (magnitude >>> 32)};
    initByArray(key);
  }

  private void initGenrand(int seed) {
    mt[0] = seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32 random bits, as an unsigned value in a long. */
  long nextWord() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908b0df);
    }
    index = 0;
  }

  /** {@code getrandbits(k)} for 0 &lt;= k &lt;= 63. */
  long getrandbits(int k) {
    if (k < 0 || k > 63) {
      throw new IllegalArgumentException("bug: k must be in 0..63");
    }
    if (k == 0) {
      return 0;
    }
    if (k <= 32) {
      return nextWord() >>> (32 - k);
    }
    long low = nextWord();
    long high = nextWord() >>> (64 - k);
    return (high << 32) | low;
  }

  /** {@code random()}: 53 random bits as a float in [0, 1). */
  double random() {
    long a = nextWord() >>> 5;
    long b = nextWord() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** {@code _randbelow(n)}: rejection sampling over {@code n.bit_length()} bits. */
  int randbelow(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("bug: n must be positive");
    }
    int k = 32 - Integer.numberOfLeadingZeros(n);
    long r = getrandbits(k);
    while (r >= n) {
      r = getrandbits(k);
    }
    return (int) r;
  }

  /**
   * {@code sample(population, k)}: CPython keeps a pool and swaps the last unused element in when
   * the population is small against k, and otherwise draws indices, redrawing repeats.
   */
  <T> List<T> sample(List<T> population, int k) {
    int n = population.size();
    if (k < 0 || k > n) {
      // FewshotContext refuses num_fewshot larger than the pool first, naming the task file
      throw new IllegalArgumentException("bug: sample larger than population or negative");
    }
    int setsize = 21;
    if (k > 5) {
      setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3.0) / Math.log(4)));
    }
    List<T> result = new ArrayList<>(k);
    if (n <= setsize) {
      List<T> pool = new ArrayList<>(population);
      for (int i = 0; i < k; i++) {
        int j = randbelow(n - i);
        result.add(pool.get(j));
        pool.set(j, pool.get(n - i - 1));
      }
    } else {
      Set<Integer> selected = new HashSet<>();
      for (int i = 0; i < k; i++) {
        int j = randbelow(n);
        while (!selected.add(j)) {
          j = randbelow(n);
        }
        result.add(population.get(j));
      }
    }
    return result;
  }

  /** {@code shuffle(list)} in place: Fisher–Yates from the end. */
  <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = randbelow(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }
}
