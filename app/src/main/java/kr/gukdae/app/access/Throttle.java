package kr.gukdae.app.access;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The access layer's limits ({@code login-addr:10.0.0.1}, {@code anon:10.0.0.1}, ...) over the
 * windows every instance shares ({@link RateWindows}), so N web instances do not hand out N times
 * the allowance.
 */
final class Throttle {

  private final RateWindows windows;

  Throttle(RateWindows windows) {
    this.windows = windows;
  }

  /** Counts one event and refuses (429) when {@code window} already held {@code max}. */
  void acquire(String key, int max, Duration window, String what) {
    if (windows.acquire(List.of(new RateWindows.Rule(key, max, window))) >= 0) {
      throw tooMany(what, max, window);
    }
  }

  /** Whether {@code window} already holds {@code max} events, without counting one. */
  boolean full(String key, int max, Duration window) {
    return windows.full(key, max, window);
  }

  /** Counts one event without any check (e.g. a failed login, checked before the next try). */
  void record(String key, Duration window) {
    windows.record(key, window);
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
