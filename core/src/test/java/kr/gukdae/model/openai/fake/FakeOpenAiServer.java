package kr.gukdae.model.openai.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A FAKE OpenAI-compatible server for tests and benchmarks, never a model: it listens on loopback
 * only and answers {@code /v1/chat/completions} and {@code /v1/completions} (plain, streamed, and
 * echo + logprobs) deterministically, in constant time plus an optional fixed latency. Faults are
 * asked for through the model name ({@code fake:429x2}, {@code fake:malformed}, …; see {@link
 * Faults}); with an API key set, any other key gets a 401. {@code GET /fake/stats?model=M} counts
 * the requests a model name received and the seconds between the first and the latest.
 *
 * <p>Run it alone: {@code java -cp gukdae-core.jar:… kr.gukdae.model.openai.fake.FakeOpenAiServer
 * [--port N] [--latency-ms MS] [--api-key KEY] [--threads N]}; it prints {@code listening on
 * http://127.0.0.1:PORT/v1} once ready and runs until killed.
 */
public final class FakeOpenAiServer implements AutoCloseable {

  private final HttpServer server;
  private final FakeHandler handler;
  private final ExecutorService executor;

  private FakeOpenAiServer(HttpServer server, FakeHandler handler, ExecutorService executor) {
    this.server = server;
    this.handler = handler;
    this.executor = executor;
  }

  /** Starts on a free loopback port with no latency and no key. */
  public static FakeOpenAiServer start() throws IOException {
    return start(0, 0, null);
  }

  public static FakeOpenAiServer start(int port, int latencyMillis, @Nullable String apiKey)
      throws IOException {
    // Answers go out as headers then body; without TCP_NODELAY, Nagle's algorithm can hold the
    // body back for a delayed ACK (tens of ms), which real inference servers do not do.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
    FakeHandler handler = new FakeHandler(apiKey, latencyMillis);
    server.createContext("/", handler);
    // One virtual thread per exchange: a fixed latency costs a parked thread, not a core.
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.start();
    return new FakeOpenAiServer(server, handler, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL to give the adapter, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  /** How many chat/completions requests named this model, failures included. */
  public long requests(String model) {
    return handler.requests(model);
  }

  /**
   * The most requests it was answering at one moment since it started (all models and paths): what
   * a client's concurrency limit must keep at or under its cap.
   */
  public int mostAtOnce() {
    return handler.mostAtOnce();
  }

  /**
   * How often this model received each request body (UTF-8 text) so far, as a snapshot: two
   * snapshots tell what a client asked more than once in between, e.g. after a crash. Every body is
   * remembered, so this fake suits runs of up to some hundred thousand requests.
   */
  public java.util.Map<String, Integer> bodyCounts(String model) {
    return handler.bodyCounts(model);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = 0;
    int latency = 0;
    String key = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value);
        case "--latency-ms" -> latency = Integer.parseInt(value);
        case "--api-key" -> key = value;
        default -> {
          System.err.println(
              "usage: FakeOpenAiServer [--port N] [--latency-ms MS] [--api-key KEY]");
          System.exit(2);
        }
      }
      i++;
    }
    FakeOpenAiServer server = start(port, latency, key);
    System.out.println("listening on " + server.baseUrl());
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
