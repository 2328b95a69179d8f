import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arena vote load test: the real gukdae server (java -jar gukdae.jar serve) on its database over
 * loopback. Sessions are opened and battles started through the API (the demo models answer), or,
 * with GUKDAE_BENCH_SEED=sql, battles are inserted with SQL so the server has never seen them.
 * Votes go through POST /api/arena/battles/{id}/vote. Then the server is killed with SIGKILL
 * mid-load, restarted, and every acknowledged vote is looked up in the database. The client, the
 * server and the database share the machine's cores (see {@link ArenaHttp}).
 *
 * <p>Usage (see run.sh): java -cp CLIENT VoteLoad JAR DB_URL VOTERS CLIENTS [POSTMASTER_PID]
 */
public class VoteLoad {

  static String jar;
  static int port, voters, concurrency;
  static Process server;

  public static void main(String[] args) throws Exception {
    jar = args[0];
    ArenaHttp.dbUrl = args[1];
    voters = Integer.parseInt(args[2]);
    concurrency = Integer.parseInt(args[3]);
    ArenaHttp.pgPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
    port = ArenaHttp.freePort();
    boolean sqlSeed = "sql".equals(System.getenv("GUKDAE_BENCH_SEED"));
    int perVoter = 12;
    startServer();
    int[] ports = {port};
    String[] tokens = ArenaHttp.sessions(ports, voters, concurrency);
    long s0 = System.nanoTime();
    String[][] battles = sqlSeed ? ArenaHttp.seed(tokens, perVoter, "bench") : start(tokens, perVoter);
    System.out.printf(
        Locale.ROOT,
        "setup: %d sessions via the API, %d battles %s in %.1f s%n",
        voters,
        voters * perVoter,
        sqlSeed ? "inserted with SQL (server has not seen them)" : "started via the API, answered",
        (System.nanoTime() - s0) / 1e9);

    run(tokens, battles, 0, 1, null, null); // warm-up: JIT, connection pools, daily counts
    long[] latencies = new long[voters * 9];
    String load0 = ArenaHttp.loadAverage();
    long[] cpu0 = ArenaHttp.cpu();
    long t0 = System.nanoTime();
    int ok = run(tokens, battles, 1, 10, latencies, null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] cpu = ArenaHttp.perVote(cpu0, ArenaHttp.cpu(), Math.max(ok, 1));
    String load1 = ArenaHttp.loadAverage();
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
        Locale.ROOT,
        "measured: %d votes in %.2f s, %d refused or failed (load average %s -> %s)%n",
        ok, seconds, latencies.length - ok, load0, load1);

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
    ArenaHttp.servers.remove(server);
    startServer();
    Set<String> stored = ArenaHttp.storedVotes("");
    long missing = acked.stream().filter(id -> !stored.contains(id)).count();
    // After the restart the same session cookie still works, and a re-vote is refused.
    String someAcked = acked.peek();
    int revote = -1;
    if (someAcked != null) {
      int voter = indexOf(battles, someAcked);
      try (var conn = new ArenaHttp.Conn(port)) {
        revote = conn.send(ArenaHttp.vote(someAcked, tokens[voter], voter)).status();
      }
    }
    ArenaHttp.stopServers();

    System.out.println();
    System.out.printf("%-44s %12s %12s %8s%n", "metric", "measured", "target", "ratio");
    System.out.printf(Locale.ROOT, "%-44s %12.0f %12s %8.2f%n", "votes/s (closed loop, " + concurrency + " clients)", rate, ">= 2000", rate / 2000);
    System.out.printf(Locale.ROOT, "%-44s %12.1f %12s %8.2f%n", "p99 latency ms", p99, "< 100", p99 / 100);
    System.out.printf(Locale.ROOT, "%-44s %12.1f %12s%n", "p50 latency ms", p50, "");
    System.out.printf(Locale.ROOT, "%-44s %12.1f %12s%n", "max latency ms", max, "");
    String[] who = {"server JVM", ArenaHttp.pgPid > 0 ? "PostgreSQL" : "database (H2: in the server)", "load client", "rest of the host (others)"};
    for (int k = 0; k < 4; k++) {
      System.out.printf(Locale.ROOT, "%-44s %12.3f %12s%n", "CPU ms per vote: " + who[k], cpu[k], "");
    }
    double ours = cpu[0] + cpu[1] + cpu[2];
    System.out.printf(Locale.ROOT, "%-44s %12.3f %12s%n", "CPU ms per vote: server, database, client", ours, "");
    System.out.printf(Locale.ROOT, "%-44s %12.0f %12s%n", "votes/s if 2 idle cores (2000 / CPU ms)", 2000 / ours, "");
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

  static void startServer() throws Exception {
    server =
        ArenaHttp.startServer(
            jar,
            port,
            "1g",
            List.of(
                "-Dgukdae.arena.models=demo/constant,demo/lexical-10",
                "-Dgukdae.arena.votes-per-minute=120",
                "-Dgukdae.arena.battles-per-minute=1000"));
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
      requests[i] = ArenaHttp.vote(battles[voter][from + i / tokens.length], tokens[voter], voter);
    }
    AtomicInteger ok = new AtomicInteger();
    ArenaHttp.parallel(new int[] {port}, concurrency, total, i -> requests[i], (i, reply, nanos) -> {
      int voter = i % tokens.length;
      boolean accepted = reply != null && reply.status() == 200 && reply.body().contains("\"modelA\"");
      if (accepted && acked != null) {
        acked.add(battles[voter][from + i / tokens.length]);
      }
      if (latencies != null) {
        latencies[i] = nanos;
      }
      if (accepted) {
        ok.incrementAndGet();
      }
    });
    return ok.get();
  }

  /** Starts {@code perVoter} battles for every voter through the API and waits for the answers. */
  static String[][] start(String[] tokens, int perVoter) throws Exception {
    String[][] ids = new String[tokens.length][perVoter];
    int total = tokens.length * perVoter;
    AtomicInteger failed = new AtomicInteger();
    ArenaHttp.parallel(
        new int[] {port},
        concurrency,
        total,
        i -> ArenaHttp.request(
            "POST",
            "/api/arena/battles",
            tokens[i % tokens.length],
            "{\"prompt\":\"벤치마크 질문 " + i + ": 서울의 인구는?\"}",
            ArenaHttp.address(i % tokens.length)),
        (i, reply, nanos) -> {
          if (reply == null || reply.status() != 200) {
            if (failed.getAndIncrement() < 3) {
              System.out.println("battle not started: " + (reply == null ? "no reply" : reply.status() + " " + reply.body()));
            }
            return;
          }
          String body = reply.body();
          int at = body.indexOf("\"battleId\":\"") + 12;
          ids[i % tokens.length][i / tokens.length] = body.substring(at, body.indexOf('"', at));
        });
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " battles could not be started");
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    try (Connection c = ArenaHttp.connect()) {
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
}
