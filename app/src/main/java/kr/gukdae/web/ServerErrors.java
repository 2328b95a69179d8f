package kr.gukdae.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.Adapter;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.net.SocketEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors Tomcat answers itself, before any servlet runs: a request line or headers past the size
 * limit, characters not allowed in an address, a malformed percent escape. Tomcat answers a request
 * line or headers it cannot parse with an empty body, and an address it cannot decode with its
 * host's error report valve (its own English HTML page). Here a wrapped adapter answers the first
 * and a replaced valve the second, so an {@code /api} request (or one that accepts JSON) gets the
 * same RFC 9457 problem as every other refusal ({@link Problems}) and anything else a small page in
 * Korean and English. Responses the application already wrote pass through untouched.
 */
@Configuration(proxyBeanMethods = false)
class ServerErrors {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> bilingualServerErrors() {
    return factory -> {
      // a request line or headers Tomcat cannot parse never reach a valve: Tomcat's processor
      // marks them bad and answers with an empty body, unless the adapter it calls answers first
      factory.addConnectorCustomizers(connector ->
          connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
              ProtocolHandler handler = connector.getProtocolHandler();
              if (!(handler.getAdapter() instanceof BadRequests)) {
                handler.setAdapter(new BadRequests(handler.getAdapter()));
              }
            }
          }));
      factory.addContextCustomizers(context -> {
        Container host = context.getParent();
        // Spring Boot adds Tomcat's own valve in a customizer of its own; whichever ran
        // first, ours is the only one left once the host starts
        host.addLifecycleListener(event -> {
          if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve && !(valve instanceof Report)) {
                host.getPipeline().removeValve(valve);
              }
            }
            if (host instanceof StandardHost standard) {
              standard.setErrorReportValveClass(Report.class.getName());
            }
            host.getPipeline().addValve(new Report());
          }
        });
      });
    };
  }

  /**
   * Tomcat's adapter with one change: a request its processor already refused (status 400 or more
   * before anything ran: an unparsable request line, oversized headers) is answered here with the
   * problem or page instead of an empty body. Everything else goes to Tomcat's adapter unchanged.
   */
  static final class BadRequests implements Adapter {

    private final Adapter tomcat;

    BadRequests(Adapter tomcat) {
      this.tomcat = tomcat;
    }

    @Override
    public void service(org.apache.coyote.Request req, org.apache.coyote.Response res)
        throws Exception {
      if (res.getStatus() < 400 || res.isCommitted()) {
        tomcat.service(req, res);
        return;
      }
      // the request line may be unread, so the address is unknown: a problem then, since a
      // browser encodes what it sends and only scripts write such request lines
      String uri = req.requestURI().isNull() ? "" : req.requestURI().toString();
      String accept = String.valueOf(req.getHeader("Accept"));
      boolean json = uri.isEmpty() || wantsJson(uri, accept);
      byte[] body = render(res.getStatus(), json).getBytes(StandardCharsets.UTF_8);
      res.setContentType(
          (json ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE)
              + ";charset=UTF-8");
      res.setContentLength(body.length);
      res.doWrite(ByteBuffer.wrap(body));
    }

    @Override
    public boolean prepare(org.apache.coyote.Request req, org.apache.coyote.Response res)
        throws Exception {
      return tomcat.prepare(req, res);
    }

    @Override
    public boolean asyncDispatch(
        org.apache.coyote.Request req, org.apache.coyote.Response res, SocketEvent status)
        throws Exception {
      return tomcat.asyncDispatch(req, res, status);
    }

    @Override
    public void log(org.apache.coyote.Request req, org.apache.coyote.Response res, long time) {
      tomcat.log(req, res, time);
    }

    @Override
    public void checkRecycled(org.apache.coyote.Request req, org.apache.coyote.Response res) {
      tomcat.checkRecycled(req, res);
    }

    @Override
    public String getDomain() {
      return tomcat.getDomain();
    }
  }

  /** An address under /api, or a client that asks for JSON. */
  static boolean wantsJson(String uri, String accept) {
    return uri.equals("/api")
        || uri.startsWith("/api/")
        || accept.contains("application/json")
        || accept.contains("application/problem+json");
  }

  /** The answer's body: the problem as JSON, or the page. */
  static String render(int status, boolean json) {
    Message message = Message.of(status);
    return json
        ? Problems.json(HttpStatusCode.valueOf(status), message.code(), message.both())
        : page(status, message);
  }

  /** The valve: a problem for API callers, a bilingual page for people. */
  public static final class Report extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      boolean json = wantsJson(request);
      try {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(
            json ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(render(status, json));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone or the response was closed meanwhile: nothing left to tell
      }
    }

    /** An address under /api, or a client that asks for JSON; the address may be unreadable. */
    private static boolean wantsJson(Request request) {
      String uri = "";
      String accept = "";
      try {
        uri = String.valueOf(request.getCoyoteRequest().requestURI());
        accept = String.valueOf(request.getCoyoteRequest().getHeader("Accept"));
      } catch (RuntimeException e) {
        // a request Tomcat could not parse may lack both: the page is the answer then
      }
      return ServerErrors.wantsJson(uri, accept);
    }
  }

  private static String page(int status, Message message) {
    String ko = HtmlUtils.htmlEscape(message.ko());
    String en = HtmlUtils.htmlEscape(message.en());
    return String.format(
        java.util.Locale.ROOT,
        """
        <!doctype html>
        <html lang="ko">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>국대 gukdae · %d</title>
        <link rel="stylesheet" href="/common/gukdae.css">
        </head>
        <body data-error="%d">
        <main>
        <h1>%d · %s</h1>
        <p>%s</p>
        <p lang="en">%s</p>
        <div class="card"><a href="/">처음으로 / Home</a></div>
        </main>
        </body>
        </html>
        """,
        status,
        status,
        status,
        ko,
        ko,
        en);
  }

  /** What Tomcat refused, in both languages, by status. */
  record Message(String code, String ko, String en) {

    static Message of(int status) {
      return switch (status) {
        case 400 ->
            new Message(
                "bad_request",
                "요청을 읽을 수 없습니다. 주소에 허용되지 않는 문자나 잘못된 % 표기가 없는지, 요청 줄과 헤더가 너무 길지 않은지 확인하세요",
                "the request could not be read: check the address for characters that must be"
                    + " percent-encoded or a malformed % escape, and that the request line and"
                    + " headers are not too long");
        case 413 ->
            new Message(
                "too_large",
                "요청 본문이 너무 큽니다. 더 작게 나누어 보내세요",
                "the request body is too large: send it in smaller parts");
        case 414 ->
            new Message(
                "uri_too_long",
                "주소가 너무 깁니다. 긴 값은 쿼리 대신 요청 본문으로 보내세요",
                "the address is too long: send long values in the request body, not the query");
        case 431 ->
            new Message(
                "headers_too_large",
                "요청 헤더가 너무 큽니다. 쿠키나 헤더를 줄이세요",
                "the request headers are too large: send fewer or shorter headers or cookies");
        case 505 ->
            new Message(
                "bad_http_version",
                "지원하지 않는 HTTP 버전입니다. HTTP/1.1을 쓰세요",
                "HTTP version not supported: use HTTP/1.1");
        default -> {
          HttpStatus known = HttpStatus.resolve(status);
          String phrase = known == null ? "error" : known.getReasonPhrase();
          yield status >= 500
              ? new Message(
                  "server_error",
                  "서버에서 요청을 처리하지 못했습니다. 잠시 뒤 다시 시도하세요",
                  "the server could not handle the request (" + phrase + "): try again later")
              : new Message(
                  "bad_request",
                  "요청을 처리할 수 없습니다 (HTTP " + status + ")",
                  "the request cannot be handled (" + phrase + ")");
        }
      };
    }

    String both() {
      return kr.gukdae.UserError.both(ko, en);
    }
  }
}
