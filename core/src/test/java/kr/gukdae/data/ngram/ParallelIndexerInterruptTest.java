package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/**
 * Indexing stopped by an interrupt (shutdown, Ctrl-C) says the index is incomplete. The batch in
 * flight is a latch of our own: a real batch interrupted mid-way could be loading Lucene's Korean
 * dictionary, whose failed class initialisation would break every later test in this JVM.
 */
class ParallelIndexerInterruptTest {

  @Test
  void anInterruptedIndexIsAUserErrorAndKeepsTheInterrupt() {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    pool.execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // shutdownNow: the batch stops
      }
    });
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> ParallelIndexer.awaitWorkers(pool))
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(true)).contains("중단되었습니다", "다시 실행");
            assertThat(((UserError) e).message(false)).contains("interrupted", "incomplete");
          });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(pool.isShutdown()).isTrue();
    } finally {
      Thread.interrupted();
      release.countDown();
    }
  }
}
