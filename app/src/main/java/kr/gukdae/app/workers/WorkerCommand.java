package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gukdae worker}: takes shards of distributed eval runs from the shared database. */
@Component
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run shards of distributed eval runs (gukdae eval --shard-size N) from the database in GUKDAE_DB_URL; start one per machine, all pointing at the same database."
    })
class WorkerCommand implements GukdaeCommand {

  private final DataSource dataSource;
  private final Path home;

  @Option(
      names = "--capacity",
      defaultValue = "16",
      description = "requests this worker keeps in flight at most (default ${DEFAULT-VALUE})")
  int capacity;

  @Option(
      names = "--endpoint",
      description =
          "an endpoint this worker may reach, e.g. http://10.0.0.5:8000/v1 (repeatable;"
              + " default: any)")
  List<String> endpoints = new ArrayList<>();

  @Option(
      names = "--lease-seconds",
      defaultValue = "30",
      description =
          "a shard returns to the queue this long after its worker stopped renewing it"
              + " (default ${DEFAULT-VALUE})")
  int leaseSeconds;

  @Option(
      names = "--cpus",
      description =
          "CPU cores the job pieces on this worker may use together (default and most: this"
              + " machine's cores); pieces that need more are left to other workers")
  Integer cpus;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      description =
          "memory the job pieces on this worker may use together, e.g. 8g or 512m (default and"
              + " most: this JVM's maximum heap, -Xmx); pieces that need more are left to other"
              + " workers")
  String memory;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description =
          "job pieces this worker runs at once at most, eval pieces among them (default: the cores"
              + " --cpus declares); the running pieces' CPUs and memory together stay within"
              + " --cpus/--memory, their requests to endpoints within --capacity")
  Integer slots;

  @Option(names = "--id", description = "worker name (default: host + random)")
  String id;

  @Option(
      names = "--set-limit",
      paramLabel = "ENDPOINT=N",
      description =
          "set the requests in flight all workers together may send to ENDPOINT, then exit")
  String setLimit;

  private final String secret;

  WorkerCommand(
      DataSource dataSource,
      @Value("${gukdae.home}") Path home,
      @Value("${gukdae.secret:}") String secret) {
    this.dataSource = dataSource;
    this.home = home;
    this.secret = secret;
  }

  @Override
  public Integer call() {
    if (setLimit != null) {
      int eq = setLimit.lastIndexOf('=');
      if (eq <= 0) {
        throw UserError.of(
            "--set-limit은 ENDPOINT=N 형식입니다 (예: http://10.0.0.5:8000/v1=32)",
            "--set-limit takes ENDPOINT=N, e.g. http://10.0.0.5:8000/v1=32");
      }
      int n;
      try {
        n = Integer.parseInt(setLimit.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw UserError.of(
            "--set-limit: '" + setLimit.substring(eq + 1) + "'은(는) 숫자가 아닙니다",
            "--set-limit: '" + setLimit.substring(eq + 1) + "' is not a number");
      }
      String endpoint = Submission.normalizeEndpoint(setLimit.substring(0, eq));
      new EndpointPermits(new JobQueue(dataSource)).setLimit(endpoint, n);
      System.out.println(
          Terminal.pick(
              endpoint + "의 동시 요청 한도: " + n + "건",
              "limit for " + endpoint + ": " + n + " in flight"));
      return 0;
    }
    if (leaseSeconds < 1) {
      throw UserError.of(
          "--lease-seconds는 1 이상이어야 합니다. 받은 값: " + leaseSeconds,
          "--lease-seconds must be at least 1, got " + leaseSeconds);
    }
    Capacity declared = declared();
    String name = id != null ? id : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    var config =
        new Worker.Config(
            name,
            capacity,
            endpoints.isEmpty()
                ? null
                : new LinkedHashSet<>(
                    endpoints.stream().map(Submission::normalizeEndpoint).toList()),
            Duration.ofSeconds(leaseSeconds),
            Duration.ofMillis(500),
            home,
            declared,
            slots != null ? slots : defaultSlots(declared));
    Worker worker = new Worker(config, dataSource, secret);
    Runtime.getRuntime().addShutdownHook(new Thread(worker::stop));
    System.out.println(
        Terminal.pick(
            "작업자 " + name + "가 샤드를 기다립니다 (조각 최대 " + config.slots() + "개 동시 실행, Ctrl-C로 멈춤)",
            "worker "
                + name
                + " waiting for shards (up to "
                + config.slots()
                + " pieces at once, Ctrl-C stops)"));
    worker.run();
    return 0;
  }

  /** One slot per declared core: 1-CPU pieces then fill the machine (at least one slot). */
  static int defaultSlots(Capacity declared) {
    return Math.clamp(declared.cpus(), 1, Worker.Config.MAX_SLOTS);
  }

  /** What --cpus and --memory declare, refused when above what this machine and JVM have. */
  private Capacity declared() {
    Capacity machine = Capacity.ofMachine();
    return new Capacity(
            cpus != null ? cpus : machine.cpus(),
            memory != null ? Capacity.parseMemory(memory) : machine.memoryMb())
        .within(machine);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "worker";
    }
  }
}
