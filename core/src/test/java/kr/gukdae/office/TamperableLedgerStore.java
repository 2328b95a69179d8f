package kr.gukdae.office;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.LedgerStore;
import org.jspecify.annotations.Nullable;

/**
 * A ledger store whose rows an insider can rewrite with every hash recomputed, so the chain still
 * verifies: what the feature's own checks (sealed hashes, replays) must still catch.
 */
public final class TamperableLedgerStore implements LedgerStore {

  private final List<LedgerEntry> rows = new ArrayList<>();

  @Override
  public @Nullable LedgerEntry last() {
    return rows.isEmpty() ? null : rows.getLast();
  }

  @Override
  public List<LedgerEntry> appendAtomically(Function<Head, List<LedgerEntry>> build) {
    LedgerEntry lastKey = null;
    for (LedgerEntry e : rows) {
      if (e.kind().equals(Ledger.KEY)) {
        lastKey = e;
      }
    }
    List<LedgerEntry> batch = build.apply(new Head(last(), lastKey));
    rows.addAll(batch);
    return batch;
  }

  @Override
  public List<LedgerEntry> all() {
    return List.copyOf(rows);
  }

  /** Edits one entry's payload and rebuilds the chain after it. */
  public void rewrite(long seq, UnaryOperator<String> edit) {
    Ledger fresh = Ledger.inMemory();
    for (LedgerEntry e : rows) {
      fresh.appendJson(e.kind(), e.seq() == seq ? edit.apply(e.payload()) : e.payload());
    }
    rows.clear();
    rows.addAll(fresh.entries());
  }
}
