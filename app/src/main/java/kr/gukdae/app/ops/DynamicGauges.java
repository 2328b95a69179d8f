package kr.gukdae.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One gauge per tag value (a worker, an endpoint) for values that come and go: a gauge is added
 * when its key first appears in a snapshot and removed when it is gone, so the scrape never lists
 * workers that left long ago.
 */
final class DynamicGauges {

  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final String tag;
  private final Function<String, @Nullable Double> value;
  private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

  DynamicGauges(
      MeterRegistry registry,
      String name,
      String description,
      String tag,
      Function<String, @Nullable Double> value) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.tag = tag;
    this.value = value;
  }

  /** Gauges for exactly these keys afterwards. */
  void keep(Set<String> keys) {
    for (String key : keys) {
      gauges.computeIfAbsent(
          key,
          k ->
              Gauge.builder(
                      name,
                      () -> {
                        Double v = value.apply(k);
                        return v == null ? Double.NaN : v;
                      })
                  .description(description)
                  .tag(tag, k)
                  .register(registry));
    }
    gauges
        .entrySet()
        .removeIf(e -> {
          if (keys.contains(e.getKey())) {
            return false;
          }
          registry.remove(e.getValue());
          return true;
        });
  }
}
