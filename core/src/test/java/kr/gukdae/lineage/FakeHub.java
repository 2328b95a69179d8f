package kr.gukdae.lineage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * FAKE Hugging Face Hub for tests: a real local HTTP server that answers {@code /api/models/<id>}
 * and {@code /api/models?filter=base_model:<id>} in the Hub's JSON shape, newest lastModified
 * first, paginated with a {@code Link: <…>; rel="next"} header. It can answer 429 with {@code
 * Retry-After} or fail a given page (always, or once: {@code failOnce} holds {@code
 * filter#cursor}), to exercise the client's manners. Public for app's job tests.
 */
public final class FakeHub implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Map<String, JsonNode> models = new HashMap<>();
  public final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  volatile int rateLimitNext;
  volatile String failCursor;

  /** Listing cursors that fail with a 500 once each (the next request for them succeeds). */
  public final Set<String> failOnce = ConcurrentHashMap.newKeySet();

  volatile String requiredToken;

  public FakeHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/models", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void put(Hub.Model model) {
    JsonNode node = JSON.readTree(model.json());
    models.put(node.get("id").asString().toLowerCase(Locale.ROOT), node);
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    requests.add(uri.toString());
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(auth == null ? "" : auth);
    if (requiredToken != null && !("Bearer " + requiredToken).equals(auth)) {
      send(exchange, 401, "{\"error\":\"Invalid credentials\"}");
      return;
    }
    if (rateLimitNext > 0) {
      rateLimitNext--;
      exchange.getResponseHeaders().add("Retry-After", "7");
      send(exchange, 429, "{\"error\":\"rate limited\"}");
      return;
    }
    String path = uri.getPath();
    if (path.length() > "/api/models/".length()) {
      JsonNode model = models.get(path.substring("/api/models/".length()).toLowerCase(Locale.ROOT));
      send(exchange, model == null ? 404 : 200, model == null ? "{}" : model.toString());
      return;
    }
    Map<String, String> query = query(uri.getRawQuery());
    String cursor = query.getOrDefault("cursor", "0");
    if (cursor.equals(failCursor) || failOnce.remove(query.get("filter") + "#" + cursor)) {
      send(exchange, 500, "{\"error\":\"boom\"}");
      return;
    }
    String tag = query.get("filter").toLowerCase(Locale.ROOT);
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode m : models.values()) {
      for (JsonNode t : m.get("tags")) {
        if (t.asString().toLowerCase(Locale.ROOT).equals(tag)) {
          matches.add(m);
        }
      }
    }
    matches.sort(
        Comparator.comparing((JsonNode m) -> m.get("lastModified").asString())
            .reversed()
            .thenComparing(m -> m.get("id").asString()));
    int from = Integer.parseInt(cursor);
    int limit = Integer.parseInt(query.get("limit"));
    ArrayNode page = JSON.createArrayNode();
    matches.stream().skip(from).limit(limit).forEach(page::add);
    if (from + limit < matches.size()) {
      String next =
          uri.getPath()
              + "?"
              + uri.getRawQuery().replaceAll("&cursor=\\d+", "")
              + "&cursor="
              + (from + limit);
      exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\"");
    }
    send(exchange, 200, page.toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
