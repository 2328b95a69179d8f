package kr.gukdae.app.arena;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FAKE load balancer for tests: round robin over web instances on loopback, no sticky sessions,
 * no health checks. Each request goes to the next instance in turn, whatever its cookie; only a
 * refused connection (the instance is down, nothing was sent) moves it on to the next one, as any
 * load balancer does. A connection lost after the request was sent answers 502, and the client
 * decides whether to retry, as it would in front of a real one. Streams (server-sent events) are
 * copied through as they arrive.
 */
final class RoundRobinProxyFake implements AutoCloseable {

  /** Headers the client's request carries on to the instance. */
  private static final Set<String> FORWARDED = Set.of("cookie", "content-type", "accept");

  /** Headers the instance's reply carries back to the client. */
  private static final List<String> RETURNED = List.of("Set-Cookie", "Content-Type");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Integer> ports;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong[] served;

  RoundRobinProxyFake(List<Integer> ports) throws IOException {
    this.ports = List.copyOf(ports);
    this.served = new AtomicLong[ports.size()];
    for (int i = 0; i < served.length; i++) {
      served[i] = new AtomicLong();
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Requests instance {@code i} answered. */
  long served(int i) {
    return served[i].get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      long first = next.getAndIncrement();
      for (int attempt = 0; attempt < ports.size(); attempt++) {
        int i = (int) ((first + attempt) % ports.size());
        HttpResponse<InputStream> reply;
        try {
          reply =
              http.send(
                  request(exchange, ports.get(i), body), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException down) {
          continue; // nothing was sent: the next instance may take it
        } catch (IOException lost) {
          exchange.sendResponseHeaders(502, -1);
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.sendResponseHeaders(502, -1);
          return;
        }
        served[i].incrementAndGet();
        relay(exchange, reply);
        return;
      }
      exchange.sendResponseHeaders(503, -1);
    }
  }

  private static HttpRequest request(HttpExchange exchange, int port, byte[] body) {
    var builder =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + exchange.getRequestURI().toString()))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> {
          if (FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            values.forEach(v -> builder.header(name, v));
          }
        });
    return builder.build();
  }

  private static void relay(HttpExchange exchange, HttpResponse<InputStream> reply)
      throws IOException {
    for (String name : RETURNED) {
      reply.headers().allValues(name).forEach(v -> exchange.getResponseHeaders().add(name, v));
    }
    try (InputStream in = reply.body()) {
      exchange.sendResponseHeaders(reply.statusCode(), 0); // chunked: streams pass as they come
      OutputStream out = exchange.getResponseBody();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException lost) {
      // the instance went away mid-reply: the client sees a cut reply
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
