package kr.gukdae.ledger;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where entries live: a database table, a JSON-lines file or memory. Append-only by contract, with
 * one writer at a time: {@link #appendAtomically} holds the store's writer lock (across processes
 * where the store can: a database row lock, a file lock) while it reads the head, lets the ledger
 * build the next entries, and stores them all or none.
 */
public interface LedgerStore {

  /** The last entry, or null when the ledger is empty. */
  @Nullable LedgerEntry last();

  /** All entries in storage order (which verification checks against seq order). */
  List<LedgerEntry> all();

  /**
   * Under the writer lock, hands the current head to {@code build} and stores the entries it
   * returns (seq head.last + 1, + 2, ...) in one transaction. If {@code build} or the store fails,
   * nothing is stored.
   */
  List<LedgerEntry> appendAtomically(Function<Head, List<LedgerEntry>> build);

  /** The chain's last entry and its last key entry ({@link Ledger#KEY}), either null. */
  record Head(@Nullable LedgerEntry last, @Nullable LedgerEntry lastKey) {

    static Head of(List<LedgerEntry> entries) {
      LedgerEntry key = null;
      for (LedgerEntry e : entries) {
        if (e.kind().equals(Ledger.KEY)) {
          key = e;
        }
      }
      return new Head(entries.isEmpty() ? null : entries.getLast(), key);
    }
  }
}
