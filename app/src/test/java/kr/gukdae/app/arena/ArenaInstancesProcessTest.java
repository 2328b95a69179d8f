package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.testing.ChildJvm;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real web instances ({@code gukdae serve} in child JVMs) on one database (PostgreSQL when
 * {@code GUKDAE_TEST_PG_URL} is set, else an H2 file this JVM serves to them) behind a round-robin
 * proxy with no sticky sessions ({@link RoundRobinProxyFake}), the fake OpenAI server as the
 * models:
 *
 * <ul>
 *   <li>a cookie issued by A works on B, and a logout on B ends it on A, for a vote too (A
 *       remembers the cookie-only session it issued and must confirm it in the vote's transaction);
 *   <li>a turn generating on A streams to a browser connected to B, and B refuses a vote meanwhile;
 *   <li>a voter's per-minute vote limit and daily cap hold across A and B together;
 *   <li>a concurrent vote load through the proxy, every vote sent twice and B killed with SIGKILL
 *       midway (the client retries what got no answer): every acknowledged vote is stored exactly
 *       once, each battle has one vote, and it is the outcome the voter sent.
 * </ul>
 */
class ArenaInstancesProcessTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration STARTUP = Duration.ofSeconds(240);
  private static final int VOTES_PER_MINUTE = 8;
  private static final int DAILY_CAP = 3;
  private static final int LOAD_VOTERS = 40;
  private static final int LOAD_BATTLES_PER_VOTER = 2;

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void twoInstancesBehindARoundRobinProxyShareSessionsLimitsStreamsAndVotes() throws Exception {
    boolean postgres = System.getenv("GUKDAE_TEST_PG_URL") != null;
    String url =
        postgres
            ? TestDatabases.postgres()
            : "jdbc:h2:file:"
                + dir.resolve("db/gukdae")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    String user = postgres ? "" : "gukdae";
    String password = postgres ? "" : "s3cret";
    // This pool keeps an H2 file open, so this JVM serves it to both instances (AUTO_SERVER).
    try (var ds = pool(url, user, password);
        var fake = FakeOpenAiServer.start()) {
      Flyway.configure().dataSource(ds).load().migrate();
      JdbcClient jdbc = JdbcClient.create(ds);
      // a slow model: its turn is still generating when the other instance is asked about it
      register(jdbc, "fake-a", "fake:slow600", fake.baseUrl());
      register(jdbc, "fake-b", "fake:slow50", fake.baseUrl());
      int portA = freePort();
      int portB = freePort();
      try (ChildJvm a = instance(url, user, password, portA, "a");
          ChildJvm b = instance(url, user, password, portB, "b")) {
        a.awaitLine("gukdae is serving", STARTUP);
        b.awaitLine("gukdae is serving", STARTUP);
        try (var proxy = new RoundRobinProxyFake(List.of(portA, portB))) {
          sessionsWorkOnEitherInstance(portA, portB);
          streamsFollowATurnFromTheOtherInstance(portA, portB);
          limitsHoldAcrossInstances(portA, portB);
          concurrentVotesThroughTheProxyAreStoredOnce(jdbc, proxy, b);
          assertThat(proxy.served(0)).isPositive();
          assertThat(proxy.served(1)).isPositive();
        }
      }
    }
  }

  private void sessionsWorkOnEitherInstance(int a, int b) throws Exception {
    var first = send(a, "GET", "/api/arena/session", null, null);
    assertThat(first.statusCode()).isEqualTo(200);
    String cookie = cookie(first);
    String battle = startBattle(a, cookie, "세션은 어느 인스턴스에서나");
    // B knows the voter A issued the cookie to: the battle is theirs there too, and B opens no
    // new session for them
    var onB = send(b, "GET", "/api/arena/battles/" + battle, cookie, null);
    assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
    assertThat(onB.headers().allValues("Set-Cookie")).isEmpty();
    // answered, so a vote by its voter would now be taken
    assertThat(
            send(a, "GET", "/api/arena/battles/" + battle + "/turns/1/events", cookie, null).body())
        .contains("event:end");
    // a logout on B ends the session on A at once: A, which remembers the cookie it issued, still
    // confirms it inside the vote's transaction, finds it ended and answers a stranger: a new
    // session, and the battle is not theirs
    assertThat(send(b, "POST", "/api/arena/logout", cookie, "{}").statusCode()).isEqualTo(200);
    var voteAfterLogout = vote(a, cookie, battle, "A");
    assertThat(voteAfterLogout.statusCode()).as(voteAfterLogout.body()).isEqualTo(403);
    assertThat(JSON.readTree(voteAfterLogout.body()).get("error").asString())
        .isEqualTo("not_your_battle");
    assertThat(cookie(voteAfterLogout)).isNotEqualTo(cookie);
    var afterLogout = send(a, "GET", "/api/arena/battles/" + battle, cookie, null);
    assertThat(afterLogout.statusCode()).isEqualTo(403);
  }

  private void streamsFollowATurnFromTheOtherInstance(int a, int b) throws Exception {
    String cookie = cookie(send(a, "GET", "/api/arena/session", null, null));
    String battle = startBattle(a, cookie, "이 답은 다른 인스턴스로 흘러갑니다");
    // B sees the turn A is generating: still streaming, and no vote yet
    JsonNode state =
        JSON.readTree(send(b, "GET", "/api/arena/battles/" + battle, cookie, null).body());
    assertThat(state.get("streaming").asBoolean()).isTrue();
    var early = vote(b, cookie, battle, "A");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(early.body()).get("error").asString()).isEqualTo("not_answered");
    // the browser's stream lands on B and follows A's generation to the end
    var events = send(b, "GET", "/api/arena/battles/" + battle + "/turns/1/events", cookie, null);
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.body()).contains("event:delta", "event:done", "event:end");
    assertThat(events.body()).doesNotContain("fake-a", "fake-b", "fake:slow");
    JsonNode stored =
        JSON.readTree(send(b, "GET", "/api/arena/battles/" + battle, cookie, null).body());
    assertThat(stored.get("streaming").asBoolean()).isFalse();
    assertThat(stored.get("turns")).hasSize(1);
    assertThat(vote(b, cookie, battle, "A").statusCode()).isEqualTo(200);
    // a follow-up after the vote is refused on either instance
    var late =
        send(a, "POST", "/api/arena/battles/" + battle + "/turns", cookie, "{\"prompt\":\"더\"}");
    assertThat(late.statusCode()).isEqualTo(409);
  }

  private void limitsHoldAcrossInstances(int a, int b) throws Exception {
    // The daily cap: three votes alternating A, B, A; the fourth, on B, is refused.
    String cookie = cookie(send(a, "GET", "/api/arena/session", null, null));
    List<String> battles = new ArrayList<>();
    for (int i = 0; i < DAILY_CAP + 1; i++) {
      battles.add(startBattle(i % 2 == 0 ? a : b, cookie, "한도 " + i));
    }
    for (String battle : battles) {
      awaitAnswered(a, cookie, battle);
    }
    for (int i = 0; i < DAILY_CAP; i++) {
      assertThat(vote(i % 2 == 0 ? a : b, cookie, battles.get(i), "B").statusCode()).isEqualTo(200);
    }
    assertThat(error(vote(b, cookie, battles.get(DAILY_CAP), "B"))).isEqualTo("daily_cap");
    // The per-minute limit counts attempts: with 4 made, two more fit (on either instance), then
    // neither instance takes another.
    for (int i = DAILY_CAP + 1; i < VOTES_PER_MINUTE; i++) {
      assertThat(error(vote(i % 2 == 0 ? a : b, cookie, battles.get(0), "B")))
          .isEqualTo("already_voted");
    }
    assertThat(error(vote(a, cookie, battles.get(0), "B"))).isEqualTo("rate_limited");
    assertThat(error(vote(b, cookie, battles.get(0), "B"))).isEqualTo("rate_limited");
  }

  private void concurrentVotesThroughTheProxyAreStoredOnce(
      JdbcClient jdbc, RoundRobinProxyFake proxy, ChildJvm b) throws Exception {
    int port = proxy.port();
    Map<String, String> owner = new HashMap<>(); // battle -> cookie
    Map<String, String> outcome = new HashMap<>();
    String[] outcomes = {"A", "B", "tie", "bothbad"};
    for (int v = 0; v < LOAD_VOTERS; v++) {
      String cookie = cookie(send(port, "GET", "/api/arena/session", null, null));
      for (int i = 0; i < LOAD_BATTLES_PER_VOTER; i++) {
        String battle = startBattle(port, cookie, "부하 " + v + "-" + i);
        owner.put(battle, cookie);
        outcome.put(battle, outcomes[(v + i) % outcomes.length]);
      }
    }
    for (var e : owner.entrySet()) {
      awaitAnswered(port, e.getValue(), e.getKey());
    }
    // Every vote twice, 16 at a time; B dies once a third of them are acknowledged.
    List<String> requests = new ArrayList<>(owner.keySet());
    requests.addAll(owner.keySet());
    java.util.Collections.shuffle(requests, new java.util.Random(18));
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    var third = new java.util.concurrent.CountDownLatch(requests.size() / 3);
    AtomicInteger retries = new AtomicInteger();
    Thread killer =
        Thread.ofVirtual()
            .start(() -> {
              try {
                third.await();
              } catch (InterruptedException e) {
                return;
              }
              b.kill(); // SIGKILL, with votes in flight
            });
    try (var pool = Executors.newFixedThreadPool(16)) {
      List<Future<?>> futures = new ArrayList<>();
      for (String battle : requests) {
        futures.add(
            pool.submit(() -> {
              for (int attempt = 0; ; attempt++) {
                var reply = vote(port, owner.get(battle), battle, outcome.get(battle));
                int status = reply.statusCode();
                if (status == 200 && JSON.readTree(reply.body()).has("modelA")) {
                  acknowledged.merge(battle, 1, Integer::sum);
                } else if (status >= 500 && attempt < 5) {
                  retries.incrementAndGet();
                  continue; // no answer: the vote may or may not be in; send it again
                } else {
                  assertThat(status).as(reply.body()).isEqualTo(409);
                  assertThat(error(reply)).isEqualTo("already_voted");
                }
                third.countDown();
                return null;
              }
            }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    killer.join(Duration.ofSeconds(30));
    assertThat(b.isAlive()).as("B was killed during the load").isFalse();

    Map<String, String> stored = new HashMap<>();
    jdbc.sql("SELECT battle_id, outcome FROM arena_vote")
        .query(rs -> {
          stored.put(rs.getString(1), rs.getString(2));
        });
    // every battle has exactly its one vote (a vote that was committed just before B died and
    // retried on A counts once: A answers already_voted), with the outcome its voter sent
    for (String battle : owner.keySet()) {
      assertThat(stored).containsKey(battle);
      assertThat(stored.get(battle)).isEqualTo(Votes.parseOutcome(outcome.get(battle)).wireName());
    }
    // every acknowledged vote is stored, and no battle was acknowledged twice
    assertThat(stored.keySet()).containsAll(acknowledged.keySet());
    assertThat(acknowledged.values()).allMatch(n -> n == 1);
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(owner.size() - retries.get());
    // and nothing else: the load's battles plus the four votes of the earlier checks
    assertThat(stored).hasSize(owner.size() + 1 + DAILY_CAP);
  }

  private String startBattle(int port, String cookie, String prompt) throws Exception {
    var reply = send(port, "POST", "/api/arena/battles", cookie, "{\"prompt\":\"" + prompt + "\"}");
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return JSON.readTree(reply.body()).get("battleId").asString();
  }

  private void awaitAnswered(int port, String cookie, String battle) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      var reply = send(port, "GET", "/api/arena/battles/" + battle, cookie, null);
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
      JsonNode state = JSON.readTree(reply.body());
      if (!state.get("streaming").asBoolean() && !state.get("turns").isEmpty()) {
        return;
      }
      assertThat(System.nanoTime()).as("answers for " + battle).isLessThan(deadline);
      // the stream's end is the page's signal; waiting on it is waiting on the server, not a clock
      send(port, "GET", "/api/arena/battles/" + battle + "/turns/1/events", cookie, null);
    }
  }

  private HttpResponse<String> vote(int port, String cookie, String battle, String outcome)
      throws Exception {
    return send(
        port,
        "POST",
        "/api/arena/battles/" + battle + "/vote",
        cookie,
        "{\"outcome\":\"" + outcome + "\"}");
  }

  private static String error(HttpResponse<String> reply) {
    return JSON.readTree(reply.body()).get("error").asString();
  }

  private HttpResponse<String> send(
      int port, String method, String path, String cookie, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", Sessions.COOKIE + "=" + cookie);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException lost) {
      return new Lost(request.build());
    }
  }

  private static String cookie(HttpResponse<String> reply) {
    String prefix = Sessions.COOKIE + "=";
    return reply.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(prefix))
        .map(c -> c.substring(prefix.length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers()));
  }

  private ChildJvm instance(String url, String user, String password, int port, String name) {
    return ChildJvm.main("kr.gukdae.GukdaeApplication")
        .heap("384m")
        .fastStart("gukdae-arena-instances.jsa")
        .property("gukdae.arena.models", "fake-a,fake-b")
        .property("gukdae.models.allowed-networks", "127.0.0.1/32")
        .property("gukdae.arena.votes-per-minute", String.valueOf(VOTES_PER_MINUTE))
        .property("gukdae.arena.daily-votes-public", String.valueOf(DAILY_CAP))
        .property("gukdae.arena.battles-per-minute", "100000")
        // every client of this test comes from one address and one network
        .property("gukdae.arena.votes-per-network-minute", "100000")
        .property("gukdae.access.anonymous-sessions-per-minute", "100000")
        .withoutEnv("GUKDAE_")
        .env("GUKDAE_HOME", dir.resolve("home-" + name).toString())
        .env("GUKDAE_PORT", String.valueOf(port))
        .env("GUKDAE_DB_URL", url)
        .env("GUKDAE_DB_USER", user)
        .env("GUKDAE_DB_PASSWORD", password)
        .env("GUKDAE_KEY_FAKE", "not-checked-by-the-fake")
        .args("serve")
        .start();
  }

  private static void register(JdbcClient jdbc, String name, String model, String baseUrl) {
    jdbc.sql(
            "INSERT INTO registered_model (name, adapter, model, base_url, key_ref,"
                + " registered_by, registered_at) VALUES (?, 'openai', ?, ?, 'GUKDAE_KEY_FAKE',"
                + " 'test', ?)")
        .params(name, model, baseUrl, OffsetDateTime.now())
        .update();
  }

  private static HikariDataSource pool(String url, String user, String password) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(4);
    return ds;
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A request that got no reply at all (the connection died): a 599 the load loop retries. */
  private record Lost(HttpRequest request) implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return 599;
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(Map.of(), (k, v) -> true);
    }

    @Override
    public String body() {
      return "";
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
