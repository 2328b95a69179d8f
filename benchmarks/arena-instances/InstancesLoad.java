import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vote throughput of 1 and then 2 web instances (java -jar gukdae.jar serve) on one PostgreSQL, in
 * one run. No sticky sessions: the client sends request i to instance i mod n, whatever the voter,
 * over keep-alive connections (what a layer-4 balancer does per request). Sessions are opened
 * through the API; battles (with one answered turn each) are inserted with SQL, so the phases
 * measure votes only. Each voter sends an X-Forwarded-For address from a network (/24) of its own,
 * as voters across a country do (the instances trust it from loopback, as they would from their
 * load balancer); GUKDAE_BENCH_ONE_NETWORK=1 sends none, so every vote comes from 127.0.0.0/24 and
 * its per-network limit row is shared by all of them. Afterwards every acknowledged vote is looked
 * up in the database.
 *
 * <p>Usage: java -cp postgresql.jar InstancesLoad.java JAR PG_URL VOTERS BATTLES_PER_VOTER CLIENTS
 * [POSTMASTER_PID]
 */
public class InstancesLoad {

  static String jar, pgUrl;
  static int voters, perVoter, clients;
  static long pgPid;
  static final List<Process> servers = new ArrayList<>();
  static final AtomicInteger refusals = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    jar = args[0];
    pgUrl = args[1];
    voters = Integer.parseInt(args[2]);
    perVoter = Integer.parseInt(args[3]);
    clients = Integer.parseInt(args[4]);
    pgPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(Process::destroyForcibly)));
    double[] rates = new double[3];
    for (int n = 1; n <= 2; n++) {
      rates[n] = phase(n);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-40s %10s%n", "web instances", "votes/s");
    System.out.printf(Locale.ROOT, "%-40s %10.0f%n", "1", rates[1]);
    System.out.printf(Locale.ROOT, "%-40s %10.0f%n", "2 (round robin, no sticky sessions)", rates[2]);
    System.out.printf(Locale.ROOT, "%-40s %10.2f%n", "ratio 2 / 1", rates[2] / rates[1]);
  }

  /** Starts n instances, seeds, votes every battle once, checks the database, stops them. */
  static double phase(int n) throws Exception {
    int[] ports = new int[n];
    for (int i = 0; i < n; i++) {
      ports[i] = freePort();
      servers.add(start(ports[i], i));
    }
    for (int port : ports) {
      awaitUp(port);
    }
    String[] tokens = new String[voters];
    for (int v = 0; v < voters; v++) {
      Reply r;
      try (Conn c = new Conn(ports[v % n])) {
        r = c.send(request("GET", "/api/arena/session", null, null));
      }
      if (r.status != 200 || r.cookie == null) {
        throw new IllegalStateException("session " + v + ": HTTP " + r.status + " " + r.body);
      }
      tokens[v] = r.cookie;
    }
    String[][] battles = seed(tokens, "p" + n);
    // warm-up: the first battle of every voter (JIT, pools); then the measured rest
    votes(ports, tokens, battles, 0, 1, null);
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    long[] cpu0 = cpu();
    long t0 = System.nanoTime();
    int ok = votes(ports, tokens, battles, 1, perVoter, acked);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] cpu1 = cpu();
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection(pgUrl);
        var rs = c.createStatement().executeQuery("SELECT battle_id FROM arena_vote WHERE battle_id LIKE 'p" + n + "-%'")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    long missing = acked.stream().filter(id -> !stored.contains(id)).count();
    int expected = voters * (perVoter - 1);
    System.out.printf(
        Locale.ROOT,
        "%d instance(s): %d of %d votes acknowledged in %.2f s = %.0f votes/s; acknowledged but"
            + " missing in the database: %d; CPU ms per vote: web instances %.3f, client %.3f,"
            + " PostgreSQL %.3f, the rest of the host (other users) %.3f%n",
        n, ok, expected, seconds, ok / seconds, missing,
        (cpu1[0] - cpu0[0]) / 1e6 / ok, (cpu1[1] - cpu0[1]) / 1e6 / ok,
        (cpu1[3] - cpu0[3]) / 1e6 / ok, (cpu1[2] - cpu0[2] - cpu1[3] + cpu0[3]) / 1e6 / ok);
    if (missing > 0 || ok != expected) {
      throw new IllegalStateException("votes lost or refused: see above");
    }
    for (Process p : servers) {
      p.destroy();
      p.waitFor();
    }
    servers.clear();
    return ok / seconds;
  }

  static Process start(int port, int i) throws IOException {
    Path home = Files.createTempDirectory("gukdae-bench-instance-");
    var pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dgukdae.arena.votes-per-minute=1000000",
            "-Dgukdae.arena.votes-per-network-minute=1000000",
            "-Dgukdae.arena.daily-votes-public=1000000",
            "-Dgukdae.access.anonymous-sessions-per-minute=1000000",
            "-Dserver.forward-headers-strategy=native",
            "-jar",
            jar,
            "serve");
    pb.environment().put("GUKDAE_HOME", home.toString());
    pb.environment().put("GUKDAE_PORT", String.valueOf(port));
    pb.environment().put("GUKDAE_DB_URL", pgUrl);
    pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
    return pb.start();
  }

  static void awaitUp(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      try (Conn c = new Conn(port)) {
        if (c.send(request("GET", "/api/arena/scenarios", null, null)).status == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("instance on port " + port + " did not start");
  }

  /** perVoter battles per voter, each with one stored turn, inserted with SQL. */
  static String[][] seed(String[] tokens, String prefix) throws Exception {
    String[][] ids = new String[tokens.length][perVoter];
    Timestamp now = Timestamp.from(Instant.now());
    Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofHours(2)));
    try (Connection c = DriverManager.getConnection(pgUrl)) {
      c.setAutoCommit(false);
      var voter = c.prepareStatement("SELECT voter_id FROM arena_session WHERE token_hash = ?");
      var battle =
          c.prepareStatement(
              "INSERT INTO arena_battle (id, voter_id, voter_class, model_a, model_b, category,"
                  + " lang, prompt_hash, weight, created_at, expires_at) VALUES"
                  + " (?, ?, 'PUBLIC', 'demo/lexical', 'demo/constant', 'bench', 'ko', ?, 1.0, ?, ?)");
      var turn =
          c.prepareStatement(
              "INSERT INTO arena_turn (battle_id, turn_no, prompt, answer_a, answer_b, finished_at)"
                  + " VALUES (?, 1, '질문', '답 A', '답 B', ?)");
      for (int v = 0; v < tokens.length; v++) {
        voter.setString(1, sha256(tokens[v]));
        String voterId;
        try (var rs = voter.executeQuery()) {
          rs.next();
          voterId = rs.getString(1);
        }
        for (int b = 0; b < perVoter; b++) {
          String id = prefix + "-" + v + "-" + b;
          ids[v][b] = id;
          battle.setString(1, id);
          battle.setString(2, voterId);
          battle.setString(3, sha256(id));
          battle.setTimestamp(4, now);
          battle.setTimestamp(5, expires);
          battle.addBatch();
          turn.setString(1, id);
          turn.setTimestamp(2, now);
          turn.addBatch();
        }
      }
      battle.executeBatch();
      turn.executeBatch();
      c.commit();
    }
    return ids;
  }

  /** Votes battles [from, to) of every voter; request i goes to instance i mod n. */
  static int votes(
      int[] ports, String[] tokens, String[][] battles, int from, int to,
      ConcurrentLinkedQueue<String> acked) throws InterruptedException {
    int total = (to - from) * tokens.length;
    byte[][] requests = new byte[total][];
    for (int i = 0; i < total; i++) {
      int v = i % tokens.length;
      requests[i] =
          request("POST", "/api/arena/battles/" + battles[v][from + i / tokens.length] + "/vote",
              tokens[v], "{\"outcome\":\"A\"}", ONE_NETWORK ? null : "11." + (v >> 8) + "." + (v & 255) + ".7");
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int w = 0; w < clients; w++) {
      Thread.ofPlatform().daemon().start(() -> {
        Conn[] conns = new Conn[ports.length];
        try {
          for (int i; (i = next.getAndIncrement()) < total; ) {
            int k = i % ports.length;
            try {
              if (conns[k] == null) {
                conns[k] = new Conn(ports[k]);
              }
              Reply r = conns[k].send(requests[i]);
              if (r.close) { // Tomcat ends a keep-alive connection after 100 requests
                conns[k].close();
                conns[k] = null;
              }
              if (r.status == 200 && r.body.contains("\"modelA\"")) {
                ok.incrementAndGet();
                if (acked != null) {
                  int v = i % tokens.length;
                  acked.add(battles[v][from + i / tokens.length]);
                }
              } else if (refusals.getAndIncrement() < 5) {
                System.out.println("refused: HTTP " + r.status + " " + r.body);
              }
            } catch (IOException e) {
              if (refusals.getAndIncrement() < 5) {
                System.out.println("no reply: " + e);
              }
              if (conns[k] != null) {
                conns[k].close();
                conns[k] = null;
              }
            }
          }
        } finally {
          for (Conn c : conns) {
            if (c != null) {
              c.close();
            }
          }
          finished.countDown();
        }
      });
    }
    finished.await();
    return ok.get();
  }

  /** CPU nanoseconds so far: the web instances, this client, and everything else on the host. */
  static long[] cpu() throws IOException {
    long servers = 0;
    for (Process p : InstancesLoad.servers) {
      servers += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
    long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    // all of the host from /proc/stat (user + nice + system, in clock ticks of 10 ms)
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long host = (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])) * 10_000_000L;
    long pg =
        pgPid <= 0
            ? 0
            : ProcessHandle.of(pgPid).stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    return new long[] {servers, self, host - servers - self, pg};
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  static final boolean ONE_NETWORK = "1".equals(System.getenv("GUKDAE_BENCH_ONE_NETWORK"));

  static byte[] request(String method, String path, String token, String body) {
    return request(method, path, token, body, null);
  }

  static byte[] request(String method, String path, String token, String body, String client) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (client != null) {
      head.append("X-Forwarded-For: ").append(client).append("\r\n");
    }
    if (token != null) {
      head.append("Cookie: gukdae_session=").append(token).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
    }
    byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(h, h.length + content.length);
    System.arraycopy(content, 0, out, h.length, content.length);
    return out;
  }

  record Reply(int status, String body, String cookie, boolean close) {}

  /** One keep-alive HTTP/1.1 connection, one request at a time; Content-Length or chunked. */
  static final class Conn implements AutoCloseable {
    final Socket socket = new Socket();
    final InputStream in;
    final OutputStream out;

    Conn(int port) throws IOException {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 16384);
      out = socket.getOutputStream();
    }

    Reply send(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      int code = Integer.parseInt(line().substring(9, 12));
      int length = -1;
      boolean chunked = false;
      String cookie = null;
      boolean close = false;
      for (String h; !(h = line()).isEmpty(); ) {
        int colon = h.indexOf(':');
        String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Integer.parseInt(value);
          case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          case "set-cookie" -> {
            if (value.startsWith("gukdae_session=")) {
              cookie = value.substring(value.indexOf('=') + 1, value.indexOf(';'));
            }
          }
          default -> {}
        }
      }
      var body = new java.io.ByteArrayOutputStream();
      if (chunked) {
        for (int n; (n = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
          body.write(in.readNBytes(n));
          line();
        }
        while (!line().isEmpty()) {} // trailers
      } else if (length >= 0) {
        body.write(in.readNBytes(length));
      }
      return new Reply(code, body.toString(StandardCharsets.UTF_8), cookie, close);
    }

    String line() throws IOException {
      var b = new StringBuilder();
      for (int c; (c = in.read()) != '\n'; ) {
        if (c < 0) {
          throw new EOFException("connection closed");
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
