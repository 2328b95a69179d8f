package kr.gukdae.app.access;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import kr.gukdae.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * The first thing every request meets. It sets the security headers (a CSP that allows no inline
 * script, no framing, no MIME sniffing, no referrer), refuses cross-site state changes (the {@code
 * Origin} or {@code Sec-Fetch-Site} a browser sends must name this site; clients that send neither
 * are not browsers and carry no one else's cookies), and bounds request bodies before anything
 * parses them: a declared length over the limit is refused at once, an undeclared one is cut off as
 * it streams.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class BoundaryFilter implements Filter {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * The one route that takes large bodies (review artefacts: reports, training logs), under its own
   * limit. Its handler streams the body to disk, counting and hashing, and refuses past the same
   * limit itself; nothing there parses the body.
   */
  static final String UPLOAD = "/api/review/artefacts/upload";

  private final long maxBody;
  private final long maxUpload;

  BoundaryFilter(
      @Value("${gukdae.web.max-body-bytes:1048576}") long maxBody,
      @Value("${gukdae.review.max-artefact-bytes:268435456}") long maxUpload) {
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    var request = (HttpServletRequest) req;
    var response = (HttpServletResponse) res;
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
      refuse(
          response,
          403,
          "cross_site",
          "다른 사이트에서 보낸 요청은 거부됩니다 / refused: a state change sent from another site");
      return;
    }
    boolean upload = request.getMethod().equals("POST") && UPLOAD.equals(request.getRequestURI());
    long max = upload ? maxUpload : maxBody;
    if (request.getContentLengthLong() > max) {
      refuse(
          response,
          413,
          "too_large",
          "요청 본문이 너무 큽니다 (최대 " + max + " 바이트) / request body over " + max + " bytes");
      return;
    }
    chain.doFilter(upload ? request : new Bounded(request, maxBody), response);
  }

  /** Whether a browser says this request comes from another site. */
  static boolean crossSite(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin != null) {
      String host = request.getHeader("Host");
      return host == null
          || !origin
              .toLowerCase(Locale.ROOT)
              .equals((request.getScheme() + "://" + host).toLowerCase(Locale.ROOT));
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    return fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
  }

  private static void refuse(HttpServletResponse response, int status, String code, String text)
      throws IOException {
    response.setHeader("Connection", "close");
    Problems.write(response, HttpStatusCode.valueOf(status), code, text);
  }

  /** A request whose body stream fails once it passes the limit. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long max;
    private @Nullable ServletInputStream stream;

    Bounded(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream bounded = stream;
      if (bounded == null) {
        ServletInputStream in = super.getInputStream();
        bounded =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > max) {
                  throw new IOException("request body over " + max + " bytes");
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
        stream = bounded;
      }
      return bounded;
    }
  }
}
