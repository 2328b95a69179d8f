package kr.gukdae.app.arena;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.gukdae.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/arena/battles/{id}/vote}, served first thing in the filter chain. The vote is
 * the arena's one high-volume request; through the dispatcher servlet, its handler lookup, argument
 * resolvers, content negotiation and message converters cost more CPU than the vote itself
 * (profiled under load). Here the body is read with a size bound, parsed as a JSON tree, and the
 * reveal is written with the application's own JSON mapper, so replies look exactly as the rest of
 * the API's: the reveal record, or the API's one problem shape ({@link Problems}) for a refusal.
 * The voter's cookie-only session is taken from this instance's memory when it has read it before,
 * and confirmed live in the vote's own transaction ({@link VoteAdmission}), so a vote costs no
 * session read of its own; a session found ended there is read again the usual way. Every other
 * request passes straight through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class VoteFilter implements Filter {

  private static final String PREFIX = "/api/arena/battles/";
  private static final String SUFFIX = "/vote";

  /** The page sends about 20 bytes; anything near this is not a vote. */
  static final int MAX_BODY = 4096;

  private final Arena arena;
  private final SessionCookies cookies;
  private final JsonMapper json;

  VoteFilter(Arena arena, SessionCookies cookies, JsonMapper json) {
    this.arena = arena;
    this.cookies = cookies;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    var request = (HttpServletRequest) req;
    String battleId = battleId(request);
    if (battleId == null) {
      chain.doFilter(req, res);
      return;
    }
    var response = (HttpServletResponse) res;
    try {
      var outcome = Votes.parseOutcome(outcome(request));
      String network = Networks.of(request.getRemoteAddr());
      Votes.Reveal reveal = null;
      var known = cookies.remembered(request);
      if (known != null) {
        try {
          reveal =
              arena
                  .votes()
                  .vote(
                      Sessions.voter(known.principal()),
                      battleId,
                      outcome,
                      network,
                      known.tokenHash());
        } catch (ArenaException e) {
          if (!Votes.SESSION_ENDED.equals(e.code())) {
            throw e;
          }
          cookies.forget(known); // ended elsewhere: answered below as any ended cookie is
        }
      }
      if (reveal == null) {
        reveal = arena.votes().vote(cookies.voter(request, response), battleId, outcome, network);
      }
      reply(response, HttpStatus.OK, reveal);
    } catch (ArenaException e) {
      Problems.write(response, e.status(), e.code(), e.text());
    }
  }

  /** The battle id of a vote request, or null for any other request. */
  static @Nullable String battleId(HttpServletRequest request) {
    String uri = request.getRequestURI();
    if (!uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX) || !"POST".equals(request.getMethod())) {
      return null;
    }
    String id = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
    return id.isEmpty() || id.indexOf('/') >= 0 || !request.getContextPath().isEmpty() ? null : id;
  }

  /** The {@code outcome} of a {@code {"outcome": ...}} body; null when missing or not a string. */
  private @Nullable String outcome(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.regionMatches(true, 0, "application/json", 0, 16)) {
      throw new ArenaException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "bad_content_type",
          "request body: Content-Type: application/json으로 JSON을 보내세요 / send JSON with Content-Type: application/json");
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    JsonNode tree;
    try {
      tree = body.length > MAX_BODY ? null : json.readTree(body);
    } catch (JacksonException e) {
      tree = null;
    }
    if (tree == null || !tree.isObject()) {
      throw new ArenaException(
          HttpStatus.BAD_REQUEST,
          "bad_json",
          "request body: JSON 객체여야 합니다 / expected a JSON object");
    }
    JsonNode outcome = tree.get("outcome");
    return outcome != null && outcome.isString() ? outcome.asString() : null;
  }

  private void reply(HttpServletResponse response, HttpStatus status, Object body)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status.value());
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
