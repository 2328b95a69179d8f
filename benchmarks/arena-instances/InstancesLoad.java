import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vote throughput of 1 and then 2 web instances (java -jar gukdae.jar serve) on one database, in
 * one run. No sticky sessions: request i goes to instance i mod n, whatever the voter (see {@link
 * ArenaHttp#parallel}). Sessions are opened through the API; battles (with one answered turn each)
 * are inserted with SQL, so the phases measure votes only. Afterwards every acknowledged vote is
 * looked up in the database.
 *
 * <p>Usage (see run.sh): java -cp CLIENT InstancesLoad JAR DB_URL VOTERS BATTLES_PER_VOTER CLIENTS
 * [POSTMASTER_PID]
 */
public class InstancesLoad {

  static String jar;
  static int voters, perVoter, clients;
  static final AtomicInteger refusals = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    jar = args[0];
    ArenaHttp.dbUrl = args[1];
    voters = Integer.parseInt(args[2]);
    perVoter = Integer.parseInt(args[3]);
    clients = Integer.parseInt(args[4]);
    ArenaHttp.pgPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
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
      ports[i] = ArenaHttp.freePort();
      // one at a time: with H2 the first one opens the file and serves it to the second
      ArenaHttp.startServer(
          jar,
          ports[i],
          "512m",
          List.of(
              "-Dgukdae.arena.votes-per-minute=1000000",
              "-Dgukdae.arena.votes-per-network-minute=1000000",
              "-Dgukdae.arena.daily-votes-public=1000000"));
    }
    String[] tokens = ArenaHttp.sessions(ports, voters, clients);
    String prefix = "p" + n;
    String[][] battles = ArenaHttp.seed(tokens, perVoter, prefix);
    // warm-up: the first battle of every voter (JIT, pools); then the measured rest
    votes(ports, tokens, battles, 0, 1, null);
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    String load0 = ArenaHttp.loadAverage();
    long[] cpu0 = ArenaHttp.cpu();
    long t0 = System.nanoTime();
    int ok = votes(ports, tokens, battles, 1, perVoter, acked);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] cpu = ArenaHttp.perVote(cpu0, ArenaHttp.cpu(), Math.max(ok, 1));
    Set<String> stored = ArenaHttp.storedVotes(prefix + "-");
    long missing = acked.stream().filter(id -> !stored.contains(id)).count();
    int expected = voters * (perVoter - 1);
    System.out.printf(
        Locale.ROOT,
        "%d instance(s): %d of %d votes acknowledged in %.2f s = %.0f votes/s (load average %s ->"
            + " %s); acknowledged but missing in the database: %d; CPU ms per vote: web instances"
            + " %.3f, %s %.3f, client %.3f, the rest of the host (other users) %.3f%n",
        n, ok, expected, seconds, ok / seconds, load0, ArenaHttp.loadAverage(), missing,
        cpu[0], ArenaHttp.pgPid > 0 ? "PostgreSQL" : "database (H2: inside the first instance)",
        cpu[1], cpu[2], cpu[3]);
    if (missing > 0 || ok != expected) {
      throw new IllegalStateException("votes lost or refused: see above");
    }
    ArenaHttp.stopServers();
    return ok / seconds;
  }

  /** Votes battles [from, to) of every voter, interleaved; request i to instance i mod n. */
  static int votes(
      int[] ports, String[] tokens, String[][] battles, int from, int to,
      ConcurrentLinkedQueue<String> acked) throws InterruptedException {
    int total = (to - from) * tokens.length;
    byte[][] requests = new byte[total][];
    for (int i = 0; i < total; i++) {
      int v = i % tokens.length;
      requests[i] = ArenaHttp.vote(battles[v][from + i / tokens.length], tokens[v], v);
    }
    AtomicInteger ok = new AtomicInteger();
    ArenaHttp.parallel(ports, clients, total, i -> requests[i], (i, r, nanos) -> {
      if (r != null && r.status() == 200 && r.body().contains("\"modelA\"")) {
        ok.incrementAndGet();
        if (acked != null) {
          int v = i % tokens.length;
          acked.add(battles[v][from + i / tokens.length]);
        }
      } else if (refusals.getAndIncrement() < 5) {
        System.out.println(r == null ? "no reply" : "refused: HTTP " + r.status() + " " + r.body());
      }
    });
    return ok.get();
  }
}
