package kr.gukdae.app.models;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fake model endpoints at the edge of the machine, on loopback: one that records every request it
 * gets (where a stolen key would land), one that redirects everything to another address, and one
 * that holds every request until released.
 */
final class FakeEndpoints implements AutoCloseable {

  /** What a fake received: method, path and the Authorization header (or "-"). */
  record Hit(String method, String path, String authorization) {}

  final List<Hit> captured = new CopyOnWriteArrayList<>();
  final List<Hit> redirected = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);
  private final HttpServer capture = server();
  private final HttpServer redirect = server();
  private final HttpServer hold = server();

  FakeEndpoints() {
    capture.createContext(
        "/",
        exchange -> {
          captured.add(hit(exchange));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    redirect.createContext(
        "/",
        exchange -> {
          redirected.add(hit(exchange));
          exchange.getResponseHeaders().add("Location", captureUrl() + exchange.getRequestURI());
          exchange.sendResponseHeaders(307, -1);
          exchange.close();
        });
    hold.createContext(
        "/",
        exchange -> {
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    capture.start();
    redirect.start();
    hold.start();
  }

  private static HttpServer server() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Hit hit(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    return new Hit(
        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), auth == null ? "-" : auth);
  }

  String captureUrl() {
    return "http://127.0.0.1:" + capture.getAddress().getPort();
  }

  String redirectUrl() {
    return "http://127.0.0.1:" + redirect.getAddress().getPort() + "/v1";
  }

  String holdUrl() {
    return "http://127.0.0.1:" + hold.getAddress().getPort() + "/v1";
  }

  @Override
  public void close() {
    release.countDown();
    capture.stop(0);
    redirect.stop(0);
    hold.stop(0);
  }
}
