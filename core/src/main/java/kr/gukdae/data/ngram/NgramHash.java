package kr.gukdae.data.ngram;

import java.util.List;

/**
 * The 64-bit hash of one n-gram: FNV-1a over the tokens' UTF-16 code units with a separator between
 * tokens, then MurmurHash3's 64-bit finaliser so the low and high halves are independent enough for
 * a Bloom filter's double hashing. Part of the file format ("fnv1a64-fmix").
 */
final class NgramHash {

  static final String ID = "fnv1a64-fmix";
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private NgramHash() {}

  static long of(List<Normaliser.Token> tokens, int from, int n) {
    long h = OFFSET;
    for (int t = from; t < from + n; t++) {
      String term = tokens.get(t).term();
      for (int i = 0; i < term.length(); i++) {
        h = (h ^ term.charAt(i)) * PRIME;
      }
      h = (h ^ 0x1F) * PRIME; // unit separator: "ab c" and "a bc" differ
    }
    return fmix(h);
  }

  /**
   * The same hash over terms packed end to end in {@code chars}, term {@code t} ending at {@code
   * ends[t]} (exclusive) and starting where term {@code t-1} ends: the indexer's form, with no
   * String per token.
   */
  static long of(char[] chars, int[] ends, int from, int n) {
    long h = OFFSET;
    int i = from == 0 ? 0 : ends[from - 1];
    for (int t = from; t < from + n; t++) {
      for (int end = ends[t]; i < end; i++) {
        h = (h ^ chars[i]) * PRIME;
      }
      h = (h ^ 0x1F) * PRIME;
    }
    return fmix(h);
  }

  static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb93fe53ae63bL;
    k ^= k >>> 33;
    return k;
  }
}
