package kr.gukdae.model.openai;

import static java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelException.Kind;
import kr.gukdae.model.openai.AdaptiveLimiter.Permit;
import kr.gukdae.model.openai.AdaptiveLimiter.Signal;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's HTTP traffic: the concurrency cap, retries with back-off, the per-request
 * time-out, bounded bodies, and the response cache. It knows HTTP, not the OpenAI payloads.
 */
final class Transport {

  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /** Turns a 2xx body into a value, throwing a {@link ModelException} when it is malformed. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(byte[] body, URI from);
  }

  /** The body passed {@link #MAX_RESPONSE_BYTES}; the connection is dropped, not drained. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  /** Reads a streamed body once the status is known to be 2xx. */
  @FunctionalInterface
  interface StreamReader<T> {
    T read(java.io.InputStream body, URI from) throws IOException;
  }

  private final Endpoint endpoint;
  private final Http1 http;
  private final AdaptiveLimiter limiter;
  private final Backoff backoff;
  private final int maxRetries;
  private final Duration timeout;
  private final @Nullable ResponseCache cache;

  Transport(
      Endpoint endpoint,
      Http1 http,
      AdaptiveLimiter limiter,
      Backoff backoff,
      int maxRetries,
      Duration timeout,
      @Nullable ResponseCache cache) {
    this.endpoint = endpoint;
    this.http = http;
    this.limiter = limiter;
    this.backoff = backoff;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.cache = cache;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /** Closes the cache's files; answers already appended stay for the next run. */
  void close() {
    if (cache != null) {
      cache.close();
    }
  }

  AdaptiveLimiter limiter() {
    return limiter;
  }

  /** POSTs a JSON body and parses the answer; a cached answer is used when there is one. */
  <T> T post(String path, byte[] body, Parser<T> parser) {
    URI uri = endpoint.uri(path);
    ResponseCache store = cache;
    String key = store == null ? "" : ResponseCache.key(uri.toString(), endpoint.model(), body);
    if (store != null) {
      byte[] cached = store.get(key);
      if (cached != null) {
        try {
          return parser.parse(cached, uri);
        } catch (ModelException e) {
          store.remove(key); // a stale or foreign entry; ask the server again
        }
      }
    }
    byte[] fresh = send(uri, body, "application/json", Transport::readBounded);
    T value = parser.parse(fresh, uri); // malformed answers throw here and are never cached
    if (store != null) {
      store.put(key, fresh);
    }
    return value;
  }

  /**
   * POSTs a streaming request. Retries happen only until a 2xx body is handed to {@code reader}:
   * after that, pieces already delivered cannot be taken back.
   */
  <T> T stream(String path, byte[] body, StreamReader<T> reader) {
    URI uri = endpoint.uri(path);
    return send(uri, body, "text/event-stream", (head, in) -> reader.read(in, uri));
  }

  private static byte[] readBounded(Http1.Head head, InputStream in) throws IOException {
    if (in instanceof BodyStream b && b.declaredLength() > MAX_RESPONSE_BYTES) {
      throw new TooLarge(MAX_RESPONSE_BYTES);
    }
    byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
    if (bytes.length > MAX_RESPONSE_BYTES) {
      throw new TooLarge(MAX_RESPONSE_BYTES);
    }
    return bytes;
  }

  private Map<String, String> headers(String accept) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", accept);
    String auth = endpoint.authorization();
    if (auth != null) {
      headers.put("Authorization", auth);
    }
    return headers;
  }

  /** What one attempt came to: a value, or a failure with the server's requested pause. */
  private static final class Attempt<T> {
    @Nullable T value;
    boolean ok;
    @Nullable ModelException failure;
    @Nullable Duration retryAfter;
  }

  private <T> T send(URI uri, byte[] body, String accept, Http1.Use<T> onOk) {
    Map<String, String> headers = headers(accept);
    for (int attempt = 0; ; attempt++) {
      ModelException failure;
      @Nullable Duration retryAfter = null;
      Permit permit = acquire(uri);
      Signal signal = Signal.OTHER;
      Attempt<T> result = new Attempt<>();
      try {
        http.post(
            uri,
            headers,
            body,
            timeout,
            (head, in) -> {
              if (head.status() / 100 == 2) {
                result.ok = true; // from here on, a failure is not retried
                result.value = onOk.use(head, in);
              } else {
                result.failure =
                    Failures.fromStatus(endpoint, uri, head.status(), in.readNBytes(64 * 1024));
                result.retryAfter = retryAfter(head::header);
              }
              return result;
            });
        if (result.ok) {
          signal = Signal.SUCCESS;
          // onOk returned it, and a parser never returns null
          return java.util.Objects.requireNonNull(result.value);
        }
        failure = java.util.Objects.requireNonNull(result.failure);
        retryAfter = result.retryAfter;
        if (failure.isRateLimit()) {
          signal = Signal.RATE_LIMITED;
        }
      } catch (SocketTimeoutException e) {
        if (result.ok) {
          throw new ModelException(
              Kind.RETRYABLE,
              -1,
              UserError.both(
                  uri + "의 스트림이 제한 시간을 넘겨 멈췄습니다",
                  "stream from " + uri + " stalled past the time-out"),
              null);
        }
        failure =
            new ModelException(
                Kind.RETRYABLE,
                -1,
                UserError.both(
                    uri + "이(가) " + timeout.toMillis() + " ms 안에 답하지 않았습니다",
                    "no answer from " + uri + " within " + timeout.toMillis() + " ms"),
                null);
      } catch (ConnectException | UnknownHostException e) {
        failure =
            new ModelException(
                Kind.RETRYABLE,
                -1,
                UserError.both(
                    uri + "에 연결할 수 없습니다. 서버가 실행 중인지, --base-url이 맞는지 확인하세요",
                    "cannot connect to "
                        + uri
                        + "; is the server running and is --base-url right?"),
                null);
      } catch (TooLarge e) {
        throw Failures.tooLarge(uri);
      } catch (IOException e) {
        if (result.ok) {
          throw new ModelException(
              Kind.RETRYABLE,
              -1,
              UserError.both(
                  uri + "의 스트림이 끊겼습니다: " + e.getMessage(),
                  "stream from " + uri + " broke off: " + e.getMessage()),
              null);
        }
        failure =
            new ModelException(
                Kind.RETRYABLE,
                -1,
                UserError.both(
                    uri + " 연결에 실패했습니다: " + e.getMessage(),
                    "connection to " + uri + " failed: " + e.getMessage()),
                null);
      } finally {
        limiter.release(permit, result.ok ? Signal.SUCCESS : signal);
      }
      if (failure.kind() != Kind.RETRYABLE) {
        throw failure;
      }
      if (attempt >= maxRetries) {
        throw new ModelException(
            Kind.RETRYABLE,
            failure.httpStatus(),
            UserError.both(
                (attempt + 1) + "번 시도한 뒤 포기했습니다: " + failure.message(true),
                "gave up after " + (attempt + 1) + " attempts: " + failure.message(false)),
            null);
      }
      pause(backoff.delay(attempt, retryAfter), uri);
    }
  }

  private Permit acquire(URI uri) {
    try {
      return limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(
          Kind.RETRYABLE,
          -1,
          UserError.both(uri + "을(를) 기다리다 중단되었습니다", "interrupted while waiting for " + uri),
          e);
    }
  }

  private static void pause(Duration delay, URI uri) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(
          Kind.RETRYABLE,
          -1,
          UserError.both(uri + "에 다시 보내기 전 대기 중에 중단되었습니다", "interrupted while backing off " + uri),
          e);
    }
  }

  /** Retry-After as seconds or an HTTP date; OpenAI also sends retry-after-ms. */
  static @Nullable Duration retryAfter(Function<String, @Nullable String> header) {
    var ms = Optional.ofNullable(header.apply("retry-after-ms"));
    var value = Optional.ofNullable(header.apply("retry-after"));
    try {
      if (ms.isPresent()) {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().strip())));
      }
      if (value.isPresent()) {
        return Duration.ofMillis(
            Math.max(0, (long) (Double.parseDouble(value.get().strip()) * 1000)));
      }
    } catch (NumberFormatException e) {
      try {
        var when = ZonedDateTime.parse(value.orElse("").strip(), RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null; // garbage: fall back to our own back-off
      }
    }
    return null;
  }
}
