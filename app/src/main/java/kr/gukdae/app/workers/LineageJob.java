package kr.gukdae.app.workers;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.lineage.RulesQuery;
import kr.gukdae.lineage.DerivativeCount;
import kr.gukdae.lineage.HubCrawler;
import kr.gukdae.lineage.Lineage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Hub crawl and derivative count ({@code gukdae lineage --hub --root R}) cut into crawl pages:
 * one piece fetches the root's record, every other one listing page of one repo's derivatives. A
 * finished page queues its next page and the first page of every repo it lists (once per repo), so
 * the tree is walked by whichever workers are free; a page that fails is retried like any piece.
 * The merge replays the single-process crawl's breadth-first walk over the fetched pages ({@link
 * HubCrawler#replay}), so the cache, and the count over it, are those one process gives.
 *
 * <p>No request names a URL: every process crawls only the Hub in its own setting ({@link #hub()}),
 * and refuses a job whose spec names another (an edited row), a page outside {@code /api/models} of
 * it, and a next link leading elsewhere. The token comes from the worker's {@code HF_TOKEN}.
 */
final class LineageJob implements JobKind<LineageJob.Fetched> {

  static final String NAME = "lineage";

  private static final PieceCodec<Fetched> RESULTS = PieceCodec.of(NAME, Fetched.class);

  /** Where a Hub crawl may go: this setting on every process, the public Hub by default. */
  static URI hub() {
    String configured = System.getProperty("gukdae.lineage.hub");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("GUKDAE_LINEAGE_HUB");
    }
    return URI.create(
        configured == null || configured.isBlank() ? "https://huggingface.co" : configured.strip());
  }

  /**
   * What to crawl and count. {@code retries}: tries of one request inside a piece on 429/5xx before
   * the piece fails and goes back to the queue; {@code maxRepos} as {@code HubCrawler}; {@code
   * record}: the count is stored as {@code lineage_evidence} (as {@code gukdae lineage --record}).
   */
  record Spec(
      String root,
      String hub,
      int pageSize,
      int retries,
      int maxRepos,
      RulesQuery rules,
      int treeLimit,
      boolean record) {
    Spec {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(rules, "rules");
      if (!root.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw UserError.of(
            "root: '" + root + "'은(는) Hub 모델 id(ORG/NAME)가 아닙니다",
            "root: '" + root + "' is not a Hub model id (ORG/NAME)");
      }
      if (pageSize < 1 || pageSize > 1000 || retries < 0 || retries > 10 || maxRepos < 1) {
        throw UserError.of(
            "pageSize는 1–1000, retries는 0–10, maxRepos는 1 이상이어야 합니다",
            "pageSize must be 1–1000, retries 0–10, maxRepos at least 1");
      }
    }
  }

  /**
   * The root's record (fetched by the job's root, whatever {@code url} says), or page {@code page}
   * (from 1) of {@code query}'s listing at {@code url}.
   */
  record PieceSpec(boolean record, String query, int page, String url) {}

  /** What a piece fetched, with its place in the crawl (results are joined without their specs). */
  record Fetched(
      boolean record,
      String query,
      int page,
      @Nullable String model,
      List<String> models,
      @Nullable String next) {
    Fetched {
      Objects.requireNonNull(query, "query");
      models = List.copyOf(models);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PieceCodec<Fetched> codec() {
    return RESULTS;
  }

  @Override
  public List<Piece> split(String spec) {
    Spec s = JobJson.read(spec, Spec.class, "lineage job");
    HubCrawler crawler = crawler(s);
    String query = s.root().toLowerCase(Locale.ROOT);
    return List.of(
        new Piece("record " + s.root(), JobJson.write(new PieceSpec(true, query, 0, s.root()))),
        page(query, 1, crawler.listingUri(s.root()).toString()));
  }

  private static Piece page(String query, int page, String url) {
    return new Piece(
        "base_model:" + query + " · page " + page,
        JobJson.write(new PieceSpec(false, query, page, url)));
  }

  @Override
  public Fetched run(String jobId, String spec, String piece, Context context) {
    // a holder whose lease may have ended sends nothing: the page would be asked twice
    if (!context.mayStart()) {
      throw new PieceContext.Gone();
    }
    return run(jobId, spec, piece);
  }

  @Override
  public Fetched run(String jobId, String spec, String piece) {
    Spec s = JobJson.read(spec, Spec.class, "lineage job");
    PieceSpec p = JobJson.read(piece, PieceSpec.class, "lineage piece");
    HubCrawler crawler = crawler(s);
    if (p.record()) {
      return new Fetched(true, p.query(), 0, crawler.fetchRecord(s.root()), List.of(), null);
    }
    HubCrawler.Page page = crawler.fetchPage(URI.create(p.url()));
    return new Fetched(false, p.query(), p.page(), null, page.models(), page.next());
  }

  @Override
  public List<Piece> more(String jobId, String spec, String piece, Fetched f) {
    if (f.record()) {
      return List.of();
    }
    HubCrawler crawler = crawler(JobJson.read(spec, Spec.class, "lineage job"));
    List<Piece> more = new ArrayList<>();
    if (f.next() != null) {
      more.add(page(f.query(), f.page() + 1, f.next()));
    }
    for (String model : f.models()) {
      JsonNode id = JobJson.JSON.readTree(model).get("id");
      if (id != null && id.isString()) {
        more.add(
            page(
                id.asString().toLowerCase(Locale.ROOT),
                1,
                crawler.listingUri(id.asString()).toString()));
      }
    }
    return more;
  }

  @Override
  public Joined join(String jobId, String spec, List<Fetched> results) {
    Spec s = JobJson.read(spec, Spec.class, "lineage job");
    String rootRecord = null;
    Map<String, List<Fetched>> pages = new HashMap<>();
    for (Fetched f : results) {
      if (f.record()) {
        rootRecord = f.model();
      } else {
        pages.computeIfAbsent(f.query(), q -> new ArrayList<>()).add(f);
      }
    }
    List<String> cache =
        HubCrawler.replay(s.root(), rootRecord, q -> listing(jobId, q, pages), s.maxRepos());
    String text = cache.isEmpty() ? "" : String.join("\n", cache) + "\n";
    Lineage lineage =
        Lineage.loader()
            .addJsonLines("hub:" + s.root(), new BufferedReader(new StringReader(text)))
            .build();
    DerivativeCount count = lineage.count(s.root(), s.rules().rules(), Math.max(1, s.treeLimit()));
    ObjectNode out = JobJson.JSON.createObjectNode();
    out.put("root", s.root());
    out.put("hub", s.hub());
    out.put("repos", lineage.repos());
    out.put("cacheSha256", Sha256.hex(text));
    out.set("count", JobJson.JSON.valueToTree(count));
    out.set("explanation", JobJson.JSON.valueToTree(count.explanationEn()));
    out.set("explanationKo", JobJson.JSON.valueToTree(count.explanationKo()));
    out.set("ingest", JobJson.JSON.valueToTree(lineage.report()));
    out.set("cache", JobJson.JSON.valueToTree(cache));
    if (!s.record()) {
      String json = out.toString();
      return jdbc -> json;
    }
    // Stored by the merge's holder in the transaction that finishes the job, under the job's id:
    // a second store of the same job (two holders racing past the fence) fails on the key.
    String source =
        "hub " + s.hub() + " (job " + jobId + ", cache SHA-256 " + Sha256.hex(text) + ")";
    return jdbc -> {
      out.put(
          "evidenceId",
          LineageEvidenceRepository.save(jdbc, jobId, count, lineage.report(), source).id());
      return out.toString();
    };
  }

  /** A repo's listing pages in order; a gap in the chain of next links is a broken job. */
  private static List<HubCrawler.Page> listing(
      String jobId, String query, Map<String, List<Fetched>> pages) {
    List<Fetched> got = new ArrayList<>(pages.getOrDefault(query, List.of()));
    got.sort(Comparator.comparingInt(Fetched::page));
    for (int i = 0; i < got.size(); i++) {
      boolean last = i == got.size() - 1;
      if (got.get(i).page() != i + 1 || (got.get(i).next() == null) != last) {
        got = List.of();
        break;
      }
    }
    if (got.isEmpty()) {
      throw UserError.of(
          "job " + jobId + ": base_model:" + query + "의 목록 페이지가 빠져 있습니다. 작업을 다시 제출하세요",
          "job " + jobId + ": listing pages of base_model:" + query + " are missing; submit again");
    }
    return got.stream().map(f -> new HubCrawler.Page(f.models(), f.next())).toList();
  }

  /** The crawler of this process's Hub; a spec naming another Hub is refused, nothing fetched. */
  private static HubCrawler crawler(Spec s) {
    URI hub = hub();
    if (!URI.create(s.hub()).equals(hub)) {
      throw UserError.of(
          "lineage job: 작업의 허브 "
              + s.hub()
              + "이(가) 이 프로세스의 허브 "
              + hub
              + "와(과) 다릅니다. 요청하지 않습니다 (gukdae.lineage.hub / GUKDAE_LINEAGE_HUB)",
          "lineage job: the job's Hub "
              + s.hub()
              + " is not this process's Hub "
              + hub
              + "; nothing requested (gukdae.lineage.hub / GUKDAE_LINEAGE_HUB)");
    }
    return HubCrawler.confined(
        new HubCrawler.Settings(
            hub,
            System.getenv("HF_TOKEN"),
            s.pageSize(),
            s.retries(),
            Duration.ofMinutes(1),
            s.maxRepos()));
  }
}
