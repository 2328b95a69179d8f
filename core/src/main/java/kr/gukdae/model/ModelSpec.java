package kr.gukdae.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a model: {@code provider/name} plus connection settings. The API key is never held
 * here, only the name of the environment variable that holds it, so specs can be logged safely.
 * {@code cacheDir}, when set, is where adapters that call remote endpoints keep their response
 * cache, so that a rerun asks the server nothing it has already answered.
 */
public record ModelSpec(
    String provider,
    String model,
    @Nullable String baseUrl,
    String apiKeyEnv,
    int maxConcurrency,
    Duration requestTimeout,
    int maxRetries,
    @Nullable Path cacheDir) {

  /** Requests in flight per endpoint unless asked otherwise (CLI, REST, demo, registry). */
  public static final int DEFAULT_CONCURRENCY = 16;

  /** Retries per request unless asked otherwise. */
  public static final int DEFAULT_MAX_RETRIES = 6;

  /** Seconds per request unless asked otherwise. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 120;

  /** The environment variable holding the endpoint's API key unless another is named. */
  public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";

  public ModelSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxConcurrency < 1) {
      throw UserError.of(
          "--concurrency는 1 이상이어야 합니다 (받은 값: " + maxConcurrency + ")",
          "--concurrency must be at least 1, got " + maxConcurrency);
    }
    if (maxRetries < 0) {
      throw UserError.of(
          "--max-retries는 0 이상이어야 합니다 (받은 값: " + maxRetries + ")",
          "--max-retries must be >= 0, got " + maxRetries);
    }
  }

  /** The settings without a response cache (the shape before {@code cacheDir} existed). */
  public ModelSpec(
      String provider,
      String model,
      @Nullable String baseUrl,
      String apiKeyEnv,
      int maxConcurrency,
      Duration requestTimeout,
      int maxRetries) {
    this(provider, model, baseUrl, apiKeyEnv, maxConcurrency, requestTimeout, maxRetries, null);
  }

  /** Parses {@code provider/model} (the model part may itself contain slashes). */
  public static ModelSpec parse(String spec) {
    int slash = spec.indexOf('/');
    if (slash <= 0 || slash == spec.length() - 1) {
      throw UserError.of(
          "--model '" + spec + "': <어댑터>/<이름> 형식으로 쓰세요 (예: demo/lexical, openai/qwen3-8b)",
          "--model '"
              + spec
              + "': must look like <adapter>/<name>, e.g. demo/lexical or openai/qwen3-8b");
    }
    return new ModelSpec(
        spec.substring(0, slash),
        spec.substring(slash + 1),
        null,
        DEFAULT_API_KEY_ENV,
        DEFAULT_CONCURRENCY,
        Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS),
        DEFAULT_MAX_RETRIES);
  }

  public String fullName() {
    return provider + "/" + model;
  }

  public ModelSpec withBaseUrl(@Nullable String value) {
    return new ModelSpec(
        provider, model, value, apiKeyEnv, maxConcurrency, requestTimeout, maxRetries, cacheDir);
  }

  public ModelSpec withApiKeyEnv(String value) {
    return new ModelSpec(
        provider, model, baseUrl, value, maxConcurrency, requestTimeout, maxRetries, cacheDir);
  }

  public ModelSpec withMaxConcurrency(int value) {
    return new ModelSpec(
        provider, model, baseUrl, apiKeyEnv, value, requestTimeout, maxRetries, cacheDir);
  }

  public ModelSpec withRequestTimeout(Duration value) {
    return new ModelSpec(
        provider, model, baseUrl, apiKeyEnv, maxConcurrency, value, maxRetries, cacheDir);
  }

  public ModelSpec withMaxRetries(int value) {
    return new ModelSpec(
        provider, model, baseUrl, apiKeyEnv, maxConcurrency, requestTimeout, value, cacheDir);
  }

  public ModelSpec withCacheDir(@Nullable Path value) {
    return new ModelSpec(
        provider, model, baseUrl, apiKeyEnv, maxConcurrency, requestTimeout, maxRetries, value);
  }
}
