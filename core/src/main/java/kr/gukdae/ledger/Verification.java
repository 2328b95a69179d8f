package kr.gukdae.ledger;

import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking a chain: either intact with its length, head hash, how many entries carry
 * the office key's signature, the key signing now and how many published checkpoints it extends; or
 * broken at the first entry (or checkpoint) that does not fit, with the reason in Korean and
 * English ({@code because}; {@link #reason()} is its English, as the seal and older callers read
 * it).
 */
public record Verification(
    boolean intact,
    long entries,
    @Nullable String headHash,
    long brokenSeq,
    Bilingual because,
    long signedEntries,
    @Nullable String activeKey,
    int checkpoints) {

  static Verification ok(
      long entries, @Nullable String head, long signed, @Nullable String key, int checkpoints) {
    return new Verification(
        true, entries, head, 0, new Bilingual("", ""), signed, key, checkpoints);
  }

  /** Why the chain is broken, in English; empty when intact. */
  public String reason() {
    return because.en();
  }

  static Verification broken(long entries, long seq, Bilingual reason) {
    return new Verification(false, entries, null, seq, reason, 0, null, 0);
  }

  public String describe() {
    if (!intact) {
      return "ledger BROKEN at seq " + brokenSeq + ": " + reason();
    }
    String out =
        "ledger intact: " + entries + " entries, head " + (headHash == null ? "-" : headHash);
    if (activeKey == null) {
      out += "; NOT signed (run 'gukdae ledger init' to sign it with the office key)";
    } else {
      out += "; " + signedEntries + " covered by office-key signatures, key " + activeKey;
      if (signedEntries < entries) {
        out += " (" + (entries - signedEntries) + " unsigned entries from before signing)";
      }
    }
    return checkpoints > 0 ? out + "; extends all " + checkpoints + " checkpoints" : out;
  }
}
