package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/**
 * Indexing stopped by an interrupt (shutdown, Ctrl-C) says the index is incomplete and stops its
 * workers without interrupting them: a worker may be loading Lucene's Korean dictionary in a class
 * initialiser, and an interrupt there could break Korean tokenising for the rest of the JVM. The
 * worker here is a latch of our own (so this JVM's dictionary is never at risk); the real
 * dictionary, loaded for the first time by a run interrupted at its start, is a child JVM's ({@link
 * InterruptedIndexChild}).
 */
class ParallelIndexerInterruptTest {

  private static final int BATCH = 256;

  @Test
  void anInterruptedRunIsAUserErrorAndStopsItsWorkersWithoutInterruptingThem() throws Exception {
    CountDownLatch inBatch = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstDone = new CountDownLatch(1);
    AtomicInteger hashed = new AtomicInteger();
    AtomicBoolean workerInterrupted = new AtomicBoolean();
    var filter = new NgramFilter(NgramParams.of(3, Normaliser.WORDS_1, 16, 7));
    var indexer =
        new ParallelIndexer(
            filter,
            1,
            doc -> {
              if (hashed.getAndIncrement() == 0) {
                inBatch.countDown();
                try {
                  release.await();
                  workerInterrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
                } catch (InterruptedException e) {
                  workerInterrupted.set(true);
                } finally {
                  firstDone.countDown();
                }
              }
              return new long[0];
            });
    for (int i = 0; i < BATCH; i++) {
      indexer.accept("document " + i); // one full batch: handed to the worker
    }
    assertThat(inBatch.await(60, TimeUnit.SECONDS)).isTrue();

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(indexer::close)
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(true)).contains("중단되었습니다", "다시 실행");
            assertThat(((UserError) e).message(false)).contains("interrupted", "incomplete");
          });
      assertThat(Thread.currentThread().isInterrupted())
          .as("the caller keeps its interrupt")
          .isTrue();
    } finally {
      Thread.interrupted();
      release.countDown();
    }
    assertThat(firstDone.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(workerInterrupted).as("the worker was interrupted").isFalse();
    assertThat(hashed).as("the rest of the batch is skipped").hasValue(1);
    assertThat(filter.header().documents()).as("nothing of the batch is added").isZero();
  }

  @Test
  void koreanTokenisesAfterARunInterruptedWhileItsFirstWorkerLoadsTheDictionary() throws Exception {
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                InterruptedIndexChild.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("refused: ", "interrupted while indexing")
        .contains("tokens: [학교, 가]")
        .contains("indexed again: 3 documents");
  }
}
