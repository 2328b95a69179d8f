package kr.gukdae.eval.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelInfo;
import kr.gukdae.model.ModelOutput;
import kr.gukdae.model.ModelProvider;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;

/**
 * Test-only adapter {@code test/slow-lexical}: the demo lexical model with a pause per call, so a
 * run lasts long enough to be killed in the middle. Counts calls across the JVM.
 */
public final class SlowModelProvider implements ModelProvider {

  static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public String id() {
    return "test";
  }

  @Override
  public String description() {
    return "test-only models";
  }

  @Override
  public String descriptionKo() {
    return "시험용 모델";
  }

  @Override
  public ModelApi open(ModelSpec spec) {
    ModelApi inner = Models.open("demo/lexical");
    return new ModelApi() {
      @Override
      public String name() {
        return "test/" + spec.model();
      }

      @Override
      public ModelOutput generate(GenerateRequest request) {
        pause();
        return inner.generate(request);
      }

      @Override
      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
        pause();
        return inner.loglikelihood(requests);
      }

      @Override
      public ModelInfo info() {
        return new ModelInfo(name(), "test", "in-process", true);
      }
    };
  }

  private static void pause() {
    CALLS.incrementAndGet();
    try {
      Thread.sleep(4);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
