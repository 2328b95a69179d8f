package kr.gukdae.model.openai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A small blocking HTTP/1.1 client for one endpoint, meant for virtual threads: the calling thread
 * writes the whole request in one write and reads the answer itself, with keep-alive connections
 * pooled. {@code java.net.http.HttpClient} passes every exchange through a selector thread and an
 * executor; on busy cores those hand-offs, not the network, bounded the evaluation rate.
 */
final class Http1 implements AutoCloseable {

  private static final int MAX_HEAD_BYTES = 64 * 1024;

  /** The status and headers of an answer; header names are lower-case, first value wins. */
  record Head(int status, Map<String, String> headers, boolean keepAlive) {
    @Nullable String header(String name) {
      return headers.get(name);
    }
  }

  /** Consumes one answer; the body stream ends where the answer ends. */
  @FunctionalInterface
  interface Use<T> {
    T use(Head head, InputStream body) throws IOException;
  }

  private record Conn(Socket socket, ConnInput in, OutputStream out) {}

  /** The server closed a pooled connection before answering; safe to try a fresh one. */
  private static final class Stale extends IOException {
    Stale() {
      super("connection closed by the server");
    }
  }

  private final Duration connectTimeout;
  private final ConcurrentLinkedDeque<Conn> idle = new ConcurrentLinkedDeque<>();

  Http1(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  <T> T post(URI uri, Map<String, String> headers, byte[] body, Duration timeout, Use<T> use)
      throws IOException {
    byte[] request = request(uri, headers, body);
    Conn conn = idle.pollFirst();
    Head head;
    try {
      if (conn == null) {
        conn = open(uri);
      }
      head = exchange(conn, request, timeout);
    } catch (Stale e) {
      close(conn);
      conn = open(uri); // a pooled connection timed out on the server's side; once more, fresh
      head = exchange(conn, request, timeout);
    } catch (IOException | RuntimeException e) {
      close(conn);
      throw e;
    }
    try {
      BodyStream stream = BodyStream.of(head, conn.in());
      T result = use.use(head, stream);
      if (head.keepAlive() && stream.finished()) {
        idle.addFirst(conn);
      } else {
        close(conn);
      }
      return result;
    } catch (IOException | RuntimeException e) {
      close(conn);
      throw e;
    }
  }

  private static Head exchange(Conn conn, byte[] request, Duration timeout) throws IOException {
    conn.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
    conn.out().write(request);
    conn.out().flush();
    return readHead(conn.in());
  }

  private Conn open(URI uri) throws IOException {
    boolean tls = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) connectTimeout.toMillis());
      if (tls) {
        SSLSocket ssl =
            (SSLSocket)
                SSLContext.getDefault()
                    .getSocketFactory()
                    .createSocket(socket, uri.getHost(), port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // check the certificate's host name
        ssl.setSSLParameters(params);
        ssl.setSoTimeout((int) connectTimeout.toMillis());
        ssl.startHandshake();
        socket = ssl;
      }
      return new Conn(socket, new ConnInput(socket.getInputStream()), socket.getOutputStream());
    } catch (NoSuchAlgorithmException e) {
      socket.close();
      throw new IOException("no TLS support in this JVM", e);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static byte[] request(URI uri, Map<String, String> headers, byte[] body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static Head readHead(ConnInput in) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String status = line(in, budget, true);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException(
          "not an HTTP/1.x answer: " + status.substring(0, Math.min(60, status.length())));
    }
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line");
    }
    Map<String, String> headers = new HashMap<>();
    for (String l = line(in, budget, false); !l.isEmpty(); l = line(in, budget, false)) {
      int colon = l.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
      }
    }
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean keepAlive =
        parts[0].equals("HTTP/1.1")
            ? !connection.contains("close")
            : connection.contains("keep-alive");
    return new Head(code, headers, keepAlive);
  }

  private static String line(ConnInput in, int[] budget, boolean first) throws IOException {
    String line = in.line(budget, MAX_HEAD_BYTES);
    if (line == null) {
      if (first) {
        throw new Stale();
      }
      throw new EOFException("connection closed in the middle of the answer's headers");
    }
    return line;
  }

  private void close(@Nullable Conn conn) {
    if (conn != null) {
      try {
        conn.socket().close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  @Override
  public void close() {
    for (Conn c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      close(c);
    }
  }
}
