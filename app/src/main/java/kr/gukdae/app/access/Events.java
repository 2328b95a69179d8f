package kr.gukdae.app.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One rate window's recent events as (epoch millisecond, count) entries in time order, stored as
 * {@code "millis:count;millis:count"}. Exact up to {@link #MAX_ENTRIES} distinct times; past that
 * the two closest entries merge under the later time, so an event is never forgotten early.
 */
final class Events {

  /** About 2.5 KB stored at most, within the column's 4,000 characters. */
  static final int MAX_ENTRIES = 120;

  private final List<long[]> entries; // {millis, count}, ascending by millis

  private Events(List<long[]> entries) {
    this.entries = entries;
  }

  static Events parse(String stored) {
    List<long[]> entries = new ArrayList<>();
    if (!stored.isEmpty()) {
      for (String part : stored.split(";")) {
        int colon = part.indexOf(':');
        entries.add(
            new long[] {
              Long.parseLong(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1))
            });
      }
    }
    return new Events(entries);
  }

  String format() {
    StringBuilder out = new StringBuilder();
    for (long[] e : entries) {
      if (!out.isEmpty()) {
        out.append(';');
      }
      out.append(e[0]).append(':').append(e[1]);
    }
    return out.toString();
  }

  /** Drops the events at or before {@code now - window}, as the in-memory windows did. */
  void prune(long now, Duration window) {
    long horizon = now - window.toMillis();
    entries.removeIf(e -> e[0] <= horizon);
  }

  long count(long now, Duration window) {
    long horizon = now - window.toMillis();
    long sum = 0;
    for (long[] e : entries) {
      if (e[0] > horizon) {
        sum += e[1];
      }
    }
    return sum;
  }

  void add(long now) {
    int at = entries.size();
    while (at > 0 && entries.get(at - 1)[0] > now) {
      at--; // another instance's clock ran a little ahead: keep the order
    }
    if (at > 0 && entries.get(at - 1)[0] == now) {
      entries.get(at - 1)[1]++;
    } else {
      entries.add(at, new long[] {now, 1});
    }
    if (entries.size() > MAX_ENTRIES) {
      mergeClosest();
    }
  }

  private void mergeClosest() {
    int best = 0;
    long gap = Long.MAX_VALUE;
    for (int i = 0; i + 1 < entries.size(); i++) {
      long g = entries.get(i + 1)[0] - entries.get(i)[0];
      if (g < gap) {
        gap = g;
        best = i;
      }
    }
    entries.get(best + 1)[1] += entries.get(best)[1]; // under the later time: counted longer
    entries.remove(best);
  }
}
