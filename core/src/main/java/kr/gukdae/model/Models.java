package kr.gukdae.model;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import kr.gukdae.UserError;

/** Opens a {@link ModelApi} from a spec such as {@code demo/lexical} or {@code openai/qwen3-8b}. */
public final class Models {

  private Models() {}

  public static ModelApi open(ModelSpec spec) {
    ModelProvider provider = providers().get(spec.provider());
    if (provider == null) {
      String known = String.join(", ", providers().keySet());
      throw UserError.of(
          "--model "
              + spec.fullName()
              + ": 알 수 없는 모델 어댑터 '"
              + spec.provider()
              + "'입니다 (사용 가능: "
              + known
              + ")",
          "--model "
              + spec.fullName()
              + ": unknown model adapter '"
              + spec.provider()
              + "'; known adapters: "
              + known);
    }
    return provider.open(spec);
  }

  public static ModelApi open(String spec) {
    return open(ModelSpec.parse(spec));
  }

  /** Every adapter on the class path, keyed by id, sorted. */
  public static Map<String, ModelProvider> providers() {
    Map<String, ModelProvider> byId = new TreeMap<>();
    for (ModelProvider provider : ServiceLoader.load(ModelProvider.class)) {
      byId.put(provider.id(), provider);
    }
    return byId;
  }
}
