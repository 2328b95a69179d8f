package kr.gukdae.data.ngram;

import kr.gukdae.UserError;

/**
 * The parameters an n-gram file was built with; an audit refuses a file whose parameters differ
 * from the method it runs, since its hashes would silently never match.
 *
 * @param n tokens per n-gram (13 for the GPT-3/lm-eval rule, 8 for PaLM's)
 * @param normaliser how text became tokens ({@link Normaliser#id()})
 * @param hash the n-gram hash ({@value NgramHash#ID})
 * @param log2Bits the Bloom filter has {@code 2^log2Bits} bits
 * @param hashes probes per n-gram
 */
public record NgramParams(int n, String normaliser, String hash, int log2Bits, int hashes) {

  public NgramParams {
    if (n < 1 || n > 64) {
      throw UserError.of("n은 1~64여야 합니다 (받은 값 " + n + ")", "n must be 1-64, got " + n);
    }
    Normaliser.fromId(normaliser);
    if (!NgramHash.ID.equals(hash)) {
      throw UserError.of(
          "hash는 " + NgramHash.ID + "여야 합니다 (받은 값 " + hash + ")",
          "hash must be " + NgramHash.ID + ", got " + hash);
    }
    if (log2Bits < 10 || log2Bits > 36) {
      throw UserError.of(
          "log2Bits는 10~36(128 B~8 GiB)이어야 합니다 (받은 값 " + log2Bits + ")",
          "log2Bits must be 10-36 (128 B to 8 GiB), got " + log2Bits);
    }
    if (hashes < 1 || hashes > 16) {
      throw UserError.of(
          "hashes는 1~16이어야 합니다 (받은 값 " + hashes + ")", "hashes must be 1-16, got " + hashes);
    }
  }

  public static NgramParams of(int n, Normaliser normaliser, int log2Bits, int hashes) {
    return new NgramParams(n, normaliser.id(), NgramHash.ID, log2Bits, hashes);
  }

  public Normaliser normaliserValue() {
    return Normaliser.fromId(normaliser);
  }
}
