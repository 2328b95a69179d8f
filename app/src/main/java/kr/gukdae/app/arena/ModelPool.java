package kr.gukdae.app.arena;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.gukdae.app.models.ModelRegistry;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;

/**
 * Opens each configured model once, on first use, and shares it (adapters are thread-safe). Names
 * go through the office's {@link ModelRegistry}, so an arena model is a local demo adapter or a
 * registered endpoint, never a URL from configuration or a request. Safe per process with several
 * web instances: an adapter holds a connection to a model server, never arena state.
 */
final class ModelPool implements AutoCloseable {

  private final Map<String, ModelApi> open = new ConcurrentHashMap<>();
  private final ModelRegistry registry;

  ModelPool(ModelRegistry registry) {
    this.registry = registry;
  }

  ModelApi get(String name) {
    return open.computeIfAbsent(name, n -> Models.open(registry.resolve(n)));
  }

  @Override
  public void close() {
    open.values().forEach(ModelApi::close);
  }
}
