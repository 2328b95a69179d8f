package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses before any servlet runs, written byte by byte on a raw socket to the real
 * server (an HTTP client would refuse to send them): an oversized request line, oversized headers,
 * characters not allowed in an address, a malformed percent escape. Under /api each answer is the
 * bilingual RFC 9457 problem every other refusal is; elsewhere a page in Korean and English. Never
 * Tomcat's English page with its version.
 */
class ServerErrorsHttpTest extends SharedHttpContext {

  @LocalServerPort int port;

  record Reply(int status, String head, String body) {}

  @Test
  void badCharactersInAnApiAddressAreAProblemInBothLanguages() throws Exception {
    assertProblem(send("GET /api/eval/runs?q=a{b}|c HTTP/1.1\r\nHost: x\r\n\r\n"));
    assertProblem(send("GET /api/eval/runs/%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  @Test
  void anOversizedRequestLineOrHeaderIsAProblemUnderApi() throws Exception {
    String longPath = "/api/eval/runs/" + "x".repeat(20_000);
    assertProblem(send("GET " + longPath + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    assertProblem(
        send(
            "GET /api/eval/runs HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n"));
  }

  @Test
  void pagesGetABilingualPageNotTomcats() throws Exception {
    for (Reply reply :
        new Reply[] {
          send("GET /eval/%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
          send("GET /eval/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n")
        }) {
      assertThat(reply.status()).as(reply.head()).isBetween(400, 499);
      assertThat(reply.head().toLowerCase(java.util.Locale.ROOT)).contains("text/html");
      assertThat(reply.body())
          .contains("요청", "request", "lang=\"ko\"")
          .doesNotContain("Apache Tomcat", "HTTP Status", "Exception");
    }
  }

  /**
   * A request line Tomcat could not read leaves the address unknown; browsers encode what they
   * send, so only scripts write such lines, and they get the problem (still in both languages).
   */
  @Test
  void anUnreadableRequestLineIsAProblemWhateverItsPath() throws Exception {
    assertProblem(send("GET /eval/a{b}|c HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  @Test
  void aClientAskingForJsonGetsTheProblemWhereverItAsks() throws Exception {
    assertProblem(send("GET /eval/%zz HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n"));
  }

  private static void assertProblem(Reply reply) {
    assertThat(reply.status()).as(reply.head() + reply.body()).isBetween(400, 499);
    assertThat(reply.head().toLowerCase(java.util.Locale.ROOT))
        .as(reply.body())
        .contains("content-type: application/problem+json");
    assertThat(HostileInputHttpTest.check(reply.status(), "application/problem+json", reply.body()))
        .isNull();
    assertThat(reply.body()).contains("\"status\":" + reply.status()).doesNotContain("Tomcat");
  }

  /** Writes the raw request and reads the reply until the server closes or the body is whole. */
  private Reply send(String request) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try {
        in.transferTo(all);
      } catch (java.net.SocketException e) {
        // the server may reset after answering a request it would not read to the end
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      assertThat(split).as("a whole HTTP reply: " + text).isPositive();
      String head = text.substring(0, split);
      String body = text.substring(split + 4);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      int status = Integer.parseInt(head.substring(9, 12));
      return new Reply(status, head, body);
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies here are read as UTF-8 text, so count by bytes
      byte[] rest = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String piece = new String(rest, 0, size, StandardCharsets.UTF_8);
      out.append(piece);
      at = eol + 2 + piece.length() + 2;
    }
    return out.toString();
  }
}
