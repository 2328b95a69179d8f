package kr.gukdae.ledger;

import java.time.Instant;
import java.util.Objects;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * One link of the chain: {@code hash = SHA-256(prevHash | seq | timestamp | kind | payload)} where
 * the payload is canonical JSON. Changing any field, deleting or reordering entries breaks it. A
 * signed entry also carries the office key's fingerprint ({@code keyId}) and its Ed25519 signature
 * over the 64 ASCII characters of {@code hash}: since the hash covers {@code prevHash}, one
 * signature vouches for the whole chain up to it, and recomputing hashes needs the private key. The
 * ledger signs the last entry of every appended batch and every key entry.
 */
public record LedgerEntry(
    long seq,
    Instant timestamp,
    String kind,
    String payload,
    String prevHash,
    String hash,
    @Nullable String keyId,
    @Nullable String signature) {

  /** The prev_hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  public LedgerEntry {
    // A ledger file or audit_ledger row edited by hand reaches these; the readers add where.
    if (seq < 1) {
      throw UserError.of(
          "seq: 1부터 시작합니다 (받은 값 " + seq + "). 원장이 수정되었으니 백업에서 복원하세요",
          "seq: starts at 1, got " + seq + "; the ledger was edited, restore it from a backup");
    }
    Objects.requireNonNull(timestamp, "timestamp");
    if (kind == null || kind.isBlank() || kind.length() > 100) {
      throw UserError.of(
          "seq " + seq + ": kind는 1~100자여야 합니다. 원장이 수정되었으니 백업에서 복원하세요",
          "seq "
              + seq
              + ": kind must be 1-100 characters; the ledger was edited, restore it from a"
              + " backup");
    }
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    if ((keyId == null) != (signature == null)) {
      throw UserError.of(
          "seq " + seq + ": key와 signature는 함께 있어야 합니다. 원장이 수정되었으니 백업에서 복원하세요",
          "seq "
              + seq
              + ": key and signature go together; the ledger was edited, restore it from a"
              + " backup");
    }
  }

  /** An unsigned entry (as every entry was before the office key). */
  public LedgerEntry(
      long seq, Instant timestamp, String kind, String payload, String prevHash, String hash) {
    this(seq, timestamp, kind, payload, prevHash, hash, null, null);
  }

  /** Builds the entry that follows {@code prevHash}, computing its hash. */
  static LedgerEntry next(
      long seq, Instant timestamp, String kind, String canonicalPayload, String prevHash) {
    return new LedgerEntry(
        seq,
        timestamp,
        kind,
        canonicalPayload,
        prevHash,
        Hashes.entryHash(prevHash, seq, timestamp, kind, canonicalPayload));
  }

  LedgerEntry signedBy(OfficeKey key) {
    return new LedgerEntry(
        seq, timestamp, kind, payload, prevHash, hash, key.fingerprint(), key.sign(hash));
  }

  public boolean signed() {
    return signature != null;
  }

  /** The hash this entry's fields imply (equal to {@link #hash()} unless it was edited). */
  public String recomputedHash() {
    return Hashes.entryHash(prevHash, seq, timestamp, kind, payload);
  }
}
