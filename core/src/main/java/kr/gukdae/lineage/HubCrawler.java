package kr.gukdae.lineage;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crawls one root's model tree from the Hugging Face Hub API into a JSON Lines cache in the API's
 * own shape: the root's record, then for every repo in the tree the models tagged {@code
 * base_model:<repo>}, newest first, following {@code Link} pagination. The cursor file makes the
 * crawl resumable (per page) and incremental (per query, by lastModified). Counting then reads the
 * cache offline like any metadata file.
 */
public final class HubCrawler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param endpoint the Hub, e.g. {@code https://huggingface.co}
   * @param token a Hub access token, or null for anonymous access
   * @param pageSize models per listing page (the API's {@code limit})
   * @param maxRetries tries per request on 429, 5xx or network errors
   * @param maxRetryWait the longest single wait, whatever {@code Retry-After} says
   * @param maxRepos stop after the cache holds this many repos
   */
  public record Settings(
      URI endpoint,
      @Nullable String token,
      int pageSize,
      int maxRetries,
      Duration maxRetryWait,
      int maxRepos) {
    public Settings {
      if (pageSize < 1 || pageSize > 1000 || maxRetries < 0 || maxRepos < 1) {
        // LineageJob's spec refuses these first, naming the request field
        throw new IllegalArgumentException("bug: pageSize 1..1000, maxRetries >= 0, maxRepos >= 1");
      }
    }

    public static Settings of(URI endpoint, @Nullable String token) {
      return new Settings(endpoint, token, 500, 6, Duration.ofMinutes(5), 500_000);
    }
  }

  /** What one crawl did. */
  public record Result(int requests, int retries, int queries, int appended, int repos) {}

  private final HttpClient client;
  private final Settings settings;
  private final HubHttp.Sleeper sleeper;

  HubCrawler(HttpClient client, Settings settings, HubHttp.Sleeper sleeper) {
    this.client = client;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  public static HubCrawler create(Settings settings) {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    return new HubCrawler(client, settings, Thread::sleep);
  }

  /**
   * A crawler for pieces run on behalf of others (a job's workers): it follows no redirect, so the
   * token and the requests stay on the configured Hub; a 3xx answer is an error.
   */
  public static HubCrawler confined(Settings settings) {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    return new HubCrawler(client, settings, Thread::sleep);
  }

  public Result crawl(String root, Path cache, Path cursorFile) {
    HubHttp http = new HubHttp(client, settings, sleeper);
    CrawlCursor cursor = CrawlCursor.load(cursorFile);
    Map<String, Long> known = readCache(cache);
    ArrayDeque<String> queue = new ArrayDeque<>();
    Set<String> queued = new HashSet<>();
    int[] appended = {0};
    int queries = 0;
    try (BufferedWriter out =
        Files.newBufferedWriter(
            cache, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      HubHttp.Page page = http.get(settings.endpoint().resolve("/api/models/" + root));
      if (page != null) {
        append(parse(page.body(), "/api/models/" + root), known, out, appended);
        out.flush();
      }
      enqueue(root, queue, queued);
      known.keySet().forEach(id -> enqueue(id, queue, queued));
      while (!queue.isEmpty() && known.size() < settings.maxRepos()) {
        String id = queue.poll();
        queries++;
        crawlQuery(id, http, cursor, known, out, appended, queue, queued);
      }
    } catch (IOException e) {
      throw UserError.of(
          cache + ": 크롤 캐시를 쓸 수 없습니다 (" + e.getMessage() + ")",
          cache + ": cannot write the crawl cache (" + e.getMessage() + ")",
          e);
    }
    return new Result(http.requests, http.retries, queries, appended[0], known.size());
  }

  private void crawlQuery(
      String id,
      HubHttp http,
      CrawlCursor cursor,
      Map<String, Long> known,
      BufferedWriter out,
      int[] appended,
      ArrayDeque<String> queue,
      Set<String> queued)
      throws IOException {
    String query = "base_model:" + id.toLowerCase(Locale.ROOT);
    CrawlCursor.Pending pending = cursor.pending.get(query);
    long highWater = cursor.highWater.getOrDefault(query, Long.MIN_VALUE);
    long newest = pending == null ? Long.MIN_VALUE : pending.newest();
    URI uri = pending == null ? listing(id) : URI.create(pending.next());
    while (true) {
      HubHttp.Page page = http.get(uri);
      URI next = null;
      if (page != null) {
        JsonNode models = parse(page.body(), uri.toString());
        if (!models.isArray()) {
          throw UserError.of(
              uri + ": 모델의 JSON 배열이어야 합니다", uri + ": expected a JSON array of models");
        }
        boolean reachedSeen = false;
        for (JsonNode model : models) {
          long modified = time(model.get("lastModified"));
          if (modified != Long.MIN_VALUE && modified <= highWater) {
            reachedSeen = true;
            break;
          }
          newest = Math.max(newest, modified);
          String child = append(model, known, out, appended);
          if (child != null) {
            enqueue(child, queue, queued);
          }
        }
        out.flush();
        next = reachedSeen ? null : page.next();
      }
      if (next == null) {
        cursor.highWater.put(query, Math.max(highWater, newest));
        cursor.pending.remove(query);
        cursor.save();
        return;
      }
      cursor.pending.put(query, new CrawlCursor.Pending(next.toString(), newest));
      cursor.save();
      uri = next;
    }
  }

  /**
   * One listing page as a job's piece fetches it: each model as the cache stores it, and the URL of
   * the next page ({@code null} on the last, or when the Hub has no such listing).
   */
  public record Page(List<String> models, @Nullable String next) {
    public Page {
      models = List.copyOf(models);
    }
  }

  /** The first listing page of {@code id}'s derivatives, as {@link #crawl} asks for it. */
  public URI listingUri(String id) {
    return listing(id);
  }

  /**
   * A repo's own record as the cache stores it, or null when the Hub has none (deleted, private).
   */
  public @Nullable String fetchRecord(String id) {
    URI uri = settings.endpoint().resolve("/api/models/" + id);
    confine(uri);
    HubHttp.Page page = new HubHttp(client, settings, sleeper).get(uri);
    return page == null ? null : JSON.writeValueAsString(parse(page.body(), uri.toString()));
  }

  /**
   * One listing page, from the configured Hub only: a URL on another host or outside {@code
   * /api/models} (a next link a hostile answer planted, an edited job) is refused before any
   * request, and so is a next link that leads there.
   */
  public Page fetchPage(URI uri) {
    confine(uri);
    HubHttp.Page page = new HubHttp(client, settings, sleeper).get(uri);
    if (page == null) {
      return new Page(List.of(), null);
    }
    JsonNode models = parse(page.body(), uri.toString());
    if (!models.isArray()) {
      throw UserError.of(
          uri + ": 모델 목록(JSON 배열)이 와야 합니다", uri + ": expected a JSON array of models");
    }
    List<String> out = new ArrayList<>();
    models.forEach(m -> out.add(JSON.writeValueAsString(m)));
    if (page.next() != null) {
      confine(page.next());
    }
    return new Page(out, page.next() == null ? null : page.next().toString());
  }

  private void confine(URI uri) {
    URI hub = settings.endpoint();
    boolean same =
        hub.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
            && hub.getHost() != null
            && hub.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
            && port(hub) == port(uri)
            && uri.getRawUserInfo() == null
            && String.valueOf(uri.normalize().getRawPath()).startsWith("/api/models")
            && !String.valueOf(uri.getRawPath()).contains("/..")
            && !String.valueOf(uri.getRawPath()).toLowerCase(Locale.ROOT).contains("%2e");
    if (!same) {
      throw UserError.of(
          uri + ": 설정된 허브(" + hub + ")의 /api/models 밖이라 요청하지 않습니다",
          uri + ": not under " + hub + "/api/models, the configured Hub; not requested");
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /**
   * The cache lines a fresh {@link #crawl} writes, rebuilt from pages fetched elsewhere (by a job's
   * pieces, in any order): the same breadth-first walk, the same rule for duplicates, the same stop
   * at {@code maxRepos}. {@code pages} gives a repo's listing pages (by lower-case id), in order.
   */
  public static List<String> replay(
      String root, @Nullable String rootRecord, Function<String, List<Page>> pages, int maxRepos) {
    Map<String, Long> known = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    Set<String> queued = new HashSet<>();
    int[] appended = {0};
    StringWriter text = new StringWriter();
    try (BufferedWriter out = new BufferedWriter(text)) {
      if (rootRecord != null) {
        append(parse(rootRecord, "root record"), known, out, appended);
      }
      enqueue(root, queue, queued);
      known.keySet().forEach(id -> enqueue(id, queue, queued));
      while (!queue.isEmpty() && known.size() < maxRepos) {
        for (Page page : pages.apply(queue.poll().toLowerCase(Locale.ROOT))) {
          for (String model : page.models()) {
            String child = append(parse(model, "page"), known, out, appended);
            if (child != null) {
              enqueue(child, queue, queued);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("bug: writing to memory failed", e);
    }
    return text.toString().lines().toList();
  }

  private URI listing(String id) {
    String filter = URLEncoder.encode("base_model:" + id, StandardCharsets.UTF_8);
    return settings
        .endpoint()
        .resolve(
            "/api/models?filter="
                + filter
                + "&full=true&cardData=true&sort=lastModified&direction=-1&limit="
                + settings.pageSize());
  }

  /** Appends the record when it is new or newer than the cached one; returns its id. */
  private static @Nullable String append(
      JsonNode model, Map<String, Long> known, BufferedWriter out, int[] appended)
      throws IOException {
    JsonNode idNode = model.get("id");
    String id = idNode != null && idNode.isString() ? idNode.asString() : null;
    long modified = time(model.get("lastModified"));
    String key = id == null ? null : id.toLowerCase(Locale.ROOT);
    Long cached = key == null ? null : known.get(key);
    if (cached == null || modified > cached) {
      // Records without an id are kept too: offline ingestion reports them as skipped.
      out.write(JSON.writeValueAsString(model));
      out.newLine();
      appended[0]++;
      if (key != null) {
        known.put(key, modified);
      }
    }
    return id;
  }

  private static void enqueue(String id, ArrayDeque<String> queue, Set<String> queued) {
    if (queued.add(id.toLowerCase(Locale.ROOT))) {
      queue.add(id);
    }
  }

  private static JsonNode parse(String body, String where) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw UserError.of(
          where + ": 허브가 JSON이 아닌 응답을 보냈습니다 (" + e.getOriginalMessage() + ")",
          where
              + ": the Hub answered with something that is not JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }

  private static long time(@Nullable JsonNode node) {
    if (node == null || !node.isString()) {
      return Long.MIN_VALUE;
    }
    try {
      return IsoTime.parse(node.asString());
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }

  /** Ids (lower case) and lastModified of what the cache already holds. */
  private static Map<String, Long> readCache(Path cache) {
    Map<String, Long> known = new HashMap<>();
    if (!Files.exists(cache)) {
      return known;
    }
    try (BufferedReader reader = Files.newBufferedReader(cache, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = JSON.readTree(line);
          JsonNode id = node.get("id");
          if (id != null && id.isString()) {
            known.merge(
                id.asString().toLowerCase(Locale.ROOT), time(node.get("lastModified")), Math::max);
          }
        } catch (JacksonException e) {
          // A torn last line from an interrupted crawl; ingestion reports it, the crawl refetches.
        }
      }
    } catch (IOException e) {
      throw UserError.of(
          cache + ": 크롤 캐시를 읽을 수 없습니다 (" + e.getMessage() + ")",
          cache + ": cannot read the crawl cache (" + e.getMessage() + ")",
          e);
    }
    return known;
  }
}
