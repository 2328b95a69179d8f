package kr.gukdae.model.openai;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Exponential back-off with full jitter (a random pause up to {@code base * 2^attempt}, capped),
 * unless the server said how long to wait: a Retry-After is honoured, capped at {@code max}.
 */
record Backoff(Duration base, Duration max) {

  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60));

  Backoff {
    if (base.isNegative() || max.compareTo(base) < 0) {
      // only DEFAULT and tests make one; no option sets the pauses
      throw new IllegalArgumentException("bug: need 0 <= base <= max, got " + base + ", " + max);
    }
  }

  Duration delay(int attempt, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }
    long cap = base.toMillis() << Math.min(attempt, 20);
    cap = Math.min(cap, max.toMillis());
    // Full jitter, but never less than a tenth of the cap so retries do not stampede at once.
    long low = cap / 10;
    return Duration.ofMillis(low + ThreadLocalRandom.current().nextLong(cap - low + 1));
  }
}
