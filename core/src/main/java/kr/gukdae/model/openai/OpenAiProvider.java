package kr.gukdae.model.openai;

import java.time.Duration;
import java.util.function.UnaryOperator;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelProvider;
import kr.gukdae.model.ModelSpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code openai/<model>}: any server speaking the OpenAI HTTP protocol (vLLM, SGLang, TGI, Ollama,
 * llama.cpp server, hosted APIs). The base URL comes from the spec, else {@code $OPENAI_BASE_URL},
 * else OpenAI's; the key from the environment variable the spec names.
 */
public final class OpenAiProvider implements ModelProvider {

  @Override
  public String id() {
    return "openai";
  }

  @Override
  public String description() {
    return "OpenAI-compatible HTTP endpoints (vLLM, SGLang, TGI, Ollama, llama.cpp, hosted APIs);"
        + " --base-url http://host:port/v1, key in $OPENAI_API_KEY";
  }

  @Override
  public String descriptionKo() {
    return "OpenAI 호환 HTTP 엔드포인트 (vLLM, SGLang, TGI, Ollama, llama.cpp, 호스팅 API);"
        + " --base-url http://host:port/v1, 키는 $OPENAI_API_KEY";
  }

  @Override
  public ModelApi open(ModelSpec spec) {
    return open(spec, System::getenv, Backoff.DEFAULT);
  }

  static ModelApi open(ModelSpec spec, UnaryOperator<@Nullable String> env, Backoff backoff) {
    Endpoint endpoint = Endpoint.of(spec, env);
    Duration connect =
        spec.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
            ? spec.requestTimeout()
            : Duration.ofSeconds(10);
    Http1 client = new Http1(connect);
    ResponseCache cache = spec.cacheDir() == null ? null : new ResponseCache(spec.cacheDir());
    Transport transport =
        new Transport(
            endpoint,
            client,
            new AdaptiveLimiter(spec.maxConcurrency()),
            backoff,
            spec.maxRetries(),
            spec.requestTimeout(),
            cache);
    return new OpenAiModel(spec.fullName(), transport, client);
  }
}
