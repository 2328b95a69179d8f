package kr.gukdae.ledger;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The append-only, hash-chained, signed record of every evidence record, score and decision. All
 * appends go through {@link #appendAll}: one batch under the store's writer lock, all or nothing,
 * its last entry (and any key entry) signed with the office key when the ledger has one, which
 * through the hash chain covers every entry of the batch, and a signed checkpoint of the new head
 * written to the anchors folder. Verification names the first entry (or checkpoint) that does not
 * fit.
 */
public final class Ledger {

  /** The kind of the entries that introduce (or rotate to) an office key. */
  public static final String KEY = "ledger.key";

  /** The entry a new key signs right after its rotation entry. */
  public static final String KEY_CONFIRMED = "ledger.key.confirmed";

  private final LedgerStore store;
  private final Clock clock;
  private final @Nullable OfficeKey key;
  private final @Nullable Path anchors;
  private final boolean keyRequired;

  private Ledger(
      LedgerStore store,
      Clock clock,
      @Nullable OfficeKey key,
      @Nullable Path anchors,
      boolean keyRequired) {
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
    this.key = key;
    this.anchors = anchors;
    this.keyRequired = keyRequired;
  }

  public Ledger(LedgerStore store, Clock clock) {
    this(store, clock, null, null, false);
  }

  /**
   * The programme office's ledger: every append is signed with {@code key}, and without one nothing
   * is appended (the user is told to run {@code gukdae ledger init}).
   */
  public static Ledger office(
      LedgerStore store, Clock clock, @Nullable OfficeKey key, @Nullable Path anchors) {
    return new Ledger(store, clock, key, anchors, true);
  }

  public Ledger(LedgerStore store) {
    this(store, Clock.systemUTC());
  }

  /** A ledger kept in a JSON-lines file (created on first append), unsigned. */
  public static Ledger inFile(Path file) {
    return new Ledger(new FileLedgerStore(file));
  }

  public static Ledger inMemory() {
    return new Ledger(new MemoryLedgerStore());
  }

  /** The same key and anchors over a JSON-lines file. */
  public Ledger onFile(Path file) {
    return new Ledger(new FileLedgerStore(file), clock, key, anchors, keyRequired);
  }

  /** The same store, signing with {@code key} and checkpointing to {@code anchors}. */
  public Ledger signedBy(@Nullable OfficeKey key, @Nullable Path anchors) {
    return new Ledger(store, clock, key, anchors, keyRequired);
  }

  public @Nullable OfficeKey key() {
    return key;
  }

  public @Nullable Path anchors() {
    return anchors;
  }

  /** One entry to append: a kind such as "evidence" and any Jackson-mappable payload. */
  public record Draft(String kind, Object payload) {
    public Draft {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(payload);
    }
  }

  /**
   * Appends a batch atomically. {@code drafts} receives the seq the first draft will get (so later
   * drafts can point at it) and may be called again if another writer got in first.
   */
  public List<LedgerEntry> appendAll(LongFunction<List<Draft>> drafts) {
    List<LedgerEntry> batch = store.appendAtomically(head -> build(head, drafts, null));
    checkpointAfter(batch);
    return batch;
  }

  public LedgerEntry append(String kind, Object payload) {
    return appendAll(seq -> List.of(new Draft(kind, payload))).getLast();
  }

  public LedgerEntry appendJson(String kind, String json) {
    return append(kind, CanonicalJson.parse(json));
  }

  /**
   * Starts signing: appends the office key's entry, signed by itself. Entries already in the ledger
   * (from before signing) are covered by this signature through the hash chain.
   */
  public LedgerEntry init() {
    OfficeKey k = requireKey();
    List<LedgerEntry> batch =
        store.appendAtomically(head -> {
          if (head.lastKey() != null) {
            throw UserError.of(
                "원장은 이미 키 "
                    + KeyEntry.parse(head.lastKey().payload()).fingerprint()
                    + "(으)로 서명되어 있습니다. 키를 바꾸려면 'gukdae ledger rotate'를 쓰세요",
                "the ledger is already signed by key "
                    + KeyEntry.parse(head.lastKey().payload()).fingerprint()
                    + "; use 'gukdae ledger rotate' to change keys");
          }
          return build(head, seq -> List.of(), k);
        });
    checkpointAfter(batch);
    return batch.getFirst();
  }

  /** Appends a rotation to {@code next}, signed by the current key; returns the ledger for next. */
  public Ledger rotate(OfficeKey next) {
    OfficeKey current = requireKey();
    List<LedgerEntry> batch =
        store.appendAtomically(head -> {
          checkActive(head, current);
          return build(head, seq -> List.of(), next);
        });
    Ledger rotated = new Ledger(store, clock, next, anchors, keyRequired);
    rotated.checkpointAfter(batch);
    return rotated;
  }

  /** Signs the current head and writes it to the anchors folder (null when nothing to sign). */
  public @Nullable Checkpoint checkpoint() {
    LedgerEntry last = store.last();
    if (last == null || key == null) {
      return null;
    }
    Checkpoint c = Checkpoint.sign(last, clock.instant().truncatedTo(ChronoUnit.MILLIS), key);
    if (anchors != null) {
      c.writeTo(anchors);
    }
    return c;
  }

  private void checkpointAfter(List<LedgerEntry> batch) {
    if (!batch.isEmpty() && key != null && anchors != null && batch.getLast().signed()) {
      Checkpoint.sign(batch.getLast(), batch.getLast().timestamp(), key).writeTo(anchors);
    }
  }

  private OfficeKey requireKey() {
    if (key == null) {
      throw UserError.of(
          "설정된 기관 키가 없습니다. 먼저 'gukdae ledger init'을 실행하세요",
          "no office key configured: run 'gukdae ledger init' first");
    }
    return key;
  }

  /** Builds the batch under the lock: key entry first when {@code newKey} or an empty ledger. */
  private List<LedgerEntry> build(
      LedgerStore.Head head, LongFunction<List<Draft>> drafts, @Nullable OfficeKey newKey) {
    LedgerEntry last = head.last();
    if (key == null && keyRequired) {
      throw UserError.of(
          "설정된 기관 원장 키가 없습니다. 'gukdae ledger init'을 실행하세요(GUKDAE_LEDGER_KEY가"
              + " 키 파일을 가리킵니다). 아무것도 추가하지 않았습니다",
          "no office ledger key is configured: run 'gukdae ledger init' (GUKDAE_LEDGER_KEY names"
              + " the key file); nothing was appended");
    }
    OfficeKey signer = key;
    OfficeKey introduce = newKey;
    if (key != null && introduce == null) {
      if (head.lastKey() == null && last != null) {
        throw UserError.of(
            "원장에 서명되지 않은 항목이 " + last.seq() + "개 있습니다. 서명을 시작하려면 'gukdae ledger init'을 실행하세요",
            "the ledger holds "
                + last.seq()
                + " unsigned entries: run 'gukdae ledger init' to start signing it");
      }
      if (head.lastKey() == null) {
        introduce = key; // an empty ledger starts with the office key's entry
      } else {
        checkActive(head, key);
      }
    } else if (key == null && head.lastKey() != null) {
      throw UserError.of(
          "원장은 키 "
              + KeyEntry.parse(head.lastKey().payload()).fingerprint()
              + "(으)로 서명되어 있지만 설정된 기관 키(GUKDAE_LEDGER_KEY)가 없습니다. 아무것도 추가하지"
              + " 않았습니다",
          "the ledger is signed by key "
              + KeyEntry.parse(head.lastKey().payload()).fingerprint()
              + " but no office key is configured (GUKDAE_LEDGER_KEY); nothing was appended");
    }
    String previous =
        head.lastKey() == null ? null : KeyEntry.parse(head.lastKey().payload()).fingerprint();
    if (introduce != null && head.lastKey() == null) {
      signer = introduce; // self-signed introduction
    }
    List<Draft> all = new ArrayList<>();
    if (introduce != null) {
      all.add(new Draft(KEY, KeyEntry.of(introduce, previous).payload()));
      if (previous != null) {
        // The new key proves it is held by signing the entry after its rotation, so a verifier
        // who pins only the new key finds it has signed this chain.
        all.add(new Draft(KEY_CONFIRMED, java.util.Map.of("fingerprint", introduce.fingerprint())));
      }
    }
    long firstSeq = (last == null ? 0 : last.seq()) + 1;
    all.addAll(drafts.apply(firstSeq + all.size()));
    // Millisecond precision survives every store (H2, PostgreSQL text, files) unchanged.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<LedgerEntry> out = new ArrayList<>();
    String prev = last == null ? LedgerEntry.GENESIS : last.hash();
    for (Draft d : all) {
      LedgerEntry e =
          LedgerEntry.next(
              firstSeq + out.size(), now, d.kind(), CanonicalJson.of(d.payload()), prev);
      // Key entries and the batch's last entry are signed; the hash chain binds the others to
      // the last one's signature (one Ed25519 signature per batch instead of one per entry).
      boolean lastOfBatch = out.size() == all.size() - 1;
      if (signer != null && (lastOfBatch || d.kind().equals(KEY))) {
        e = e.signedBy(signer);
        if (d.kind().equals(KEY)) {
          signer = introduce; // entries after a rotation are signed by the new key
        }
      }
      out.add(e);
      prev = e.hash();
    }
    return out;
  }

  private static void checkActive(LedgerStore.Head head, OfficeKey key) {
    if (head.lastKey() == null) {
      throw UserError.of(
          "원장에 아직 기관 키가 없습니다. 'gukdae ledger init'을 실행하세요",
          "the ledger has no office key yet: run 'gukdae ledger init'");
    }
    String active = KeyEntry.parse(head.lastKey().payload()).fingerprint();
    if (!active.equals(key.fingerprint())) {
      throw UserError.of(
          "설정된 키 파일의 키는 "
              + key.fingerprint()
              + "인데 원장의 현재 키는 "
              + active
              + "입니다. GUKDAE_LEDGER_KEY가 올바른 파일을 가리키게 하세요. 아무것도 추가하지 않았습니다",
          "the configured key file holds key "
              + key.fingerprint()
              + " but the ledger's active key is "
              + active
              + "; point GUKDAE_LEDGER_KEY at the right file. Nothing was appended");
    }
  }

  public List<LedgerEntry> entries() {
    return store.all();
  }

  /** What a verifier trusts beyond the chain: office public keys, checkpoints, a printed head. */
  public record Trust(
      List<PublicKey> keys, List<Checkpoint> checkpoints, @Nullable String expectedHead) {
    public static final Trust NONE = new Trust(List.of(), List.of(), null);

    public Trust {
      keys = List.copyOf(keys);
      checkpoints = List.copyOf(checkpoints);
    }
  }

  /** The last verification and exactly what it covered; see {@link #verify()}. */
  private record Verified(List<LedgerEntry> entries, Trust trust, Verification result) {}

  private volatile @Nullable Verified lastVerified;

  /**
   * Verifies against this ledger's own key and every checkpoint in its anchors folder.
   *
   * <p>Every report view asks for this, so the result is kept for as long as nothing it covered
   * changed: the rows are read from the store on every call (as before) and compared with the rows
   * last verified, field by field, which costs far less than re-hashing and re-checking every
   * signature. The key is the whole chain as read, not just its head: someone with database access
   * can edit a middle row and leave the head row as it was, and that edit must show on the next
   * view. New checkpoints or a changed key are part of the key too.
   */
  public Verification verify() {
    List<Checkpoint> published =
        anchors != null && java.nio.file.Files.isDirectory(anchors)
            ? Checkpoint.readAll(anchors)
            : List.of();
    List<LedgerEntry> entries = store.all();
    Trust trust = new Trust(key == null ? List.of() : List.of(key.publicKey()), published, null);
    Verified last = lastVerified;
    if (last != null && last.entries().equals(entries) && last.trust().equals(trust)) {
      return last.result();
    }
    Verification result = verifyWith(entries, trust);
    lastVerified = new Verified(List.copyOf(entries), trust, result);
    return result;
  }

  /** Writes every entry to a JSON-lines file that {@link #verifyFile} can check on its own. */
  public void exportTo(Path file) {
    FileLedgerStore.write(file, store.all());
  }

  public static Verification verifyFile(Path file, @Nullable String expectedHead) {
    return verifyWith(FileLedgerStore.read(file), new Trust(List.of(), List.of(), expectedHead));
  }

  public static Verification verifyFileWith(Path file, Trust trust) {
    return verifyWith(FileLedgerStore.read(file), trust);
  }

  /**
   * Walks the chain. {@code expectedHead}, when given (e.g. the head printed in a published
   * report), also catches entries cut off the end, which no chain can detect on its own.
   */
  public static Verification verify(List<LedgerEntry> entries, @Nullable String expectedHead) {
    return verifyWith(entries, new Trust(List.of(), List.of(), expectedHead));
  }

  public static Verification verifyWith(List<LedgerEntry> entries, Trust trust) {
    return ChainVerifier.verify(entries, trust);
  }
}
