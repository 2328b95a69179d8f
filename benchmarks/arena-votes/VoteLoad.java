import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Arena vote load test: the real gukdae server (java -jar gukdae.jar serve) on PostgreSQL over
 * loopback. Sessions are opened and battles started through the API (the demo models answer), or,
 * with GUKDAE_BENCH_SEED=sql, battles are inserted with SQL so the server has never seen them (the
 * path a vote takes after a restart). Votes go through POST /api/arena/battles/{id}/vote. Then the
 * server is killed with SIGKILL mid-load, restarted, and every acknowledged vote is looked up in
 * the database.
 *
 * <p>The client shares the machine's cores with the server, so it is kept lean: plain HTTP/1.1 over
 * keep-alive sockets with every request's bytes built before the clock starts, and a minimal reply
 * parser (status, Content-Length or chunked body).
 */
public class VoteLoad {

  static String jar, pgUrl;
  static int port, voters, concurrency;
  static long pgPid;
  static Process server;

  public static void main(String[] args) throws Exception {
    jar = args[0];
    pgUrl = args[1];
    port = Integer.parseInt(args[2]);
    voters = Integer.parseInt(args[3]);
    concurrency = Integer.parseInt(args[4]);
    pgPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
    boolean sqlSeed = "sql".equals(System.getenv("GUKDAE_BENCH_SEED"));
    int perVoter = 12;
    // A failed run must not leave its server behind (the PostgreSQL is stopped by run.sh).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (server != null) {
        server.destroyForcibly();
      }
    }));
    startServer();
    String[] tokens = new String[voters];
    byte[] session = request("GET", "/api/arena/session", null, null);
    parallel(voters, v -> session, (v, reply, nanos) -> tokens[v] = reply == null ? null : reply.cookie);
    if (Arrays.asList(tokens).contains(null)) {
      throw new IllegalStateException("some sessions could not be opened");
    }
    long s0 = System.nanoTime();
    String[][] battles = sqlSeed ? seed(tokens, perVoter) : start(tokens, perVoter);
    System.out.printf(
        "setup: %d sessions via the API, %d battles %s in %.1f s%n",
        voters,
        voters * perVoter,
        sqlSeed ? "inserted with SQL (server has not seen them)" : "started via the API, answered",
        (System.nanoTime() - s0) / 1e9);

    run(tokens, battles, 0, 1, null, null); // warm-up: JIT, connection pools, daily counts
    long[] latencies = new long[voters * 9];
    long[] cpu0 = cpu();
    long t0 = System.nanoTime();
    int ok = run(tokens, battles, 1, 10, latencies, null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] cpu1 = cpu();
    String jfr = System.getenv("GUKDAE_BENCH_JFR_DUMP"); // profile of the measured phase
    if (jfr != null && !jfr.isBlank()) {
      new ProcessBuilder("jcmd", String.valueOf(server.pid()), "JFR.dump", "filename=" + jfr)
          .inheritIO()
          .start()
          .waitFor();
    }
    Arrays.sort(latencies);
    double rate = ok / seconds;
    double p50 = latencies[latencies.length / 2] / 1e6;
    double p99 = latencies[(int) (latencies.length * 0.99)] / 1e6;
    double max = latencies[latencies.length - 1] / 1e6;
    System.out.printf(
        "measured: %d votes in %.2f s, %d refused or failed%n", ok, seconds, latencies.length - ok);

    // Crash test: kill -9 while votes are in flight (once a third of this phase's votes are
    // acknowledged, however fast they come), restart, look for every acknowledged vote.
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    int crashVotes = 2 * voters;
    Thread killer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (acked.size() < crashVotes / 3) {
                      Thread.sleep(1);
                    }
                  } catch (InterruptedException e) {
                    return; // the phase ended first: reported below as a missed kill
                  }
                  server.destroyForcibly(); // SIGKILL on Linux
                });
    run(tokens, battles, 10, 12, null, acked);
    killer.interrupt();
    killer.join();
    if (server.isAlive()) {
      throw new IllegalStateException("the crash phase ended before the server was killed");
    }
    server.waitFor();
    int exit = server.exitValue();
    startServer();
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection(pgUrl);
        var rs = c.createStatement().executeQuery("SELECT battle_id FROM arena_vote")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    long missing = acked.stream().filter(id -> !stored.contains(id)).count();
    // After the restart the same session cookie still works, and a re-vote is refused.
    String someAcked = acked.peek();
    int revote = -1;
    if (someAcked != null) {
      int voter = indexOf(battles, someAcked);
      try (Conn conn = new Conn()) {
        revote = conn.send(vote(someAcked, tokens[voter])).status;
      }
    }
    server.destroy();
    server.waitFor();

    System.out.println();
    System.out.printf("%-44s %12s %12s %8s%n", "metric", "measured", "target", "ratio");
    System.out.printf("%-44s %12.0f %12s %8.2f%n", "votes/s (closed loop, " + concurrency + " clients)", rate, ">= 2000", rate / 2000);
    System.out.printf("%-44s %12.1f %12s %8.2f%n", "p99 latency ms", p99, "< 100", p99 / 100);
    System.out.printf("%-44s %12.1f %12s%n", "p50 latency ms", p50, "");
    System.out.printf("%-44s %12.1f %12s%n", "max latency ms", max, "");
    String[] who = {"server JVM", pgPid > 0 ? "PostgreSQL" : "PostgreSQL (all on host)", "load client"};
    double cpuTotal = 0;
    for (int k = 0; k < 3; k++) {
      double perVote = (cpu1[k] - cpu0[k]) / 1e6 / ok;
      cpuTotal += perVote;
      System.out.printf("%-44s %12.3f %12s%n", "CPU ms per vote: " + who[k], perVote, "");
    }
    System.out.printf("%-44s %12.3f %12s%n", "CPU ms per vote: all three", cpuTotal, "");
    System.out.printf(
        "%-44s %12.0f %12s%n", "votes/s if 2 idle cores (2000 / CPU ms)", 2000 / cpuTotal, "");
    System.out.printf("%-44s %12d %12s%n", "server exit after SIGKILL", exit, "137");
    System.out.printf("%-44s %12s %12s%n", "votes acknowledged during the crash run", acked.size() + " of " + crashVotes, "");
    System.out.printf("%-44s %12d %12s%n", "acknowledged votes missing after restart", missing, "0");
    System.out.printf("%-44s %12d %12s%n", "re-vote after restart (HTTP status)", revote, "409");
    if (missing > 0 || rate < 2000 || p99 >= 100) {
      System.out.println("RESULT: target missed (see ratios)");
    } else {
      System.out.println("RESULT: all targets met");
    }
  }

  /**
   * CPU nanoseconds so far of the server, this benchmark's PostgreSQL (its postmaster and every
   * child: backends, WAL writer, checkpointer) and this client. Without the postmaster's pid (an
   * external database) every postgres process on the host is counted.
   */
  static long[] cpu() {
    var pg =
        pgPid > 0
            ? ProcessHandle.of(pgPid).stream().flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
            : ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").contains("postgres"));
    return new long[] {
      server.info().totalCpuDuration().map(Duration::toNanos).orElse(0L),
      pg.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum(),
      ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L)
    };
  }

  static int indexOf(String[][] battles, String id) {
    for (int v = 0; v < battles.length; v++) {
      if (Arrays.asList(battles[v]).contains(id)) {
        return v;
      }
    }
    throw new IllegalStateException(id);
  }

  /** Votes battles [from, to) of every voter, interleaved so each voter's votes are spread out. */
  static int run(
      String[] tokens, String[][] battles, int from, int to, long[] latencies, ConcurrentLinkedQueue<String> acked)
      throws InterruptedException {
    int total = (to - from) * tokens.length;
    byte[][] requests = new byte[total][]; // built before the clock starts
    for (int i = 0; i < total; i++) {
      int voter = i % tokens.length;
      requests[i] = vote(battles[voter][from + i / tokens.length], tokens[voter]);
    }
    AtomicInteger ok = new AtomicInteger();
    parallel(total, i -> requests[i], (i, reply, nanos) -> {
      int voter = i % tokens.length;
      if (reply != null && reply.status == 200 && acked != null && reply.body.contains("\"modelA\"")) {
        acked.add(battles[voter][from + i / tokens.length]);
      }
      if (latencies != null) {
        latencies[i] = nanos;
      }
      if (reply != null && reply.status == 200) {
        ok.incrementAndGet();
      }
    });
    return ok.get();
  }

  interface Done {
    void accept(int i, Reply reply, long nanos);
  }

  /** Sends requests 0..total-1 over {@code concurrency} keep-alive connections, closed loop. */
  static void parallel(int total, IntFunction<byte[]> request, Done done) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(concurrency);
    for (int w = 0; w < concurrency; w++) {
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                Conn conn = null;
                try {
                  for (int i; (i = next.getAndIncrement()) < total; ) {
                    byte[] bytes = request.apply(i);
                    long start = System.nanoTime();
                    Reply reply;
                    try {
                      if (conn == null) {
                        conn = new Conn();
                      }
                      reply = conn.send(bytes);
                      if (reply.close) {
                        conn.close();
                        conn = null;
                      }
                    } catch (IOException | RuntimeException e) {
                      reply = null; // the server is gone (crash run); keep trying the rest quickly
                      if (conn != null) {
                        conn.close();
                        conn = null;
                      }
                    }
                    done.accept(i, reply, System.nanoTime() - start);
                  }
                } finally {
                  if (conn != null) {
                    conn.close();
                  }
                  finished.countDown();
                }
              });
    }
    finished.await();
  }

  /** Starts {@code perVoter} battles for every voter through the API and waits for the answers. */
  static String[][] start(String[] tokens, int perVoter) throws Exception {
    String[][] ids = new String[tokens.length][perVoter];
    int total = tokens.length * perVoter;
    AtomicInteger failed = new AtomicInteger();
    parallel(
        total,
        i -> request(
            "POST",
            "/api/arena/battles",
            tokens[i % tokens.length],
            "{\"prompt\":\"벤치마크 질문 " + i + ": 서울의 인구는?\"}"),
        (i, reply, nanos) -> {
          if (reply == null || reply.status != 200) {
            failed.incrementAndGet();
            return;
          }
          int at = reply.body.indexOf("\"battleId\":\"") + 12;
          ids[i % tokens.length][i / tokens.length] = reply.body.substring(at, reply.body.indexOf('"', at));
        });
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " battles could not be started");
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    try (Connection c = DriverManager.getConnection(pgUrl)) {
      while (true) {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM arena_turn")) {
          rs.next();
          if (rs.getInt(1) >= total) {
            break;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("answers did not finish within 5 minutes");
        }
        Thread.sleep(200);
      }
    }
    Thread.sleep(500); // the last turns leave the live map just after their row is stored
    return ids;
  }

  static byte[] vote(String battle, String token) {
    return request("POST", "/api/arena/battles/" + battle + "/vote", token, "{\"outcome\":\"A\"}");
  }

  static byte[] request(String method, String path, String token, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    if (token != null) {
      head.append("Cookie: gukdae_session=").append(token).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(h, h.length + content.length);
    System.arraycopy(content, 0, out, h.length, content.length);
    return out;
  }

  record Reply(int status, String body, boolean close, String cookie) {}

  /** One keep-alive HTTP/1.1 connection; requests are sent one at a time (no pipelining). */
  static final class Conn implements AutoCloseable {
    final Socket socket = new Socket();
    final InputStream in;
    final OutputStream out;
    final byte[] line = new byte[8192];

    Conn() throws IOException {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      in = new BufferedInputStream(socket.getInputStream(), 16384);
      out = socket.getOutputStream();
    }

    Reply send(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
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
          case "set-cookie" -> cookie = value.substring(value.indexOf('=') + 1, value.indexOf(';'));
          default -> {}
        }
      }
      String body;
      if (chunked) {
        var buffer = new ByteArrayOutputStream();
        for (int n; (n = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
          buffer.write(in.readNBytes(n));
          line();
        }
        while (!line().isEmpty()) {} // trailers
        body = buffer.toString(StandardCharsets.UTF_8);
      } else if (length >= 0) {
        body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      } else {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        close = true;
      }
      return new Reply(code, body, close, cookie);
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

  static void startServer() throws Exception {
    Path home = Files.createTempDirectory("gukdae-bench-home");
    List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
    String extra = System.getenv("GUKDAE_BENCH_SERVER_OPTS"); // e.g. a JFR recording
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-Dgukdae.arena.models=demo/constant,demo/lexical-10",
            "-Dgukdae.arena.votes-per-minute=120",
            "-Dgukdae.arena.battles-per-minute=1000",
            "-Dlogging.level.root=WARN",
            "-jar",
            jar,
            "serve"));
    var pb = new ProcessBuilder(command);
    pb.environment().put("GUKDAE_DB_URL", pgUrl);
    pb.environment().put("GUKDAE_PORT", String.valueOf(port));
    pb.environment().put("GUKDAE_HOME", home.toString());
    pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
    server = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try (Conn conn = new Conn()) {
        if (conn.send(request("GET", "/api/arena/scenarios", null, null)).status == 200) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        // not up yet
      }
      if (!server.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("server did not start; see " + home.resolve("server.log"));
      }
      Thread.sleep(200);
    }
  }

  /** Battles with one finished turn each, inserted with SQL behind the server's back. */
  static String[][] seed(String[] tokens, int perVoter) throws Exception {
    String[][] ids = new String[tokens.length][perVoter];
    Timestamp now = Timestamp.from(Instant.now());
    Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofHours(2)));
    try (Connection c = DriverManager.getConnection(pgUrl)) {
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
          String id = "bench-" + v + "-" + k;
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

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
