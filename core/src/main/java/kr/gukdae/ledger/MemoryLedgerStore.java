package kr.gukdae.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A ledger that lives as long as the JVM: tests and what-if runs. */
final class MemoryLedgerStore implements LedgerStore {

  private final List<LedgerEntry> entries = new ArrayList<>();
  private @Nullable LedgerEntry lastKey;

  @Override
  public synchronized @Nullable LedgerEntry last() {
    return entries.isEmpty() ? null : entries.getLast();
  }

  @Override
  public synchronized List<LedgerEntry> appendAtomically(Function<Head, List<LedgerEntry>> build) {
    List<LedgerEntry> batch = build.apply(new Head(last(), lastKey));
    for (int i = 0; i < batch.size(); i++) {
      long expected = entries.size() + 1L + i;
      if (batch.get(i).seq() != expected) {
        throw new IllegalStateException( // Ledger numbers each batch from the head it was given
            "bug: append seq " + batch.get(i).seq() + ", expected " + expected);
      }
    }
    entries.addAll(batch);
    batch.stream()
        .filter(e -> e.kind().equals(Ledger.KEY))
        .reduce((a, b) -> b)
        .ifPresent(k -> lastKey = k);
    return batch;
  }

  @Override
  public synchronized List<LedgerEntry> all() {
    return List.copyOf(entries);
  }
}
