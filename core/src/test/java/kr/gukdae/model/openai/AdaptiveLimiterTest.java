package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.gukdae.model.openai.AdaptiveLimiter.Permit;
import kr.gukdae.model.openai.AdaptiveLimiter.Signal;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {

  @Test
  void aBurstOf429sHalvesOnceAndSuccessGrowsBackSlowly() throws Exception {
    var limiter = new AdaptiveLimiter(16);
    Deque<Permit> held = new ArrayDeque<>();
    for (int i = 0; i < 16; i++) {
      held.push(limiter.acquire());
    }
    while (!held.isEmpty()) {
      limiter.release(held.pop(), Signal.RATE_LIMITED); // all started before the cut
    }
    assertThat(limiter.currentLimit()).isEqualTo(8);
    limiter.release(limiter.acquire(), Signal.RATE_LIMITED); // started after it: cuts again
    assertThat(limiter.currentLimit()).isEqualTo(4);
    int successes = 0;
    while (limiter.currentLimit() < 16) {
      limiter.release(limiter.acquire(), Signal.SUCCESS);
      successes++;
    }
    // Additive increase: about limit successes per extra slot (4+5+…+15 = 114).
    assertThat(successes).isBetween(100, 130);
  }

  @Test
  void neverBelowOneNorAboveTheMaximum_seededRandomWalks() throws Exception {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      int max = 1 + random.nextInt(32);
      var limiter = new AdaptiveLimiter(max);
      Deque<Permit> held = new ArrayDeque<>();
      for (int step = 0; step < 500; step++) {
        if (held.size() < limiter.currentLimit() && random.nextBoolean()) {
          held.push(limiter.acquire());
        } else if (!held.isEmpty()) {
          Signal signal = Signal.values()[random.nextInt(3)];
          limiter.release(held.pop(), signal);
        }
        assertThat(limiter.currentLimit()).as("seed %d", seed).isBetween(1, max);
        assertThat(held.size()).as("seed %d", seed).isLessThanOrEqualTo(max);
      }
    }
  }

  @Test
  void threadsNeverExceedTheCap() throws Exception {
    var limiter = new AdaptiveLimiter(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(200);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        threads.execute(() -> {
          try {
            Permit p = limiter.acquire();
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(1);
            inside.decrementAndGet();
            limiter.release(p, Signal.SUCCESS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        });
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(most.get()).isEqualTo(3);
  }
}
