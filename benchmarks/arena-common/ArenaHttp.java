import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * What the arena's vote benchmarks share (benchmarks/arena-votes, benchmarks/arena-instances): the
 * server processes (java -jar gukdae.jar serve), a lean HTTP/1.1 client, voters' sessions, battles
 * inserted with SQL, the closed-loop driver and the CPU accounting. Both run.sh scripts compile this
 * file with their own main class.
 *
 * <p>The client shares the machine's cores with the servers, so it is kept lean: plain HTTP/1.1 over
 * keep-alive sockets with every request's bytes built before the clock starts, and a minimal reply
 * parser (status, Content-Length or chunked body). Each voter sends an X-Forwarded-For address from
 * a network (/24) of its own, as voters across a country do (the servers trust it from loopback, as
 * they would from their load balancer); GUKDAE_BENCH_ONE_NETWORK=1 sends none, so every vote comes
 * from 127.0.0.0/24 and shares its per-network limit.
 */
final class ArenaHttp {

  private ArenaHttp() {}

  static final boolean ONE_NETWORK = "1".equals(System.getenv("GUKDAE_BENCH_ONE_NETWORK"));

  /** The database both the servers and this client use (PostgreSQL or an H2 file in server mode). */
  static String dbUrl;

  /** PostgreSQL's postmaster (its CPU and its children's is counted), or -1. */
  static long pgPid = -1;

  static final List<Process> servers = new ArrayList<>();

  /** The H2 file's user and password (the first server creates it with them); none for PostgreSQL. */
  static String[] credentials() {
    return dbUrl.startsWith("jdbc:h2:") ? new String[] {"gukdae", "bench"} : new String[] {"", ""};
  }

  static Connection connect() throws java.sql.SQLException {
    String[] login = credentials();
    return login[0].isEmpty() ? DriverManager.getConnection(dbUrl) : DriverManager.getConnection(dbUrl, login[0], login[1]);
  }

  static {
    // A failed run must not leave its servers behind (the database is stopped by run.sh).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(Process::destroyForcibly)));
  }

  /**
   * Starts {@code java -jar jar serve} on {@code port}; {@code props} are its -D settings on top of
   * the ones every benchmark needs (limits that would refuse a load from one machine, the forwarded
   * addresses trusted). GUKDAE_BENCH_SERVER_OPTS adds JVM options (e.g. a flight recording).
   */
  static Process startServer(String jar, int port, String heap, List<String> props) throws IOException {
    Path home = Files.createTempDirectory("gukdae-bench-home-");
    List<String> command =
        new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
    String extra = System.getenv("GUKDAE_BENCH_SERVER_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-Dgukdae.access.anonymous-sessions-per-minute=1000000");
    command.add("-Dserver.forward-headers-strategy=native");
    command.add("-Dlogging.level.root=WARN");
    command.addAll(props);
    command.addAll(List.of("-jar", jar, "serve"));
    var pb = new ProcessBuilder(command);
    pb.environment().put("GUKDAE_HOME", home.toString());
    pb.environment().put("GUKDAE_PORT", String.valueOf(port));
    pb.environment().put("GUKDAE_DB_URL", dbUrl);
    pb.environment().put("GUKDAE_DB_USER", credentials()[0]);
    pb.environment().put("GUKDAE_DB_PASSWORD", credentials()[1]);
    pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
    Process p = pb.start();
    servers.add(p);
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (true) {
      try (Conn c = new Conn(port)) {
        if (c.send(request("GET", "/api/arena/scenarios", null, null, null)).status == 200) {
          return p;
        }
      } catch (IOException | RuntimeException notYet) {
        // not up yet
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("server did not start; see " + home.resolve("server.log"));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static void stopServers() throws InterruptedException {
    for (Process p : servers) {
      p.destroy();
      p.waitFor();
    }
    servers.clear();
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Voter v's client address: a /24 of its own, or none (GUKDAE_BENCH_ONE_NETWORK=1). */
  static String address(int v) {
    return ONE_NETWORK ? null : "11." + (v >> 8) + "." + (v & 255) + ".7";
  }

  /** One cookie-only session per voter through GET /api/arena/session, voter v on ports[v % n]. */
  static String[] sessions(int[] ports, int voters, int clients) throws InterruptedException {
    String[] tokens = new String[voters];
    parallel(ports, clients, voters, v -> request("GET", "/api/arena/session", null, null, address(v)),
        (v, reply, nanos) -> tokens[v] = reply == null || reply.status != 200 ? null : reply.cookie);
    if (Arrays.asList(tokens).contains(null)) {
      throw new IllegalStateException("some sessions could not be opened");
    }
    return tokens;
  }

  static byte[] vote(String battle, String token, int voter) {
    return request("POST", "/api/arena/battles/" + battle + "/vote", token, "{\"outcome\":\"A\"}", address(voter));
  }

  interface Done {
    void accept(int i, Reply reply, long nanos);
  }

  /**
   * Sends requests 0..total-1 over {@code clients} threads, closed loop, request i to ports[i % n]
   * over keep-alive connections (what a layer-4 balancer does per request, with no stickiness). A
   * request that gets no reply (a killed server) is reported with a null reply.
   */
  static void parallel(int[] ports, int clients, int total, IntFunction<byte[]> request, Done done)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int w = 0; w < clients; w++) {
      Thread.ofPlatform().daemon().start(() -> {
        Conn[] conns = new Conn[ports.length];
        try {
          for (int i; (i = next.getAndIncrement()) < total; ) {
            byte[] bytes = request.apply(i);
            int k = i % ports.length;
            long start = System.nanoTime();
            Reply reply;
            try {
              if (conns[k] == null) {
                conns[k] = new Conn(ports[k]);
              }
              reply = conns[k].send(bytes);
              if (reply.close) { // Tomcat ends a keep-alive connection after 100 requests
                conns[k].close();
                conns[k] = null;
              }
            } catch (IOException | RuntimeException e) {
              reply = null; // the server is gone (crash run); keep trying the rest quickly
              if (conns[k] != null) {
                conns[k].close();
                conns[k] = null;
              }
            }
            done.accept(i, reply, System.nanoTime() - start);
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
  }

  /** perVoter battles per voter, each with one finished turn, inserted with SQL behind the servers' backs. */
  static String[][] seed(String[] tokens, int perVoter, String prefix) throws Exception {
    String[][] ids = new String[tokens.length][perVoter];
    Timestamp now = Timestamp.from(Instant.now());
    Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofHours(2)));
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      var voterOf = c.prepareStatement("SELECT voter_id FROM arena_session WHERE token_hash = ?");
      var battle =
          c.prepareStatement(
              "INSERT INTO arena_battle (id, voter_id, voter_class, model_a, model_b, category, lang,"
                  + " prompt_hash, weight, created_at, expires_at)"
                  + " VALUES (?, ?, 'PUBLIC', 'demo/constant', 'demo/lexical-10', 'bench', 'ko', ?, 1.0, ?, ?)");
      var turn =
          c.prepareStatement(
              "INSERT INTO arena_turn (battle_id, turn_no, prompt, answer_a, answer_b, finished_at)"
                  + " VALUES (?, 1, '벤치마크 질문', '답 A', '답 B', ?)");
      for (int v = 0; v < tokens.length; v++) {
        voterOf.setString(1, sha256(tokens[v]));
        String voter;
        try (var rs = voterOf.executeQuery()) {
          rs.next();
          voter = rs.getString(1);
        }
        for (int k = 0; k < perVoter; k++) {
          String id = prefix + "-" + v + "-" + k;
          ids[v][k] = id;
          battle.setString(1, id);
          battle.setString(2, voter);
          battle.setString(3, sha256(id));
          battle.setTimestamp(4, now);
          battle.setTimestamp(5, expires);
          battle.addBatch();
          turn.setString(1, id);
          turn.setTimestamp(2, now);
          turn.addBatch();
        }
        if (v % 200 == 199 || v == tokens.length - 1) {
          battle.executeBatch();
          turn.executeBatch();
          c.commit();
        }
      }
    }
    return ids;
  }

  /** The battle ids with a stored vote among those starting with {@code prefix}. */
  static Set<String> storedVotes(String prefix) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Connection c = connect();
        var ps = c.prepareStatement("SELECT battle_id FROM arena_vote WHERE battle_id LIKE ?")) {
      ps.setString(1, prefix + "%");
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
    }
    return stored;
  }

  /**
   * CPU nanoseconds so far of: the servers, the database (PostgreSQL's postmaster and every child;
   * 0 for H2, which runs inside the first server), this client, and the whole host (/proc/stat).
   */
  static long[] cpu() throws IOException {
    long web = 0;
    for (Process p : servers) {
      web += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
    long db =
        pgPid <= 0
            ? 0
            : ProcessHandle.of(pgPid).stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long host = (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])) * 10_000_000L;
    return new long[] {web, db, self, host};
  }

  /** CPU ms per vote between two {@link #cpu()} readings: servers, database, client, rest of host. */
  static double[] perVote(long[] before, long[] after, int votes) {
    double[] out = new double[4];
    for (int k = 0; k < 3; k++) {
      out[k] = (after[k] - before[k]) / 1e6 / votes;
    }
    out[3] = ((after[3] - before[3]) - (after[0] - before[0]) - (after[1] - before[1]) - (after[2] - before[2])) / 1e6 / votes;
    return out;
  }

  static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return f[0] + " " + f[1] + " " + f[2];
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
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
    byte[] out = Arrays.copyOf(h, h.length + content.length);
    System.arraycopy(content, 0, out, h.length, content.length);
    return out;
  }

  record Reply(int status, String body, String cookie, boolean close) {}

  /** One keep-alive HTTP/1.1 connection, one request at a time (no pipelining). */
  static final class Conn implements AutoCloseable {
    final Socket socket = new Socket();
    final InputStream in;
    final OutputStream out;
    final byte[] line = new byte[8192];

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
      boolean close = false;
      String cookie = null;
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
      var body = new ByteArrayOutputStream();
      if (chunked) {
        for (int n; (n = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
          body.write(in.readNBytes(n));
          line();
        }
        while (!line().isEmpty()) {} // trailers
      } else if (length >= 0) {
        body.write(in.readNBytes(length));
      } else {
        body.write(in.readAllBytes());
        close = true;
      }
      return new Reply(code, body.toString(StandardCharsets.UTF_8), cookie, close);
    }

    /** One header line without its CR LF. */
    String line() throws IOException {
      int n = 0;
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          throw new EOFException("connection closed");
        }
        if (n < line.length) {
          line[n++] = (byte) b;
        }
      }
      if (n > 0 && line[n - 1] == '\r') {
        n--;
      }
      return new String(line, 0, n, StandardCharsets.ISO_8859_1);
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
