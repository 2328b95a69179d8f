package kr.gukdae.app.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Sliding-window rate limits that every web instance shares through the database ({@code
 * rate_window}, one row per limited key). A request that lands on instance A and the next one on B
 * count against the same window: a voter over the limit on A is over it on B too. Counting holds
 * the key's row lock until the transaction ends, so two instances never both admit the last event
 * of a window.
 *
 * <p>A window remembers its events exactly (millisecond and count) up to {@link Events#MAX_ENTRIES}
 * distinct times; beyond that the two closest entries are merged under the later time, which keeps
 * an event counted a little longer, never shorter: the limit can only get stricter. Windows are
 * measured on each instance's own clock, so instances should run NTP (a skew of s seconds moves a
 * window's edge by s).
 */
public final class RateWindows {

  /** At most {@code max} events per {@code window} under {@code key}. */
  public record Rule(String key, int max, Duration window) {
    public Rule {
      if (max < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("rate rule " + key + ": max and window must be > 0");
      }
      key = stored(key);
    }
  }

  /** Rows untouched this long are deleted; longer than any window in use (15 minutes). */
  private static final Duration KEEP = Duration.ofHours(1);

  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

  private final DataSource dataSource;
  private final Clock clock;
  private volatile long nextSweep;

  public RateWindows(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.nextSweep = clock.millis() + SWEEP_EVERY_MILLIS;
  }

  /**
   * In one transaction: counts the rules' events in order while each fits, and stops at the first
   * full one. Returns that rule's index, or -1 when all were counted.
   */
  public int acquire(List<Rule> rules) {
    return inTransaction(c -> {
      Locked locked = lock(c, rules.stream().map(Rule::key).toList());
      int refused = locked.acquire(rules);
      locked.write();
      return refused;
    });
  }

  /** Whether {@code key}'s window already holds {@code max} events, without counting one. */
  public boolean full(String key, int max, Duration window) {
    Rule rule = new Rule(key, max, window);
    return inTransaction(c -> lock(c, List.of(rule.key())).full(rule));
  }

  /** Counts one event under {@code key} without any check (e.g. a failed login). */
  public void record(String key, Duration window) {
    Rule rule = new Rule(key, Integer.MAX_VALUE, window);
    inTransaction(c -> {
      Locked locked = lock(c, List.of(rule.key()));
      locked.record(rule);
      locked.write();
      return true;
    });
  }

  /**
   * Locks the windows of {@code keys} (rows created as needed, locked in key order so two
   * transactions never wait on each other in a circle) in the caller's transaction, which must not
   * be in auto-commit. The locks hold until that transaction ends; {@link Locked#write()} stores
   * what was counted.
   *
   * <p>Rows that exist are locked and read by one {@code SELECT ... FOR UPDATE}: on both databases
   * a statement that had to wait for a row's lock returns the row as its holder committed it, so
   * the events read are never older than the last transaction that counted in this window (checked
   * by {@code RateWindowsTest}). Only keys seen for the first time cost an insert and a second
   * read.
   */
  public Locked lock(Connection c, Collection<String> keys) throws SQLException {
    sweepNow(c);
    List<String> sorted =
        List.copyOf(new TreeSet<>(keys.stream().map(RateWindows::stored).toList()));
    long now = clock.millis();
    Map<String, Events> windows = select(c, sorted);
    List<String> missing = sorted.stream().filter(k -> !windows.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO rate_window (rate_key, events, touched_at) VALUES (?, '', ?)"
                  + " ON CONFLICT DO NOTHING")) {
        for (String key : missing) {
          ps.setString(1, key);
          ps.setLong(2, now);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      // ours now, or another instance inserted it first: its row is locked (after its commit) here
      windows.putAll(select(c, missing));
      if (windows.size() != sorted.size()) {
        throw new SQLException("rate_window rows vanished while being locked: " + missing);
      }
    }
    return new Locked(c, windows, now);
  }

  /** Locks (waiting for other writers) and reads the rows of {@code keys} that exist. */
  private static Map<String, Events> select(Connection c, List<String> keys) throws SQLException {
    Map<String, Events> windows = new HashMap<>();
    if (keys.isEmpty()) {
      return windows;
    }
    String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT rate_key, events FROM rate_window WHERE rate_key IN ("
                + marks
                + ") ORDER BY rate_key FOR UPDATE")) {
      for (int i = 0; i < keys.size(); i++) {
        ps.setString(i + 1, keys.get(i));
      }
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          windows.put(rs.getString(1), Events.parse(rs.getString(2)));
        }
      }
    }
    return windows;
  }

  /** Windows locked in one transaction; counts change in memory until {@link #write()}. */
  public static final class Locked {
    private final Connection connection;
    private final Map<String, Events> windows;
    private final long now;
    private final java.util.Set<String> changed = new java.util.HashSet<>();

    private Locked(Connection connection, Map<String, Events> windows, long now) {
      this.connection = connection;
      this.windows = windows;
      this.now = now;
    }

    /** Counts the rules in order while each fits; the first full rule's index, or -1. */
    public int acquire(List<Rule> rules) {
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        if (full(rule)) {
          return i;
        }
        record(rule);
      }
      return -1;
    }

    public boolean full(Rule rule) {
      return events(rule).count(now, rule.window()) >= rule.max();
    }

    public void record(Rule rule) {
      events(rule).add(now);
      changed.add(rule.key());
    }

    private Events events(Rule rule) {
      Events events = windows.get(rule.key());
      if (events == null) {
        throw new IllegalStateException("rate window " + rule.key() + " was not locked");
      }
      events.prune(now, rule.window());
      return events;
    }

    /** Stores the counted events (still inside the caller's transaction). */
    public void write() throws SQLException {
      if (changed.isEmpty()) {
        return;
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "UPDATE rate_window SET events = ?, touched_at = ? WHERE rate_key = ?")) {
        for (String key : new TreeSet<>(changed)) {
          ps.setString(1, java.util.Objects.requireNonNull(windows.get(key)).format());
          ps.setLong(2, now);
          ps.setString(3, key);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      changed.clear();
    }
  }

  /** A key as stored: long keys (they may carry user input) become their SHA-256. */
  static String stored(String key) {
    return key.length() <= 200 ? key : "sha256:" + kr.gukdae.Sha256.hex(key);
  }

  private void sweepNow(Connection c) throws SQLException {
    long now = clock.millis();
    if (now < nextSweep) {
      return;
    }
    nextSweep = now + SWEEP_EVERY_MILLIS;
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM rate_window WHERE touched_at < ?")) {
      ps.setLong(1, now - KEEP.toMillis());
      ps.executeUpdate();
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("rate limit not checked: " + e.getMessage(), e);
    }
  }
}
