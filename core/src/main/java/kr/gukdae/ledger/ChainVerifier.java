package kr.gukdae.ledger;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
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
        Bilingual why =
            e.seq() > expected
                ? new Bilingual(
                    "seq " + expected + "이(가) 있어야 하는데 " + e.seq() + "이(가) 있음 (항목 삭제)",
                    "expected seq " + expected + " but found " + e.seq() + " (entry deleted)")
                : new Bilingual(
                    "seq " + e.seq() + "의 순서가 어긋남 (항목 순서 변경 또는 중복)",
                    "seq " + e.seq() + " appears out of order (entries reordered or duplicated)");
        return Verification.broken(size, expected, why);
      }
      if (!e.prevHash().equals(prev)) {
        return Verification.broken(
            size,
            e.seq(),
            new Bilingual(
                "prev_hash가 seq " + (e.seq() - 1) + "의 해시와 다름",
                "prev_hash does not match the hash of seq " + (e.seq() - 1)));
      }
      if (!e.recomputedHash().equals(e.hash())) {
        return Verification.broken(
            size,
            e.seq(),
            new Bilingual("내용이 해시와 다름 (항목 수정)", "content does not match its hash (entry edited)"));
      }
      prev = e.hash();
      PublicKey signer = active;
      String signerFp = activeFp;
      KeyEntry key = null;
      if (e.kind().equals(Ledger.KEY)) {
        try {
          key = KeyEntry.parse(e.payload());
        } catch (UserError ex) {
          return Verification.broken(
              size,
              e.seq(),
              new Bilingual(
                  "읽을 수 없는 키 항목: " + ex.message(true),
                  "unreadable key entry: " + ex.message(false)));
        } catch (RuntimeException ex) { // a payload that is not JSON
          return Verification.broken(
              size,
              e.seq(),
              new Bilingual(
                  "읽을 수 없는 키 항목: " + ex.getMessage(), "unreadable key entry: " + ex.getMessage()));
        }
        if (!Objects.equals(key.previous(), activeFp)) {
          return Verification.broken(
              size,
              e.seq(),
              new Bilingual(
                  "키 항목이 이전 키를 " + key.previous() + "(으)로 적었으나 현재 키는 " + activeFp,
                  "key entry names previous key "
                      + key.previous()
                      + " but the active key is "
                      + activeFp));
        }
        if (signer == null) {
          signer = key.key(); // the first key signs its own introduction
          signerFp = key.fingerprint();
        }
      }
      if (signer == null) {
        if (e.signed()) {
          return Verification.broken(
              size, e.seq(), new Bilingual("키 항목보다 앞선 서명 항목", "signed entry before any key entry"));
        }
        continue; // an entry from before the office key; the first signature covers it
      }
      if (!e.signed()) {
        if (key != null) {
          return Verification.broken(
              size,
              e.seq(),
              new Bilingual("서명 없는 키 항목 (키 없이 기록됨)", "unsigned key entry (written without a key)"));
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
            new Bilingual(
                "seq " + e.seq() + "은(는) 키 " + e.keyId() + "(으)로 서명되었으나 현재 키는 " + signerFp,
                "seq "
                    + e.seq()
                    + " signed by key "
                    + e.keyId()
                    + " but the active key is "
                    + signerFp));
      }
      String signature = e.signature();
      if (signature == null || !Keys.verifies(signer, e.hash(), signature)) {
        return Verification.broken(
            size,
            from,
            new Bilingual(
                "seq "
                    + e.seq()
                    + "의 서명이 맞지 않음: seq "
                    + from
                    + "-"
                    + e.seq()
                    + "이(가) 서명 후 바뀜 (항목 위조 또는 해시 재계산)",
                "the signature at seq "
                    + e.seq()
                    + " does not match: seq "
                    + from
                    + "-"
                    + e.seq()
                    + " changed after signing (entries forged or hashes recomputed)"));
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
          new Bilingual(
              "seq " + uncovered + "-" + size + "에 사무국 키 서명이 없음 (키 없이 추가됨)",
              "seq "
                  + uncovered
                  + "-"
                  + size
                  + " carry no office-key signature (appended without the key)"));
    }
    // An empty chain has nothing to sign: a fresh install (the key entry comes with the first
    // append). A chain emptied by someone with database access fails the published checkpoints.
    if (!trusted.isEmpty() && !trustedSigned && !entries.isEmpty()) {
      return Verification.broken(
          size,
          1,
          new Bilingual(
              "신뢰하는 사무국 키 "
                  + trusted.keySet()
                  + "(으)로 서명된 항목이 없음"
                  + (activeFp == null ? " (체인 서명 없음)" : " (대신 " + activeFp + "(으)로 서명됨: 교체)"),
              "no entry is signed by the trusted office key "
                  + trusted.keySet()
                  + (activeFp == null
                      ? " (chain unsigned)"
                      : " (chain signed by " + activeFp + " instead: replaced)")));
    }
    String head = entries.isEmpty() ? null : prev;
    if (trust.expectedHead() != null && !trust.expectedHead().equals(head)) {
      return Verification.broken(
          size,
          size + 1L,
          new Bilingual(
              "머리 해시 " + head + "이(가) 예상한 " + trust.expectedHead() + "와(과) 다름 (항목 잘림)",
              "head hash "
                  + head
                  + " differs from the expected "
                  + trust.expectedHead()
                  + " (entries cut)"));
    }
    for (Checkpoint c : trust.checkpoints()) {
      PublicKey k = trusted.getOrDefault(c.keyId(), chainKeys.get(c.keyId()));
      if (k == null) {
        return Verification.broken(
            size,
            c.seq(),
            new Bilingual(
                c.describeKo() + ": 그 지문을 가진 신뢰 키나 체인 키가 없음 (체인 교체)",
                c.describe() + ": no trusted or chain key has that fingerprint (chain replaced)"));
      }
      if (!Keys.verifies(k, c.message(), c.signature())) {
        return Verification.broken(
            size,
            c.seq(),
            new Bilingual(
                c.describeKo() + ": 서명 불일치 (위조 파일)",
                c.describe() + ": bad signature (forged file)"));
      }
      if (c.seq() > size) {
        return Verification.broken(
            size,
            size + 1L,
            new Bilingual(
                "체인이 " + c.describeKo() + "보다 앞선 seq " + size + "에서 끝남 (항목 잘림)",
                "chain ends at seq " + size + " before " + c.describe() + " (entries cut off)"));
      }
      if (!entries.get((int) c.seq() - 1).hash().equals(c.head())) {
        return Verification.broken(
            size,
            c.seq(),
            new Bilingual(
                "체인이 " + c.describeKo() + "을(를) 잇지 않음 (이력 재작성)",
                "chain does not extend " + c.describe() + " (history rewritten)"));
      }
    }
    return Verification.ok(size, head, covered, activeFp, trust.checkpoints().size());
  }
}
