package kr.gukdae.data.ngram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Feeds documents to an {@link NgramFilter} from several threads: tokenising (Nori) is the cost,
 * setting bits is cheap, so workers hash batches in parallel and add each batch under the filter's
 * lock (one lock per 256 documents, not per document). At most two batches per thread wait, so
 * memory stays bounded whatever the input size.
 */
public final class ParallelIndexer implements Consumer<String>, AutoCloseable {

  private static final int BATCH = 256;

  private final NgramFilter filter;
  private final ExecutorService pool;
  private final Semaphore slots;
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private List<String> batch = new ArrayList<>(BATCH);

  public ParallelIndexer(NgramFilter filter, int threads) {
    this.filter = filter;
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
        long[][] hashes = new long[work.size()][];
        long bytes = 0;
        for (int i = 0; i < hashes.length; i++) {
          hashes[i] = filter.hashesOf(work.get(i));
          bytes += NgramFilter.utf8Length(work.get(i));
        }
        filter.addHashes(hashes, hashes.length, bytes);
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
    awaitWorkers(pool);
    rethrow();
  }

  /** Shuts the pool down and waits for its batches; an interrupt stops them and says so. */
  static void awaitWorkers(ExecutorService pool) {
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: a large batch of long documents can take a while
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
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
