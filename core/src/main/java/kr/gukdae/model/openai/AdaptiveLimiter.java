package kr.gukdae.model.openai;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caps requests in flight to one endpoint and adapts the cap to rate limits, in the spirit of
 * Inspect's adaptive connections and TCP's congestion control: a 429 halves the effective limit,
 * each success adds {@code 1/limit} (about one more slot per window of successes), never above the
 * configured maximum nor below one. Only a 429 on a request started after the last cut cuts again,
 * so a burst of 429s from one overloaded moment halves once, not to one.
 */
final class AdaptiveLimiter {

  /** What became of a request, reported when its slot is given back. */
  enum Signal {
    SUCCESS,
    RATE_LIMITED,
    OTHER
  }

  /** A held slot; remembers the epoch it was taken in. */
  record Permit(long epoch) {}

  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private double limit;
  private int inFlight;
  private long epoch;

  AdaptiveLimiter(int max) {
    if (max < 1) {
      // ModelSpec refuses --concurrency below 1 as a UserError first
      throw new IllegalArgumentException("bug: max must be >= 1, got " + max);
    }
    this.max = max;
    this.limit = max;
  }

  Permit acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= (int) limit) {
        try {
          freed.await();
        } catch (InterruptedException e) {
          freed.signal(); // pass on a wake-up this thread may have taken
          throw e;
        }
      }
      inFlight++;
      return new Permit(epoch);
    } finally {
      lock.unlock();
    }
  }

  void release(Permit permit, Signal signal) {
    lock.lock();
    try {
      inFlight--;
      switch (signal) {
        case SUCCESS -> limit = Math.min(max, limit + 1.0 / limit);
        case RATE_LIMITED -> {
          if (permit.epoch() == epoch) {
            limit = Math.max(1.0, limit / 2);
            epoch++;
          }
        }
        case OTHER -> {}
      }
      // Wake only as many waiters as there are free slots: with many more callers than slots,
      // waking them all on every release costs a crowd of context switches per request.
      for (int free = (int) limit - inFlight; free > 0; free--) {
        freed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The current cap (for tests and diagnostics). */
  int currentLimit() {
    lock.lock();
    try {
      return (int) limit;
    } finally {
      lock.unlock();
    }
  }
}
