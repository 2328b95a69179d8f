package kr.gukdae.model.openai.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Routes and answers one request; every answer is computed from the request alone. */
final class FakeHandler implements HttpHandler {

  private static final int MAX_REQUEST_BYTES = 1 << 20;

  private final @Nullable String apiKey;
  private final int latencyMillis;
  private final Map<String, Counter> requestsByModel = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attemptsByBody = new ConcurrentHashMap<>();
  private final Map<String, Map<String, AtomicInteger>> bodiesByModel = new ConcurrentHashMap<>();
  private final AtomicInteger atOnce = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  FakeHandler(@Nullable String apiKey, int latencyMillis) {
    this.apiKey = apiKey;
    this.latencyMillis = latencyMillis;
  }

  long requests(String model) {
    Counter c = requestsByModel.get(model);
    return c == null ? 0 : c.count.get();
  }

  /** How often this model received each request body so far (a snapshot). */
  Map<String, Integer> bodyCounts(String model) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    bodiesByModel.getOrDefault(model, Map.of()).forEach((body, n) -> counts.put(body, n.get()));
    return counts;
  }

  /** Requests per model, and when the first and the latest arrived (for sustained rates). */
  private static final class Counter {
    final AtomicLong count = new AtomicLong();
    final long firstNanos = System.nanoTime();
    volatile long lastNanos = firstNanos;

    void hit() {
      count.incrementAndGet();
      lastNanos = System.nanoTime();
    }

    String json() {
      return "{\"requests\":"
          + count.get()
          + ",\"seconds\":"
          + (lastNanos - firstNanos) / 1e9
          + "}";
    }
  }

  /** The most requests this server was answering at one moment, of any model or path. */
  int mostAtOnce() {
    return mostAtOnce.get();
  }

  /**
   * Counts the request as in flight from its arrival until its answer starts to go out (a client
   * may send its next request as soon as it has read an answer, before this thread returns, so the
   * count ends before the first byte, never after). The exchange is answered on this thread, which
   * carries the count's end (exchange attributes may be shared by all exchanges of a context).
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
    var counted = new java.util.concurrent.atomic.AtomicBoolean(true);
    Runnable answered =
        () -> {
          if (counted.getAndSet(false)) {
            atOnce.decrementAndGet();
          }
        };
    ANSWERED.set(answered);
    try {
      answer(exchange);
    } finally {
      ANSWERED.remove();
      answered.run();
    }
  }

  private static final ThreadLocal<Runnable> ANSWERED = ThreadLocal.withInitial(() -> () -> {});

  /** Ends the request's count in {@link #mostAtOnce}: its answer goes out now. */
  private static void answering() {
    ANSWERED.get().run();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("/v1/models")) {
        send(exchange, 200, FakeReplies.models());
        return;
      }
      if (method.equals("GET") && path.equals("/fake/stats")) {
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String model = query.startsWith("model=") ? query.substring(6) : "";
        Counter c = requestsByModel.get(model);
        send(exchange, 200, (c == null ? "{\"requests\":0,\"seconds\":0}" : c.json()).getBytes());
        return;
      }
      boolean chat = path.equals("/v1/chat/completions");
      if (!method.equals("POST") || !(chat || path.equals("/v1/completions"))) {
        send(exchange, 404, FakeReplies.error("no route " + method + " " + path, "not_found"));
        return;
      }
      byte[] raw = read(exchange.getRequestBody());
      if (raw == null) {
        send(exchange, 413, FakeReplies.error("request body too large", "invalid_request_error"));
        return;
      }
      JsonNode body;
      try {
        body = FakeReplies.JSON.readTree(raw);
      } catch (JacksonException e) {
        send(exchange, 400, FakeReplies.error("invalid JSON body", "invalid_request_error"));
        return;
      }
      String model = FakeReplies.text(body, "model");
      requestsByModel.computeIfAbsent(model, m -> new Counter()).hit();
      bodiesByModel
          .computeIfAbsent(model, m -> new ConcurrentHashMap<>())
          .computeIfAbsent(new String(raw, StandardCharsets.UTF_8), b -> new AtomicInteger())
          .incrementAndGet();
      if (apiKey != null) {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!auth.equals("Bearer " + apiKey)) {
          // Like some real servers, this echoes the key it got: the client must scrub it.
          String given = auth.startsWith("Bearer ") ? auth.substring(7) : auth;
          send(exchange, 401, FakeReplies.error("Incorrect API key provided: " + given, "auth"));
          return;
        }
      }
      Faults faults;
      try {
        faults = Faults.parse(model);
      } catch (IllegalArgumentException e) {
        send(
            exchange,
            400,
            FakeReplies.error(String.valueOf(e.getMessage()), "invalid_request_error"));
        return;
      }
      if (faults == null) {
        send(exchange, 404, FakeReplies.error("The model '" + model + "' does not exist", "nf"));
        return;
      }
      answer(exchange, chat, model, body, raw, faults);
    }
  }

  private void answer(
      HttpExchange exchange, boolean chat, String model, JsonNode body, byte[] raw, Faults faults)
      throws IOException {
    int failures = Math.max(faults.rateLimited(), faults.serverErrors());
    if (failures > 0) {
      String key = new String(raw, StandardCharsets.UTF_8);
      int attempt = attemptsByBody.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (attempt <= faults.rateLimited()) {
        exchange.getResponseHeaders().add("Retry-After", "0");
        send(exchange, 429, FakeReplies.error("Rate limit reached; retry", "rate_limit"));
        return;
      }
      if (attempt <= faults.serverErrors()) {
        send(exchange, 500, FakeReplies.error("The server had an error", "server_error"));
        return;
      }
    }
    pause(latencyMillis + faults.slowMillis());
    if (faults.malformed()) {
      send(exchange, 200, "{\"id\": \"fake-1\", \"choices\": [{\"text\": \"cut".getBytes());
      return;
    }
    int maxTokens = body.path("max_tokens").asInt(16);
    List<String> stop = new ArrayList<>();
    body.path("stop").forEach(s -> stop.add(s.asString()));
    boolean stream = body.path("stream").asBoolean(false);
    if (chat) {
      JsonNode messages = body.path("messages");
      String last =
          messages.isArray() && !messages.isEmpty()
              ? FakeReplies.text(messages.get(messages.size() - 1), "content")
              : "";
      var answer =
          faults.huge()
              ? huge()
              : faults.grade() ? FakeText.graded(last) : FakeText.answer(last, maxTokens, stop);
      if (stream) {
        stream(
            exchange,
            answer,
            p -> FakeReplies.chatChunk(model, p, ""),
            FakeReplies.chatChunk(model, "", answer.finishReason()));
      } else {
        send(exchange, 200, FakeReplies.chat(model, answer, FakeText.tokens(last).size()));
      }
      return;
    }
    String prompt = FakeReplies.text(body, "prompt");
    boolean echo = body.path("echo").asBoolean(false);
    if (echo && faults.noEcho()) {
      send(
          exchange,
          400,
          FakeReplies.error("echo is not supported with logprobs", "invalid_request_error"));
      return;
    }
    if (maxTokens == 0 && faults.noZeroTokens()) {
      send(
          exchange,
          400,
          FakeReplies.error("max_tokens must be at least 1, got 0", "invalid_request_error"));
      return;
    }
    var answer =
        faults.huge()
            ? huge()
            : maxTokens == 0
                ? new FakeText.Answer(List.of(), "length")
                : FakeText.answer(prompt, maxTokens, stop);
    if (stream) {
      stream(
          exchange,
          answer,
          p -> FakeReplies.completionChunk(model, p, ""),
          FakeReplies.completionChunk(model, "", answer.finishReason()));
      return;
    }
    boolean logprobs = body.path("logprobs").isNumber();
    send(
        exchange,
        200,
        FakeReplies.completion(model, prompt, answer, echo, logprobs, faults.noLogprobs()));
  }

  private static FakeText.Answer huge() {
    return new FakeText.Answer(List.of("x".repeat(5 << 20)), "length");
  }

  private static void stream(
      HttpExchange exchange,
      FakeText.Answer answer,
      java.util.function.Function<String, byte[]> chunk,
      byte[] last)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    answering();
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (String piece : answer.pieces()) {
      event(out, chunk.apply(piece));
    }
    event(out, last);
    event(out, "[DONE]".getBytes(StandardCharsets.UTF_8));
  }

  private static void event(OutputStream out, byte[] data) throws IOException {
    out.write("data: ".getBytes(StandardCharsets.UTF_8));
    out.write(data);
    out.write("\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void pause(int millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static byte @Nullable [] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
    return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    answering();
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
