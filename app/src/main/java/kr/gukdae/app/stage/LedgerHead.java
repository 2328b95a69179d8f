package kr.gukdae.app.stage;

import kr.gukdae.ledger.Checkpoint;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.Verification;
import org.jspecify.annotations.Nullable;

/** The line reports print under "ledger head": the head hash and its signed checkpoint. */
final class LedgerHead {

  private LedgerHead() {}

  static @Nullable String describe(Ledger ledger, Verification verification) {
    String head = verification.headHash();
    if (head == null || ledger.key() == null) {
      return head;
    }
    Checkpoint c = ledger.checkpoint();
    return c == null
        ? head
        : head
            + " (seq "
            + c.seq()
            + "; signed checkpoint "
            + c.fileName()
            + ", key "
            + c.keyId()
            + ")";
  }
}
