package kr.gukdae.app.access;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/**
 * Sliding-window counters in memory, keyed by what is being limited ({@code login-addr:10.0.0.1}).
 * Memory is bounded: past {@link #MAX_KEYS} keys the oldest windows are dropped wholesale, which
 * can only forgive, never block, an honest client.
 */
final class Throttle {

  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

  Throttle(Clock clock) {
    this.clock = clock;
  }

  /** Counts one event and refuses (429) when {@code window} already held {@code max}. */
  void acquire(String key, int max, Duration window, String what) {
    if (!tryAcquire(key, max, window)) {
      throw tooMany(what, max, window);
    }
  }

  /** Whether another event fits; counts it when it does. */
  boolean tryAcquire(String key, int max, Duration window) {
    Deque<Long> events = events(key, window);
    synchronized (events) {
      if (events.size() >= max) {
        return false;
      }
      events.addLast(clock.millis());
      return true;
    }
  }

  /** Whether {@code window} already holds {@code max} events, without counting one. */
  boolean full(String key, int max, Duration window) {
    Deque<Long> events = events(key, window);
    synchronized (events) {
      return events.size() >= max;
    }
  }

  /** Counts one event without any check (e.g. a failed login, checked before the next try). */
  void record(String key, Duration window) {
    Deque<Long> events = events(key, window);
    synchronized (events) {
      events.addLast(clock.millis());
    }
  }

  private Deque<Long> events(String key, Duration window) {
    if (windows.size() > MAX_KEYS) {
      windows.clear();
    }
    Deque<Long> events = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    long horizon = clock.millis() - window.toMillis();
    synchronized (events) {
      while (!events.isEmpty() && events.peekFirst() <= horizon) {
        events.pollFirst();
      }
    }
    return events;
  }

  static AccessDenied tooMany(String what, int max, Duration window) {
    String span = window.toMinutes() + "분 / " + window.toMinutes() + " min";
    return new AccessDenied(
        HttpStatus.TOO_MANY_REQUESTS,
        "rate_limited",
        "요청이 너무 많습니다: "
            + what
            + " 최대 "
            + max
            + "회 / "
            + span
            + "; 잠시 후 다시 시도하세요 / too many "
            + what
            + " requests: at most "
            + max
            + " per "
            + window.toMinutes()
            + " min; wait and try again");
  }
}
