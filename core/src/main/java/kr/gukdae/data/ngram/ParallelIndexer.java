package kr.gukdae.data.ngram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Feeds documents to an {@link NgramFilter} from several threads: tokenising (Nori) is the cost,
 * setting bits is cheap, so workers hash batches in parallel and add each batch under the filter's
 * lock (one lock per 256 documents, not per document). At most two batches per thread wait, so
 * memory stays bounded whatever the input size.
 *
 * <p>Workers are never interrupted: a worker may be the first in the JVM to tokenise Korean, and an
 * interrupt while Lucene loads its Nori dictionary (in a class initialiser) could leave that class
 * unusable, breaking Korean tokenising for the rest of the JVM (a server's life). An interrupted
 * {@link #close} sets a flag instead, which each worker checks between documents.
 */
public final class ParallelIndexer implements Consumer<String>, AutoCloseable {

  private static final int BATCH = 256;

  private final NgramFilter filter;
  private final Function<String, long[]> hashes;
  private final ExecutorService pool;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Semaphore slots;
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private List<String> batch = new ArrayList<>(BATCH);

  public ParallelIndexer(NgramFilter filter, int threads) {
    this(filter, threads, filter::hashesOf);
  }

  /** Tests: {@code hashes} stands in for the filter's tokenising and hashing of one document. */
  ParallelIndexer(NgramFilter filter, int threads, Function<String, long[]> hashes) {
    this.filter = filter;
    this.hashes = hashes;
    this.pool = Executors.newFixedThreadPool(Math.max(1, threads));
    this.slots = new Semaphore(2 * Math.max(1, threads));
  }

  @Override
  public void accept(String document) {
    batch.add(document);
    if (batch.size() == BATCH) {
      flush();
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<String> work = batch;
    batch = new ArrayList<>(BATCH);
    slots.acquireUninterruptibly();
    pool.execute(() -> {
      try {
        // Tokenise and hash the whole batch outside the lock, then set its bits in one go.
        long[][] batchHashes = new long[work.size()][];
        long bytes = 0;
        for (int i = 0; i < batchHashes.length; i++) {
          if (stopped.get()) {
            return; // the index is incomplete anyway: its caller was interrupted
          }
          batchHashes[i] = hashes.apply(work.get(i));
          bytes += NgramFilter.utf8Length(work.get(i));
        }
        filter.addHashes(batchHashes, batchHashes.length, bytes);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        slots.release();
      }
    });
    rethrow();
  }

  /** Waits for every batch; the first worker error is rethrown here. */
  @Override
  public void close() {
    flush();
    awaitWorkers(pool, stopped);
    rethrow();
  }

  /**
   * Shuts the pool down and waits for its batches. An interrupt sets {@code stop}, which the
   * batches check between documents, and says the index is incomplete; the workers themselves are
   * not interrupted (see the class comment), so they stop after the document in hand.
   */
  static void awaitWorkers(ExecutorService pool, AtomicBoolean stop) {
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: a large batch of long documents can take a while
      }
    } catch (InterruptedException e) {
      stop.set(true); // never shutdownNow(): it would interrupt the workers
      Thread.currentThread().interrupt();
      throw UserError.of(
          "n-gram 색인을 만드는 중에 중단되었습니다. 색인은 완성되지 않았으니 다시 실행하세요",
          "interrupted while indexing n-grams; the index is incomplete, run again",
          e);
    }
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error error) {
      throw error;
    }
    if (t != null) {
      // the workers run Runnables: they throw no checked exception
      throw new IllegalStateException("bug: n-gram indexing failed", t);
    }
  }
}
