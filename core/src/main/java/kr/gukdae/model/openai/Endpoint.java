package kr.gukdae.model.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelSpec;
import org.jspecify.annotations.Nullable;

/**
 * Where requests go and with which key. The key itself lives only here, is sent only in the
 * Authorization header, and is scrubbed from any server text that ends up in an exception.
 */
final class Endpoint {

  static final String DEFAULT_BASE = "https://api.openai.com/v1";

  private final URI base;
  private final Map<String, URI> uris = new ConcurrentHashMap<>();
  private final String model;
  private final String apiKeyEnv;
  private final @Nullable String apiKey;

  private Endpoint(URI base, String model, String apiKeyEnv, @Nullable String apiKey) {
    this.base = base;
    this.model = model;
    this.apiKeyEnv = apiKeyEnv;
    this.apiKey = apiKey;
  }

  /** Resolves the base URL (spec, else $OPENAI_BASE_URL, else OpenAI's) and reads the key. */
  static Endpoint of(ModelSpec spec, UnaryOperator<@Nullable String> env) {
    String raw = spec.baseUrl();
    if (raw == null || raw.isBlank()) {
      raw = env.apply("OPENAI_BASE_URL");
    }
    if (raw == null || raw.isBlank()) {
      raw = DEFAULT_BASE;
    }
    String key = env.apply(spec.apiKeyEnv());
    return new Endpoint(parseBase(raw.strip()), spec.model(), spec.apiKeyEnv(), blankToNull(key));
  }

  private static URI parseBase(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw badBase(raw, "올바른 URL이 아닙니다", "it is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw badBase(
          raw,
          "http:// 또는 https://로 시작하고 호스트를 지정해야 합니다",
          "it must start with http:// or https:// and name a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      // Credentials in URLs end up in logs; the key belongs in the environment variable.
      throw badBase(
          raw,
          "사용자 정보, 쿼리, 프래그먼트를 넣을 수 없습니다",
          "it must not carry user info, a query or a fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      path = "/v1"; // a bare host means the usual OpenAI-compatible prefix
    }
    return URI.create(
        scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
  }

  private static UserError badBase(String raw, String whyKo, String why) {
    String shown = raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    return UserError.of(
        "--base-url '" + shown + "': " + whyKo + ". 예: http://localhost:8000/v1",
        "--base-url '" + shown + "': " + why + "; use e.g. http://localhost:8000/v1");
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The URL of an API path; parsed once per path, as every request needs one. */
  URI uri(String path) {
    return uris.computeIfAbsent(path, p -> URI.create(base + "/" + p));
  }

  /** The base URL for logs and run records (never holds credentials; see {@link #parseBase}). */
  String display() {
    return base.toString();
  }

  String model() {
    return model;
  }

  @Nullable String authorization() {
    return apiKey == null ? null : "Bearer " + apiKey;
  }

  /** What to tell a user whose key was refused; names the variable, never its value. */
  String keyAdvice() {
    return apiKey == null
        ? "set the API key in $" + apiKeyEnv + " (it is not set)"
        : "check the API key in $" + apiKeyEnv;
  }

  /** Server text made safe for a message: key removed, control characters dropped, bounded. */
  String scrub(String text, int maxChars) {
    String s = text;
    if (apiKey != null && !apiKey.isEmpty()) {
      s = s.replace(apiKey, "***");
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars + 1));
    for (int i = 0; i < s.length() && out.length() < maxChars; i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (s.length() > maxChars) {
      out.append('…');
    }
    return out.toString().strip();
  }
}
