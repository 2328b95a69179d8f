package kr.gukdae.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kr.gukdae.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server ({@code gukdae serve}) as a child JVM on the default embedded H2 database: votes
 * answered 200 are all there after the server is killed with SIGKILL right after the last answer.
 * Also checks what the embedded database exposes: H2's auto-server on loopback only, and no login
 * without the generated password.
 */
class EmbeddedH2KillTest {

  private static final int VOTES = 60;

  @TempDir Path home;

  private Process server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void acknowledgedVotesSurviveKillDashNineOnTheDefaultDatabase() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = start(port);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    awaitUp(http, port);

    Path db = home.resolve("db/gukdae");
    Path credentials = home.resolve("db/gukdae.credentials");
    assertThat(Files.getPosixFilePermissions(credentials).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    String password = Files.readString(credentials).strip();
    String url = "jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    // H2's auto-server (how the CLI reaches the running server's database) is on loopback only.
    var lock =
        java.util.regex.Pattern.compile("server=[^\\n]*:([0-9]+)")
            .matcher(
                Files.readString(home.resolve("db/gukdae.lock.db"), StandardCharsets.ISO_8859_1));
    assertThat(lock.find()).isTrue();
    int h2Port = Integer.parseInt(lock.group(1));
    try (var s = new java.net.Socket("127.0.0.1", h2Port)) {
      assertThat(s.isConnected()).isTrue();
    }
    for (var address : nonLoopbackAddresses()) {
      assertThatThrownBy(() -> new java.net.Socket(address, h2Port).close())
          .as("H2 auto-server reachable on " + address)
          .isInstanceOf(java.net.ConnectException.class);
    }
    assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
        .isInstanceOf(SQLException.class);

    List<String[]> battles = new ArrayList<>(); // {battle id, session token}
    try (var c = DriverManager.getConnection(url, "gukdae", password)) {
      var voter = c.prepareStatement("SELECT voter_id FROM arena_session WHERE token_hash = ?");
      var battle =
          c.prepareStatement(
              "INSERT INTO arena_battle (id, voter_id, voter_class, model_a, model_b, category,"
                  + " lang, prompt_hash, weight, created_at, expires_at) VALUES"
                  + " (?, ?, 'PUBLIC', 'demo/constant', 'demo/lexical-10', 'kill', 'ko', ?, 1.0, ?, ?)");
      var turn =
          c.prepareStatement(
              "INSERT INTO arena_turn (battle_id, turn_no, prompt, answer_a, answer_b, finished_at)"
                  + " VALUES (?, 1, '질문', '답 A', '답 B', ?)");
      Timestamp now = Timestamp.from(Instant.now());
      for (int i = 0; i < VOTES; i++) {
        String token = sessionToken(http, port);
        voter.setString(1, Sha256.hex(token));
        String voterId;
        try (var rs = voter.executeQuery()) {
          assertThat(rs.next()).isTrue();
          voterId = rs.getString(1);
        }
        String id = "kill-" + i;
        battle.setString(1, id);
        battle.setString(2, voterId);
        battle.setString(3, Sha256.hex(id));
        battle.setTimestamp(4, now);
        battle.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofHours(1))));
        battle.executeUpdate();
        turn.setString(1, id);
        turn.setTimestamp(2, now);
        turn.executeUpdate();
        battles.add(new String[] {id, token});
      }
    }

    Set<String> acknowledged = new HashSet<>();
    for (String[] b : battles) {
      var reply =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/api/arena/battles/" + b[0] + "/vote"))
                  .header("Content-Type", "application/json")
                  .header("Cookie", kr.gukdae.app.access.Access.COOKIE + "=" + b[1])
                  .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"A\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
      acknowledged.add(b[0]);
    }
    server.destroyForcibly(); // SIGKILL right after the last 200: no shutdown hook, no flush
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Set<String> stored = new HashSet<>();
    try (var c = DriverManager.getConnection(url, "gukdae", password);
        var rs = c.createStatement().executeQuery("SELECT battle_id FROM arena_vote")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    assertThat(acknowledged).hasSize(VOTES);
    assertThat(stored).containsAll(acknowledged);
  }

  private Process start(int port) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    var pb =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-Dgukdae.arena.models=demo/constant,demo/lexical-10",
            "-Dgukdae.arena.votes-per-minute=100000",
            "-Dgukdae.arena.battles-per-minute=100000",
            // all votes come from one machine and one network: the per-address limits of cheap
            // identities would refuse them, and this test is about durability, not stuffing
            "-Dgukdae.arena.votes-per-network-minute=100000",
            "-Dgukdae.access.anonymous-sessions-per-minute=100000",
            "-cp",
            System.getProperty("java.class.path"),
            "kr.gukdae.GukdaeApplication",
            "serve");
    pb.environment().keySet().removeIf(k -> k.startsWith("GUKDAE_DB_"));
    pb.environment().put("GUKDAE_HOME", home.toString());
    pb.environment().put("GUKDAE_PORT", String.valueOf(port));
    return pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile()).start();
  }

  private void awaitUp(HttpClient http, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/arena/session"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      if (server.waitFor(250, TimeUnit.MILLISECONDS)) {
        break;
      }
    }
    throw new AssertionError(
        "server did not start:\n" + Files.readString(home.resolve("server.log")));
  }

  private static List<java.net.InetAddress> nonLoopbackAddresses() throws Exception {
    List<java.net.InetAddress> out = new ArrayList<>();
    for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        nic.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).forEach(out::add);
      }
    }
    return out;
  }

  private static String sessionToken(HttpClient http, int port) throws Exception {
    var r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/arena/session"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String cookie =
        r.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith(kr.gukdae.app.access.Access.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
  }
}
