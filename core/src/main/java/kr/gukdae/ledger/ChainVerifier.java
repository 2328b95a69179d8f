package kr.gukdae.ledger;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chain: seq order, prev_hash links and hashes; then signatures from the first key entry on
 * (every entry covered by a later signature of the key active at that point, as each batch's last
 * entry is signed; key entries always signed, rotations by the key they replace); then the caller's
 * trust: a pinned office key must have signed part of the chain, and every published checkpoint
 * must still be in it.
 */
final class ChainVerifier {

  private ChainVerifier() {}

  static Verification verify(List<LedgerEntry> entries, Ledger.Trust trust) {
    Map<String, PublicKey> trusted = new HashMap<>();
    trust.keys().forEach(k -> trusted.put(Keys.fingerprint(k), k));
    Map<String, PublicKey> chainKeys = new HashMap<>();
    String prev = LedgerEntry.GENESIS;
    @Nullable PublicKey active = null;
    @Nullable String activeFp = null;
    long covered = 0;
    long uncovered = 0; // first seq since the last signature, 0 when none
    boolean trustedSigned = false;
    long size = entries.size();
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry e = entries.get(i);
      long expected = i + 1L;
      if (e.seq() != expected) {
        String why =
            e.seq() > expected
                ? "expected seq " + expected + " but found " + e.seq() + " (entry deleted)"
                : "seq " + e.seq() + " appears out of order (entries reordered or duplicated)";
        return Verification.broken(size, expected, why);
      }
      if (!e.prevHash().equals(prev)) {
        return Verification.broken(
            size, e.seq(), "prev_hash does not match the hash of seq " + (e.seq() - 1));
      }
      if (!e.recomputedHash().equals(e.hash())) {
        return Verification.broken(size, e.seq(), "content does not match its hash (entry edited)");
      }
      prev = e.hash();
      PublicKey signer = active;
      String signerFp = activeFp;
      KeyEntry key = null;
      if (e.kind().equals(Ledger.KEY)) {
        try {
          key = KeyEntry.parse(e.payload());
        } catch (RuntimeException ex) {
          return Verification.broken(size, e.seq(), "unreadable key entry: " + ex.getMessage());
        }
        if (!Objects.equals(key.previous(), activeFp)) {
          return Verification.broken(
              size,
              e.seq(),
              "key entry names previous key "
                  + key.previous()
                  + " but the active key is "
                  + activeFp);
        }
        if (signer == null) {
          signer = key.key(); // the first key signs its own introduction
          signerFp = key.fingerprint();
        }
      }
      if (signer == null) {
        if (e.signed()) {
          return Verification.broken(size, e.seq(), "signed entry before any key entry");
        }
        continue; // an entry from before the office key; the first signature covers it
      }
      if (!e.signed()) {
        if (key != null) {
          return Verification.broken(size, e.seq(), "unsigned key entry (written without a key)");
        }
        if (uncovered == 0) {
          uncovered = e.seq(); // must be covered by the next signature
        }
        continue;
      }
      long from = uncovered == 0 ? e.seq() : uncovered;
      if (signerFp == null || !signerFp.equals(e.keyId())) {
        return Verification.broken(
            size,
            from,
            "seq "
                + e.seq()
                + " signed by key "
                + e.keyId()
                + " but the active key is "
                + signerFp);
      }
      String signature = e.signature();
      if (signature == null || !Keys.verifies(signer, e.hash(), signature)) {
        return Verification.broken(
            size,
            from,
            "the signature at seq "
                + e.seq()
                + " does not match: seq "
                + from
                + "-"
                + e.seq()
                + " changed after signing (entries forged or hashes recomputed)");
      }
      covered += e.seq() - from + 1;
      uncovered = 0;
      trustedSigned |= trusted.containsKey(signerFp);
      if (key != null) {
        active = key.key();
        activeFp = key.fingerprint();
        chainKeys.put(activeFp, active);
      }
    }
    if (uncovered != 0) {
      return Verification.broken(
          size,
          uncovered,
          "seq "
              + uncovered
              + "-"
              + size
              + " carry no office-key signature (appended without the key)");
    }
    if (!trusted.isEmpty() && !trustedSigned) {
      return Verification.broken(
          size,
          1,
          "no entry is signed by the trusted office key "
              + trusted.keySet()
              + (activeFp == null
                  ? " (chain unsigned)"
                  : " (chain signed by " + activeFp + " instead: replaced)"));
    }
    String head = entries.isEmpty() ? null : prev;
    if (trust.expectedHead() != null && !trust.expectedHead().equals(head)) {
      return Verification.broken(
          size,
          size + 1L,
          "head hash "
              + head
              + " differs from the expected "
              + trust.expectedHead()
              + " (entries cut)");
    }
    for (Checkpoint c : trust.checkpoints()) {
      PublicKey k = trusted.getOrDefault(c.keyId(), chainKeys.get(c.keyId()));
      if (k == null) {
        return Verification.broken(
            size,
            c.seq(),
            c.describe() + ": no trusted or chain key has that fingerprint (chain replaced)");
      }
      if (!Keys.verifies(k, c.message(), c.signature())) {
        return Verification.broken(size, c.seq(), c.describe() + ": bad signature (forged file)");
      }
      if (c.seq() > size) {
        return Verification.broken(
            size,
            size + 1L,
            "chain ends at seq " + size + " before " + c.describe() + " (entries cut off)");
      }
      if (!entries.get((int) c.seq() - 1).hash().equals(c.head())) {
        return Verification.broken(
            size, c.seq(), "chain does not extend " + c.describe() + " (history rewritten)");
      }
    }
    return Verification.ok(size, head, covered, activeFp, trust.checkpoints().size());
  }
}
