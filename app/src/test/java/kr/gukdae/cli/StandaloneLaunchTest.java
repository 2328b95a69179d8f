package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.gukdae.GukdaeApplication;
import kr.gukdae.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher in real child JVMs, as a user starts it: commands that need no database run without
 * Spring (the class {@code SpringApplication} is never even loaded, which the JVM's class-load log
 * shows), print their result and exit 0; a database command starts Spring without a web server and
 * says so on stderr before the slow start.
 */
class StandaloneLaunchTest {

  private static final String SPRING = "org.springframework.boot.SpringApplication ";

  /** Loaded only to start a web server (Tomcat's own classes load for condition checks too). */
  private static final String WEB_SERVER = "org.springframework.boot.tomcat.TomcatWebServer ";

  @TempDir Path dir;

  /** What a child printed, and whether it loaded Spring Boot and a web server. */
  record Run(int exit, String out, String err, boolean spring, boolean webServer) {}

  @Test
  void ratingsRunsWithoutSpringAndWithoutFrameworkLogs() throws Exception {
    Path battles = dir.resolve("battles.csv");
    Files.writeString(
        battles,
        "model_a,model_b,winner\nalpha,beta,model_a\nalpha,beta,model_a\nbeta,alpha,tie\n");
    // --verbose would let Spring log its start; there is no Spring to log anything.
    Run run = gukdae("ratings", "--battles", battles.toString(), "--bootstrap", "0", "--verbose");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("alpha", "beta");
    assertNoSpring(run);
  }

  @Test
  void tasksLineageAndAuditFileVerifyRunWithoutSpring() throws Exception {
    Run tasks = gukdae("tasks");
    assertThat(tasks.exit()).as(tasks.err()).isZero();
    assertThat(tasks.out()).contains("Tasks (", "demo/ko_knowledge", "Model adapters");
    assertNoSpring(tasks);

    Run lineage = gukdae("lineage", "--demo", "--root", "demo-team-1/Hanbit-32B");
    assertThat(lineage.exit()).as(lineage.err()).isZero();
    assertThat(lineage.out()).contains("demo-team-1/Hanbit-32B");
    assertNoSpring(lineage);

    Ledger ledger = Ledger.inMemory();
    ledger.append("note", Map.of("text", "first"));
    ledger.append("note", Map.of("text", "second"));
    Path export = dir.resolve("ledger.jsonl");
    ledger.exportTo(export);
    Run audit = gukdae("audit", "verify", "--file", export.toString());
    assertThat(audit.exit()).as(audit.out() + audit.err()).isZero();
    assertNoSpring(audit);

    // An edited entry is found the same way: exit 1, still no Spring.
    String edited = Files.readString(export).replace("second", "SECOND");
    Files.writeString(export, edited);
    Run broken = gukdae("audit", "verify", "--file", export.toString());
    assertThat(broken.exit()).as(broken.out()).isEqualTo(1);
    assertNoSpring(broken);
  }

  @Test
  void helpAndTheCommandListRunWithoutSpring() throws Exception {
    Run list = gukdae();
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("Commands:", "ratings", "serve");
    assertNoSpring(list);
    Run help = gukdae("demo", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: gukdae demo");
    assertNoSpring(help);

    Run unknown = gukdae("nosuch");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument at index 0: 'nosuch'", "Commands:");
    assertNoSpring(unknown);
    Run badLanguage = gukdae("tasks", "--lang", "fr");
    assertThat(badLanguage.exit()).isEqualTo(2);
    assertThat(badLanguage.err().strip())
        .isEqualTo("gukdae: --lang 'fr': expected ko (한국어) or en (English)");
  }

  @Test
  void evalOnSampleRowsSaysSoAndPipedProgressIsPlainLinesPrintedOnce() throws Exception {
    Run eval =
        gukdae(
            "eval",
            "--model",
            "demo/lexical",
            "--tasks",
            "demo/arith",
            "--output",
            dir.resolve("runs").toString());
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("NOTE: project-written sample rows, not the benchmark");
    assertThat(eval.out().lines().filter(l -> l.contains("project-written"))).hasSize(1);
    // stderr is a file here, not a terminal: no bar redraws, no terminal-library warnings.
    assertThat(eval.err()).doesNotContain("\r", "WARNING", "JLine");
    var progress = eval.err().lines().filter(l -> l.startsWith("eval: ")).toList();
    assertThat(progress).doesNotHaveDuplicates();
    assertThat(progress.getLast()).matches("eval: (\\d+)/\\1 samples \\(100%\\), 0 errors");
    assertThat(eval.webServer()).isFalse();

    Run korean =
        gukdae(
            "eval",
            "--lang",
            "ko",
            "--model",
            "demo/lexical",
            "--tasks",
            "demo/arith",
            "--output",
            dir.resolve("runs-ko").toString());
    assertThat(korean.exit()).as(korean.err()).isZero();
    assertThat(korean.out()).contains("프로젝트가 직접 쓴 샘플 행의 결과입니다");
  }

  @Test
  void aDatabaseCommandSaysSoFirstAndStartsNoWebServer() throws Exception {
    Run account =
        gukdae(
            Map.of("GUKDAE_PASSWORD", "a long enough password 1"),
            "account",
            "--username",
            "alice",
            "--role",
            "voter",
            "--verbose",
            "--lang",
            "ko");
    // in the chosen language, like everything else it prints (English: OriginalityCommandTest)
    assertThat(account.err().lines().findFirst()).contains("gukdae: 데이터베이스를 여는 중…");
    assertThat(account.exit()).as(account.out() + account.err()).isZero();
    assertThat(account.spring()).isTrue();
    assertThat(account.webServer()).isFalse();
    assertThat(account.out() + account.err()).doesNotContain("Tomcat");

    // Without --verbose, no framework log lines reach the terminal.
    Run quiet =
        gukdae(
            Map.of("GUKDAE_PASSWORD", "another long password 2"),
            "account",
            "--username",
            "bob",
            "--role",
            "voter");
    assertThat(quiet.exit()).as(quiet.out() + quiet.err()).isZero();
    assertThat(quiet.out() + quiet.err()).doesNotContain(" INFO ", " WARN ", "Started");
  }

  private static void assertNoSpring(Run run) {
    assertThat(run.spring()).as("Spring Boot started").isFalse();
    assertThat(run.webServer()).as("a web server started").isFalse();
    assertThat(run.out() + run.err())
        .doesNotContain("Tomcat", "Started", "opening the database", " INFO ");
  }

  private Run gukdae(String... args) throws IOException, InterruptedException {
    return gukdae(Map.of(), args);
  }

  private Run gukdae(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path classes = Files.createTempFile(dir, "classes", ".log");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Xmx256m",
            "-Xshare:auto",
            "-Xlog:class+load=info:file=" + classes,
            "-cp",
            System.getProperty("java.class.path"),
            GukdaeApplication.class.getName()));
    command.addAll(List.of(args));
    var builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("GUKDAE_HOME", dir.resolve("home").toString());
    builder.environment().remove("GUKDAE_DB_URL");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("gukdae " + String.join(" ", args) + " did not exit");
    }
    String loaded = Files.readString(classes, StandardCharsets.UTF_8);
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        loaded.contains(SPRING),
        loaded.contains(WEB_SERVER));
  }
}
