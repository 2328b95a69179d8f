package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input on every route the application maps, over real HTTP, signed in with every role:
 * path variables, query parameters and every field of a JSON body (found from the handler's
 * signature, records followed into their components) set to values a parser chokes on (negative,
 * overflowing, not a number, an impossible date, a path out of the folder, an unknown enum name, an
 * empty list, nulls). The answer must never be a server error, and every refusal must be a problem
 * in both languages: the one-line message a person can act on, not a stack trace.
 */
class HostileInputHttpTest extends SharedHttpContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Not tried: sign-outs (they end the session the walk uses) and the scrape endpoint. */
  private static final Set<String> SKIPPED =
      Set.of("/api/access/logout", "/api/arena/logout", "/metrics", "/healthz", "/error");

  /** Text values, one per variant; path variables take the ones without a slash. */
  static final List<String> TEXT =
      List.of(
          "-1",
          "NaN",
          "99999999999999999999999",
          "2026-13-45",
          "../../../../etc/passwd",
          "",
          " ",
          "NOPE_NOT_A_NAME",
          "x".repeat(1000),
          "한글 ' \" <b>");

  private static final List<Object> NUMBERS =
      List.of(
          -1, 0, new java.math.BigInteger("99999999999999999999999"), -1e300, Integer.MIN_VALUE);

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApplicationContext context;

  /** One route as a handler declares it: what it reads from the path, the query and the body. */
  record Route(
      String method,
      String pattern,
      List<String> query,
      @Nullable Type body,
      Map<String, Boolean> queryRequired) {}

  @Test
  void noRouteAnswersHostileInputWithAServerErrorOrAMonolingualRefusal() throws Exception {
    TestClient client = TestClient.as(port, accounts, "hostile-walker", Role.values());
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    for (Route route : routes(context)) {
      for (int variant = 0; variant < TEXT.size(); variant++) {
        String path = path(route, variant);
        Object body =
            route.body() == null ? null : JSON.writeValueAsString(value(route.body(), variant, 0));
        var response =
            client.send(
                route.method(), path, body == null && !route.method().equals("GET") ? "{}" : body);
        requests++;
        String problem =
            check(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        if (problem != null) {
          wrong.add(
              route.method()
                  + " "
                  + abbreviate(path, 160)
                  + " "
                  + abbreviate(String.valueOf(body), 160)
                  + " -> "
                  + response.statusCode()
                  + " "
                  + problem);
        }
      }
    }
    assertThat(requests).isGreaterThan(500);
    assertThat(wrong).isEmpty();
  }

  @Test
  void theCheckItselfCatchesServerErrorsAndEnglishOnlyRefusals() {
    String json = "application/problem+json";
    assertThat(check(500, json, "{}")).isNotNull();
    assertThat(check(400, json, "{\"messageKo\":\"bad\",\"messageEn\":\"bad\"}")).isNotNull();
    assertThat(check(400, "text/html", "<html>Whitelabel</html>")).isNotNull();
    assertThat(check(404, json, "{\"messageKo\":\"없습니다\",\"messageEn\":\"no such run\"}")).isNull();
    assertThat(check(200, "application/json", "{}")).isNull();
  }

  /** Why a reply is wrong, or null when it is fine. */
  static @Nullable String check(int status, String contentType, String body) {
    if (status >= 500) {
      return "server error: " + abbreviate(body, 300);
    }
    if (status < 400) {
      return null;
    }
    if (!contentType.startsWith("application/problem+json")) {
      return "refusal is not a problem (" + contentType + "): " + abbreviate(body, 200);
    }
    JsonNode problem = JSON.readTree(body);
    String ko = problem.path("messageKo").asString("");
    String en = problem.path("messageEn").asString("");
    if (!UserError.hasKorean(ko) || en.isBlank() || en.equals(ko)) {
      return "refusal not in both languages: " + abbreviate(body, 300);
    }
    return null;
  }

  /** Every mapped /api route, read from the handlers' signatures. */
  static List<Route> routes(ApplicationContext context) {
    List<Route> out = new ArrayList<>();
    var names = new DefaultParameterNameDiscoverer();
    for (var mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
          mapping.getHandlerMethods().entrySet()) {
        List<String> query = new ArrayList<>();
        Map<String, Boolean> required = new TreeMap<>();
        Type body = null;
        for (MethodParameter p : e.getValue().getMethodParameters()) {
          p.initParameterNameDiscovery(names);
          RequestParam param = p.getParameterAnnotation(RequestParam.class);
          if (param != null && !Map.class.isAssignableFrom(p.getParameterType())) {
            String name =
                !param.name().isEmpty()
                    ? param.name()
                    : !param.value().isEmpty() ? param.value() : p.getParameterName();
            query.add(name);
            required.put(name, param.required());
          }
          if (p.hasParameterAnnotation(RequestBody.class)) {
            body = p.getGenericParameterType();
          }
        }
        Set<String> methods = new java.util.TreeSet<>();
        e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        if (methods.isEmpty()) {
          methods.add("GET");
        }
        for (String pattern : e.getKey().getPatternValues()) {
          if (SKIPPED.contains(pattern) || !pattern.startsWith("/api/")) {
            continue;
          }
          for (String method : methods) {
            out.add(new Route(method, pattern, query, body, required));
          }
        }
      }
    }
    out.sort(java.util.Comparator.comparing(r -> r.method() + " " + r.pattern()));
    assertThat(out).hasSizeGreaterThan(80);
    return out;
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  private static String path(Route route, int variant) {
    String value = TEXT.get(variant);
    String segment = value.contains("/") || value.isBlank() ? "-1" : encode(value);
    Matcher m = VARIABLE.matcher(route.pattern());
    String path = m.replaceAll(Matcher.quoteReplacement(segment));
    if (route.query().isEmpty()) {
      return path;
    }
    StringBuilder q = new StringBuilder();
    for (String name : route.query()) {
      q.append(q.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
    }
    return path + q;
  }

  /** A JSON value of this type filled with the variant's hostile values. */
  static @Nullable Object value(Type type, int variant, int depth) {
    if (depth > 4) {
      return null;
    }
    Class<?> raw =
        type instanceof Class<?> c
            ? c
            : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c
                ? c
                : Object.class;
    if (raw == String.class
        || raw.isEnum()
        || java.time.temporal.Temporal.class.isAssignableFrom(raw)) {
      return TEXT.get(variant);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return variant % 2 == 0 ? "maybe" : null;
    }
    if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
      return variant == 1 ? "NaN" : NUMBERS.get(variant % NUMBERS.size());
    }
    if (List.class.isAssignableFrom(raw)
        || Set.class.isAssignableFrom(raw)
        || java.util.Collection.class.isAssignableFrom(raw)) {
      Type element =
          type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      List<Object> list = new ArrayList<>();
      if (variant % 3 == 1) {
        list.add(null);
      } else if (variant % 3 == 2) {
        list.add(value(element, variant, depth + 1));
        list.add(value(element, variant, depth + 1));
      }
      return list;
    }
    if (Map.class.isAssignableFrom(raw)) {
      Type valueType =
          type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
      Map<String, Object> map = new LinkedHashMap<>();
      map.put(
          TEXT.get(variant).isEmpty() ? "k" : abbreviate(TEXT.get(variant), 40),
          value(valueType, variant, depth + 1));
      return map;
    }
    if (raw.isRecord()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (RecordComponent c : raw.getRecordComponents()) {
        object.put(c.getName(), value(c.getGenericType(), variant, depth + 1));
      }
      return object;
    }
    return TEXT.get(variant);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String abbreviate(String s, int n) {
    return s.length() > n ? s.substring(0, n) + "…" : s;
  }
}
