package kr.gukdae.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedLedgerTest {

  @TempDir Path dir;

  private final OfficeKey office = OfficeKey.generate();

  private Ledger signed(int n) {
    Ledger ledger = Ledger.inMemory().signedBy(office, dir.resolve("anchors"));
    for (int i = 0; i < n; i++) {
      ledger.append("evidence", Map.of("team", "t" + i, "score", i * 1.5));
    }
    return ledger;
  }

  private Ledger.Trust trust(List<Checkpoint> checkpoints) {
    return new Ledger.Trust(List.of(office.publicKey()), checkpoints, null);
  }

  /** What an insider with database access but without the key file does: edit, re-hash all. */
  private static List<LedgerEntry> rehashedFrom(
      List<LedgerEntry> e, int index, String from, String to) {
    List<LedgerEntry> out = new ArrayList<>(e.subList(0, index));
    String prev = index == 0 ? LedgerEntry.GENESIS : e.get(index - 1).hash();
    for (int i = index; i < e.size(); i++) {
      LedgerEntry x = e.get(i);
      String payload = i == index ? x.payload().replace(from, to) : x.payload();
      LedgerEntry y = LedgerEntry.next(x.seq(), x.timestamp(), x.kind(), payload, prev);
      out.add(
          new LedgerEntry(
              y.seq(),
              y.timestamp(),
              y.kind(),
              y.payload(),
              y.prevHash(),
              y.hash(),
              x.keyId(),
              x.signature()));
      prev = y.hash();
    }
    return out;
  }

  @Test
  void everyEntryIsSignedAfterTheSelfSignedKeyEntry() {
    Ledger ledger = signed(4);
    List<LedgerEntry> e = ledger.entries();
    assertThat(e).hasSize(5);
    assertThat(e.getFirst().kind()).isEqualTo(Ledger.KEY);
    assertThat(e).allMatch(x -> office.fingerprint().equals(x.keyId()));
    Verification v = ledger.verify();
    assertThat(v.intact()).as(v.describe()).isTrue();
    assertThat(v.signedEntries()).isEqualTo(5);
    assertThat(v.checkpoints()).isEqualTo(4); // one per append (the first carries the key entry)
    assertThat(v.describe())
        .contains("covered by office-key signatures, key " + office.fingerprint());
  }

  @Test
  void aChainWithRecomputedHashesIsCaughtBySignatureAndByAnchors() {
    Ledger ledger = signed(5);
    List<LedgerEntry> e = ledger.entries();
    List<LedgerEntry> forged = rehashedFrom(e, 2, "t1", "tX");
    // Every hash is self-consistent, so the unkeyed chain alone would say intact...
    assertThat(forged.get(2).recomputedHash()).isEqualTo(forged.get(2).hash());
    Verification v = Ledger.verify(forged, null);
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.reason()).contains("does not match");

    // ...and a forger who also re-signs everything with a key of their own passes the chain
    // checks, but not the pinned office key, nor the checkpoints published outside the database.
    OfficeKey forger = OfficeKey.generate();
    Ledger fake = Ledger.inMemory().signedBy(forger, null);
    for (LedgerEntry x : e.subList(1, e.size())) {
      fake.appendJson(x.kind(), x.payload().replace("t1", "tX"));
    }
    assertThat(fake.entries()).hasSize(e.size());
    assertThat(Ledger.verify(fake.entries(), null).intact()).isTrue();
    Verification pinned = Ledger.verifyWith(fake.entries(), trust(List.of()));
    assertThat(pinned.intact()).isFalse();
    assertThat(pinned.reason()).contains("no entry is signed by the trusted office key");
    List<Checkpoint> published = Checkpoint.readAll(dir.resolve("anchors"));
    Verification anchored =
        Ledger.verifyWith(fake.entries(), new Ledger.Trust(List.of(), published, null));
    assertThat(anchored.intact()).isFalse();
    assertThat(anchored.reason()).contains("chain replaced");
    // Even with the office key stolen, the rewritten history does not extend the checkpoints.
    Ledger stolen = Ledger.inMemory().signedBy(office, null);
    for (LedgerEntry x : e.subList(1, e.size())) {
      stolen.appendJson(x.kind(), x.payload().replace("t1", "tX"));
    }
    Verification withKey = Ledger.verifyWith(stolen.entries(), trust(published));
    assertThat(withKey.intact()).isFalse();
    assertThat(withKey.reason()).contains("history rewritten");
  }

  /**
   * A fresh install has the office key but no entry yet (the key entry comes with the first
   * append): intact. The same emptiness made by deleting every row fails the published checkpoints.
   */
  @Test
  void anEmptyLedgerIsFreshUnlessItsCheckpointsSayOtherwise() {
    Verification fresh = Ledger.verifyWith(List.of(), trust(List.of()));
    assertThat(fresh.intact()).as(fresh.describe()).isTrue();
    assertThat(fresh.entries()).isZero();
    signed(2);
    Verification wiped =
        Ledger.verifyWith(List.of(), trust(Checkpoint.readAll(dir.resolve("anchors"))));
    assertThat(wiped.intact()).isFalse();
  }

  @Test
  void editDeleteReorderAndTruncationAreDetected() {
    Ledger ledger = signed(5);
    List<LedgerEntry> e = ledger.entries();
    List<Checkpoint> published = Checkpoint.readAll(dir.resolve("anchors"));
    assertThat(Ledger.verifyWith(e, trust(published)).intact()).isTrue();

    List<LedgerEntry> edited = new ArrayList<>(e);
    LedgerEntry x = e.get(3);
    edited.set(
        3,
        new LedgerEntry(
            x.seq(),
            x.timestamp(),
            x.kind(),
            x.payload().replace("3.0", "9.0"),
            x.prevHash(),
            x.hash(),
            x.keyId(),
            x.signature()));
    assertThat(Ledger.verifyWith(edited, trust(published)).reason()).contains("edited");

    List<LedgerEntry> deleted = new ArrayList<>(e);
    deleted.remove(2);
    assertThat(Ledger.verifyWith(deleted, trust(published)).reason()).contains("deleted");

    List<LedgerEntry> reordered = new ArrayList<>(e);
    reordered.set(2, e.get(3));
    reordered.set(3, e.get(2));
    assertThat(Ledger.verifyWith(reordered, trust(published)).intact()).isFalse();

    Verification cut = Ledger.verifyWith(e.subList(0, 4), trust(published));
    assertThat(cut.intact()).isFalse();
    assertThat(cut.reason()).contains("entries cut off");
    // Stripping the signatures does not make an "old, unsigned" chain either.
    List<LedgerEntry> stripped =
        e.stream()
            .map(y ->
                new LedgerEntry(
                    y.seq(), y.timestamp(), y.kind(), y.payload(), y.prevHash(), y.hash()))
            .toList();
    assertThat(Ledger.verify(stripped, null).reason()).contains("unsigned key entry");
  }

  @Test
  void rotationIsSignedByTheOldKeyAndOnlyTheHolderCanRotate() {
    Ledger ledger = signed(2);
    OfficeKey next = OfficeKey.generate();
    Ledger rotated = ledger.rotate(next);
    rotated.append("decision", Map.of("stage", 1));
    List<LedgerEntry> e = rotated.entries();
    assertThat(e.get(3).kind()).isEqualTo(Ledger.KEY);
    assertThat(e.get(3).keyId()).isEqualTo(office.fingerprint());
    assertThat(e.get(4).keyId()).isEqualTo(next.fingerprint());
    assertThat(e.get(4).kind()).isEqualTo(Ledger.KEY_CONFIRMED);
    assertThat(Ledger.verifyWith(e, trust(List.of())).intact()).isTrue();
    // An auditor who pins only the new key accepts the chain as soon as the rotation is recorded.
    var onlyNew = new Ledger.Trust(List.of(next.publicKey()), List.of(), null);
    assertThat(Ledger.verifyWith(e.subList(0, 5), onlyNew).intact()).isTrue();
    // The old key no longer appends; the new one does.
    assertThatThrownBy(() -> ledger.append("x", Map.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("active key is " + next.fingerprint());
    // A rotation written by someone without the old key fails.
    OfficeKey thief = OfficeKey.generate();
    Ledger own = Ledger.inMemory().signedBy(office, null);
    own.append("a", Map.of());
    List<LedgerEntry> base = own.entries();
    LedgerEntry k =
        LedgerEntry.next(
                3,
                Instant.now(),
                Ledger.KEY,
                CanonicalJson.of(KeyEntry.of(thief, office.fingerprint()).payload()),
                base.getLast().hash())
            .signedBy(thief);
    List<LedgerEntry> hijacked = new ArrayList<>(base);
    hijacked.add(k);
    Verification v = Ledger.verify(hijacked, null);
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.reason()).contains("active key is " + office.fingerprint());
  }

  @Test
  void aLegacyUnsignedChainIsCoveredByInitAndRefusesUnsignedOrForeignAppends() {
    Ledger legacy = Ledger.inMemory();
    legacy.append("evidence", Map.of("team", "a"));
    Ledger withKey = legacy.signedBy(office, null);
    assertThatThrownBy(() -> withKey.append("evidence", Map.of()))
        .hasMessageContaining("ledger init");
    withKey.init();
    withKey.append("evidence", Map.of("team", "b"));
    assertThat(withKey.verify().intact()).isTrue();
    assertThat(withKey.verify().signedEntries()).isEqualTo(2);
    assertThatThrownBy(() -> legacy.append("x", Map.of()))
        .hasMessageContaining("no office key is configured");
    assertThatThrownBy(() -> legacy.signedBy(OfficeKey.generate(), null).append("x", Map.of()))
        .hasMessageContaining("active key is");
    assertThatThrownBy(withKey::init).hasMessageContaining("ledger rotate");
    // Rewriting the unsigned entry with a recomputed hash breaks the first signature.
    List<LedgerEntry> forged = rehashedFrom(withKey.entries(), 0, "\"a\"", "\"z\"");
    assertThat(Ledger.verify(forged, null).brokenSeq()).isEqualTo(2);
  }

  @Test
  void keyFileIsOwnerOnlyAndNeverOverwrittenAndExportVerifiesOffline() throws Exception {
    Path keyFile = dir.resolve("keys/office.pem");
    office.save(keyFile);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> OfficeKey.generate().save(keyFile))
        .hasMessageContaining("never overwritten");
    OfficeKey loaded = OfficeKey.load(keyFile);
    assertThat(loaded.fingerprint()).isEqualTo(office.fingerprint());
    Ledger ledger = Ledger.inFile(dir.resolve("l.jsonl")).signedBy(loaded, dir.resolve("anchors"));
    ledger.append("decision", Map.of("stage", 1));
    Path export = dir.resolve("export.jsonl");
    ledger.exportTo(export);
    var pub = Keys.readPublic(OfficeKey.publicFile(keyFile));
    var v =
        Ledger.verifyFileWith(
            export,
            new Ledger.Trust(List.of(pub), Checkpoint.readAll(dir.resolve("anchors")), null));
    assertThat(v.intact()).as(v.describe()).isTrue();
    assertThat(v.signedEntries()).isEqualTo(2);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> OfficeKey.load(keyFile)).hasMessageContaining("chmod 600");
  }

  @Test
  void aTornLastLineLeftByAKilledWriterIsIgnoredAndOverwritten() throws Exception {
    Path file = dir.resolve("torn.jsonl");
    Ledger ledger = Ledger.inFile(file).signedBy(office, null);
    ledger.append("a", Map.of());
    Files.writeString(file, "{\"seq\":2,\"tim", java.nio.file.StandardOpenOption.APPEND);
    assertThat(Ledger.verifyFile(file, (String) null).entries()).isEqualTo(2);
    ledger.append("b", Map.of());
    assertThat(Ledger.verifyFile(file, (String) null).intact()).isTrue();
    assertThat(Ledger.verifyFile(file, (String) null).entries()).isEqualTo(3);
  }

  @Test
  void aBatchIsSignedOnceAtItsEndAndAnUnsignedTailIsRefused() {
    Ledger ledger = Ledger.inMemory().signedBy(office, null);
    ledger.appendAll(seq ->
        List.of(
            new Ledger.Draft("a", Map.of()),
            new Ledger.Draft("b", Map.of()),
            new Ledger.Draft("c", Map.of("run", seq))));
    List<LedgerEntry> e = ledger.entries();
    assertThat(e).extracting(LedgerEntry::signed).containsExactly(true, false, false, true);
    assertThat(ledger.verify().signedEntries()).isEqualTo(4);
    // An insider appends behind the office's back: no signature covers the new tail.
    List<LedgerEntry> tail = new ArrayList<>(e);
    tail.add(LedgerEntry.next(5, Instant.now(), "decision", "{}", e.getLast().hash()));
    Verification v = Ledger.verify(tail, null);
    assertThat(v.brokenSeq()).isEqualTo(5);
    assertThat(v.reason()).contains("carry no office-key signature");
    // Or edits the middle of the batch and recomputes the hashes: the batch's signature fails.
    Verification mid = Ledger.verify(rehashedFrom(e, 1, "{}", "{\"x\":1}"), null);
    assertThat(mid.brokenSeq()).isEqualTo(2);
    assertThat(mid.reason()).contains("signature at seq 4 does not match");
  }
}
