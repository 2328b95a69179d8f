package kr.gukdae.app.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelInfo;
import kr.gukdae.model.ModelOutput;
import org.jspecify.annotations.Nullable;

/**
 * The one gate every request of a worker to the endpoint of the shard it holds passes through: the
 * model's answers and the judge's grades alike (the judge is asked at the model's endpoint), so the
 * worker never has more requests in flight there than the permits {@link EndpointPermits} granted
 * it, and N workers together never more than the endpoint's limit. Each adapter keeps its own cap
 * too, but two adapters (model and judge) each sized to the grant would together send twice it.
 * Opened with the grant when a shard starts, closed when it ends; a request outside a held shard
 * has no permit and is refused. One gate per running piece: a worker running several pieces at once
 * gives each its own ({@link PieceContext}), sized to that piece's own grant.
 */
final class RequestGate {

  private volatile @Nullable Semaphore permits;

  /** From now on at most {@code granted} requests pass at once (a new shard's grant). */
  void open(int granted) {
    permits = new Semaphore(granted, true);
  }

  /** The shard ended: no request passes until the next grant. */
  void close() {
    permits = null;
  }

  /** {@code model} with every request it sends passing this gate. */
  ModelApi around(ModelApi model) {
    return new Gated(model);
  }

  private <T> T through(Supplier<T> request) {
    Semaphore held = permits;
    if (held == null) {
      throw new IllegalStateException(
          "a request to the endpoint while no shard's permits are held");
    }
    held.acquireUninterruptibly();
    try {
      return request.get();
    } finally {
      held.release();
    }
  }

  private final class Gated implements ModelApi {

    private final ModelApi inner;

    Gated(ModelApi inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public ModelOutput generate(GenerateRequest request) {
      return through(() -> inner.generate(request));
    }

    @Override
    public ModelOutput generateStreaming(GenerateRequest request, Consumer<String> onDelta) {
      return through(() -> inner.generateStreaming(request, onDelta));
    }

    /**
     * One continuation per call of the adapter, each through the gate: an adapter sends one HTTP
     * request per continuation, all at once, so a list passed whole would be one permit for many.
     */
    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
      if (requests.size() <= 1) {
        return through(() -> inner.loglikelihood(requests));
      }
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<List<LoglikelihoodResult>>> futures = new ArrayList<>(requests.size());
        for (LoglikelihoodRequest r : requests) {
          futures.add(threads.submit(() -> through(() -> inner.loglikelihood(List.of(r)))));
        }
        List<LoglikelihoodResult> results = new ArrayList<>(requests.size());
        for (Future<List<LoglikelihoodResult>> f : futures) {
          results.addAll(ModelException.await(f));
        }
        return results;
      }
    }

    @Override
    public ModelInfo info() {
      return inner.info();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
