package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 client against hand-written answers from a raw loopback socket. */
class Http1Test {

  private static final String OK_CHUNKED =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";

  /** Answers each connection's first request with {@code answer}, then closes it silently. */
  private static ServerSocket oneAnswerPerConnection(String answer, AtomicInteger connections)
      throws IOException {
    ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(() -> {
          while (!server.isClosed()) {
            try (Socket s = server.accept()) {
              connections.incrementAndGet();
              readRequest(s.getInputStream());
              s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
              s.getOutputStream().flush();
            } catch (IOException e) {
              return;
            }
          }
        });
    return server;
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.read());
    }
    String h = head.toString();
    int at = h.indexOf("Content-Length: ") + "Content-Length: ".length();
    int length = Integer.parseInt(h.substring(at, h.indexOf('\r', at)));
    in.readNBytes(length);
  }

  private static String post(Http1 http, URI uri) throws IOException {
    return http.post(
        uri,
        Map.of("Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(5),
        (head, body) ->
            head.status() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void chunkedBodiesAreDecodedWithExtensionsAndTrailers() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = oneAnswerPerConnection(OK_CHUNKED, connections);
        Http1 http = new Http1(Duration.ofSeconds(2))) {
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/x");
      assertThat(post(http, uri)).isEqualTo("200 hello, world");
      // The connection went back to the pool but the server closed it: the client notices the
      // silent close and asks again on a fresh connection, without surfacing an error.
      assertThat(post(http, uri)).isEqualTo("200 hello, world");
      assertThat(connections.get()).isEqualTo(2);
    }
  }

  @Test
  void connectionCloseAnswersEndAtTheClose() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    String answer = "HTTP/1.0 500 Oops\r\n\r\nplain text until close";
    try (ServerSocket server = oneAnswerPerConnection(answer, connections);
        Http1 http = new Http1(Duration.ofSeconds(2))) {
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/x");
      assertThat(post(http, uri)).isEqualTo("500 plain text until close");
      assertThat(post(http, uri)).isEqualTo("500 plain text until close");
      assertThat(connections.get()).isEqualTo(2);
    }
  }

  @Test
  void garbageInsteadOfHttpIsAnError() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = oneAnswerPerConnection("SSH-2.0-OpenSSH\r\n\r\n", connections);
        Http1 http = new Http1(Duration.ofSeconds(2))) {
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/x");
      assertThatThrownBy(() -> post(http, uri))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not an HTTP/1.x answer");
    }
  }

  @Test
  void aTruncatedFixedLengthBodyIsAnError() throws Exception {
    var head = new Http1.Head(200, Map.of("content-length", "10"), true);
    var body = BodyStream.of(head, new ByteArrayInputStream("short".getBytes()));
    assertThatThrownBy(body::readAllBytes).hasMessageContaining("Content-Length");
    var chunked =
        BodyStream.of(
            new Http1.Head(200, Map.of("transfer-encoding", "chunked"), true),
            new ByteArrayInputStream("zz\r\n".getBytes()));
    assertThatThrownBy(chunked::readAllBytes).hasMessageContaining("bad chunk size");
  }
}
