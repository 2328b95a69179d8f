package kr.gukdae.ledger;

import java.time.Instant;
import kr.gukdae.Sha256;

/** The hash that chains ledger entries. */
final class Hashes {

  private Hashes() {}

  // A separator that cannot appear unescaped in canonical JSON keeps field boundaries unambiguous.
  static String entryHash(
      String prevHash, long seq, Instant timestamp, String kind, String canonicalPayload) {
    return Sha256.hex(
        prevHash + '\n' + seq + '\n' + timestamp + '\n' + kind + '\n' + canonicalPayload);
  }
}
