package kr.gukdae.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Role;
import kr.gukdae.cli.Launcher;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over a real HTTP server and the embedded database (with the per-sample readers of
 * {@link RunSamplesContract}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvalApiTest extends RunSamplesContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    var home = Files.createTempDirectory("gukdae-home");
    registry.add("gukdae.home", home::toString);
  }

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;
  private @Nullable TestClient office;

  /** Starting runs is for the office (and reviewers); reading them is public. */
  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    if (office == null) {
      office =
          TestClient.as(
              port,
              accounts,
              "office-" + UUID.randomUUID().toString().substring(0, 8),
              Role.OFFICE);
    }
    return office.send(method, path, body);
  }

  @Test
  void startsARunInTheBackgroundAndServesItsResults() throws Exception {
    var started =
        send("POST", "/api/eval/runs", "{\"model\":\"demo/lexical\",\"tasks\":[\"demo/arith\"]}");
    assertThat(started.statusCode()).isEqualTo(202);
    String runId = json.readTree(started.body()).path("runId").asString();

    JsonNode run = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      run = json.readTree(send("GET", "/api/eval/runs/" + runId, null).body());
      if (run.path("run").path("status").asString().equals("DONE")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(run.path("run").path("status").asString()).isEqualTo("DONE");
    assertThat(run.path("run").path("samplesDone").asInt()).isEqualTo(10);
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("task").asString()).isEqualTo("demo/arith");
    assertThat(result.path("metricValue").asDouble()).isEqualTo(0.8);

    assertThat(send("GET", "/api/eval/tasks", null).body()).contains("demo/ko_knowledge");
    assertThat(send("GET", "/eval/index.html", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aGroupNameRunsItsTasksAndRecordsTheGroupRow() throws Exception {
    var started =
        send("POST", "/api/eval/runs", "{\"model\":\"demo/lexical\",\"tasks\":[\"kobest\"]}");
    assertThat(started.statusCode()).isEqualTo(202);
    String runId = json.readTree(started.body()).path("runId").asString();
    JsonNode run = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      run = json.readTree(send("GET", "/api/eval/runs/" + runId, null).body());
      if (run.path("run").path("status").asString().equals("DONE")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(run.path("run").path("status").asString()).isEqualTo("DONE");
    // five KoBEST tasks of 2-3 sample rows each, and the group row under lm-eval's name
    assertThat(run.path("run").path("samplesDone").asInt()).isEqualTo(12);
    List<String> tasks = new java.util.ArrayList<>();
    run.path("results").forEach(r -> tasks.add(r.path("task").asString()));
    assertThat(tasks).contains("kobest", "ko/kobest_boolq", "ko/kobest_wic");
  }

  @Test
  void rejectsUnknownTasksWithAClearMessageAndUnknownRunsWith404() throws Exception {
    var bad = send("POST", "/api/eval/runs", "{\"model\":\"demo/lexical\",\"tasks\":[\"nope/x\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).path("detail").asString())
        .contains("unknown task 'nope/x'");
    assertThat(
            TestClient.problem(send("GET", "/api/eval/runs/missing", null), 404, "not_found")
                .path("messageEn")
                .asString())
        .isEqualTo("run missing: no such run");
  }

  @Autowired EvalService service;

  /**
   * Samples of a run on bundled rows are public like its scores; once a run's rows are a real
   * benchmark's (here: the row says so, as a run with --data-dir records it), only the office and
   * reviewers may read them, so the viewer cannot leak a held-out test set.
   */
  @Test
  void samplesArePublicOnBundledRowsAndRestrictedOnABenchmark() throws Exception {
    var outcome =
        service.run(
            EvalRequest.demo("demo/lexical", List.of("demo/ko_knowledge")),
            kr.gukdae.eval.run.ProgressListener.NONE);
    String runId = outcome.manifest().runId();
    var anonymous = new TestClient(port);
    var reply = anonymous.send("GET", "/api/eval/runs/" + runId + "/samples", null);
    assertThat(reply.statusCode()).isEqualTo(200);
    JsonNode samples = json.readTree(reply.body());
    assertThat(samples.path("total").asInt()).isPositive();
    JsonNode first = samples.path("samples").get(0);
    assertThat(first.path("task").asString()).isEqualTo("demo/ko_knowledge");
    assertThat(first.path("prompt").asString()).contains("정답");
    assertThat(first.path("category").asString()).isNotBlank();
    assertThat(first.path("scores").has("acc,none")).isTrue();
    assertThat(first.path("correct").asBoolean())
        .isEqualTo(first.path("scores").path("acc,none").asDouble() >= 1.0);
    JsonNode run = json.readTree(anonymous.send("GET", "/api/eval/runs/" + runId, null).body());
    assertThat(run.path("run").path("dataSource").asString()).isEqualTo("bundled");

    jdbc.sql("UPDATE eval_run SET data_source = '/data/kmmlu' WHERE id = ?").param(runId).update();
    assertThat(anonymous.send("GET", "/api/eval/runs/" + runId + "/samples", null).statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/api/eval/runs/" + runId + "/samples", null).statusCode())
        .isEqualTo(200);
    assertThat(anonymous.send("GET", "/api/eval/runs/no-such-run/samples", null).statusCode())
        .isEqualTo(404);
  }

  /** A run that stops before its first sample is recorded as FAILED with the reason. */
  @Test
  void aRunThatFailsToStartIsRecordedWithItsReason() throws Exception {
    String runId = "failed-start-" + UUID.randomUUID().toString().substring(0, 6);
    var request =
        EvalRequest.builder("demo/lexical")
            .tasks(List.of("ko/kmmlu_agricultural_sciences"))
            .concurrency(1)
            .runId(runId)
            .maxRetries(1)
            .requestTimeout(Duration.ofSeconds(5))
            .responseCache(false)
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> service.run(request, kr.gukdae.eval.run.ProgressListener.NONE))
        .hasMessageContaining("no bundled sample rows");
    JsonNode run = json.readTree(send("GET", "/api/eval/runs/" + runId, null).body()).path("run");
    assertThat(run.path("status").asString()).isEqualTo("FAILED");
    assertThat(run.path("error").asString()).contains("no bundled sample rows", "--data-dir");
    assertThat(run.path("tasks").asString()).isEqualTo("ko/kmmlu_agricultural_sciences");
  }

  /**
   * A distributed run's progress as workers leave it in the database: shards done of the total,
   * samples answered of the total; for office and reviewers only, 404 for a run that is not
   * distributed.
   */
  @Test
  void servesTheShardProgressOfADistributedRun() throws Exception {
    String id = "dist-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at)"
                + " VALUES (?, 'openai/m', 'demo/arith', 'RUNNING', CURRENT_TIMESTAMP)")
        .param(id)
        .update();
    jdbc.sql(
            "INSERT INTO work_job (id, kind, label, spec, status, submitted_by, created_at)"
                + " VALUES (?, 'eval', 'openai/m', '{}', 'RUNNING', 'test', CURRENT_TIMESTAMP)")
        .param(id)
        .update();
    String[][] shards = {
      {"0", "false", "0", "10", "DONE"},
      {"1", "false", "10", "20", "RUNNING"},
      {"2", "false", "20", "25", "QUEUED"},
      {"3", "true", "0", "0", "QUEUED"}
    };
    for (String[] s : shards) {
      boolean merge = Boolean.parseBoolean(s[1]);
      String range =
          merge ? "" : "{\"task\":\"demo/arith\",\"first\":" + s[2] + ",\"end\":" + s[3] + "}";
      jdbc.sql(
              "INSERT INTO work_shard (job_id, shard_no, merge, label, spec, status, endpoint)"
                  + " VALUES (?, ?, ?, 'demo/arith', ?, ?, 'http://10.0.0.5:8000/v1')")
          .params(id, Integer.parseInt(s[0]), merge, range, s[4])
          .update();
    }
    for (int doc = 0; doc < 12; doc++) {
      jdbc.sql(
              "INSERT INTO work_sample (job_id, task, doc_id, ok, record, seal)"
                  + " VALUES (?, 'demo/arith', ?, ?, '{}', 'unchecked here')")
          .params(id, doc, doc != 11)
          .update();
    }
    var response = send("GET", "/api/eval/runs/" + id + "/shards", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode p = json.readTree(response.body());
    assertThat(p.path("shardsTotal").asInt()).isEqualTo(3);
    assertThat(p.path("shardsDone").asInt()).isEqualTo(1);
    assertThat(p.path("shardsRunning").asInt()).isEqualTo(1);
    assertThat(p.path("shardsQueued").asInt()).isEqualTo(1);
    assertThat(p.path("samplesTotal").asInt()).isEqualTo(25);
    assertThat(p.path("samplesDone").asInt()).isEqualTo(11); // the error record is not done
    assertThat(p.path("status").asString()).isEqualTo("RUNNING");

    assertThat(
            new TestClient(port).send("GET", "/api/eval/runs/" + id + "/shards", null).statusCode())
        .isEqualTo(401);
    var plain =
        send("POST", "/api/eval/runs", "{\"model\":\"demo/lexical\",\"tasks\":[\"demo/arith\"]}");
    String runId = json.readTree(plain.body()).path("runId").asString();
    assertThat(
            TestClient.problem(
                    send("GET", "/api/eval/runs/" + runId + "/shards", null), 404, "not_found")
                .path("messageEn")
                .asString())
        .contains("no distributed run");
  }

  @Autowired ConfigurableApplicationContext context;

  /**
   * eval's input errors reach REST clients in both languages in one string (the web page shows its
   * language's half): unknown task or model, a bad limit or few-shot count.
   */
  @Test
  void restInputErrorsAreKoreanAndEnglish() throws Exception {
    String[][] cases = {
      {"{\"model\":\"demo/lexical\",\"tasks\":[\"nope/x\"]}", "unknown task 'nope/x'"},
      {"{\"model\":\"nope-model\",\"tasks\":[\"demo/arith\"]}", "model 'nope-model'"},
      {"{\"model\":\"demo/lexical\",\"tasks\":[\"demo/arith\"],\"limit\":0}", "limit 0:"},
      {
        "{\"model\":\"demo/lexical\",\"tasks\":[\"demo/arith\"],\"numFewshot\":-1}",
        "num_fewshot -1:"
      },
      {"{\"model\":\"demo/lexical\",\"tasks\":[]}", "model and tasks are required"},
    };
    for (String[] c : cases) {
      var reply = send("POST", "/api/eval/runs", c[0]);
      assertThat(reply.statusCode()).as(c[0]).isEqualTo(400);
      String message = messageContaining(json.readTree(reply.body()), c[1]);
      assertThat(message).as(reply.body()).isNotNull();
      assertThat(UserError.inLanguage(message, false))
          .contains(c[1])
          .doesNotContainPattern("[가-힣]");
      assertThat(UserError.inLanguage(message, true)).containsPattern("[가-힣]");
    }
  }

  /** The same errors over the CLI: one line on stderr in the language --lang chose, exit 2. */
  @Test
  void cliInputErrorsFollowTheChosenLanguage() throws Exception {
    var tasksDir = Files.createTempDirectory("gukdae-no-tasks").resolve("missing");
    String[][] cases = {
      {"unknown task", "--model", "demo/lexical", "--tasks", "nope/x"},
      {"unknown demo model", "--model", "demo/nope", "--tasks", "demo/arith"},
      {"--model 'lexical'", "--model", "lexical", "--tasks", "demo/arith"},
      {"limit 0", "--model", "demo/lexical", "--tasks", "demo/arith", "--limit", "0"},
      {"num_fewshot -1", "--model", "demo/lexical", "--tasks", "demo/arith", "--num-fewshot", "-1"},
      {
        "is not a folder",
        "--model",
        "demo/lexical",
        "--tasks",
        "demo/arith",
        "--tasks-dir",
        tasksDir.toString()
      },
      {"--tasks is required", "--model", "demo/lexical"},
      {
        "no bundled sample rows",
        "--model",
        "demo/lexical",
        "--tasks",
        "ko/kmmlu_agricultural_sciences"
      },
    };
    Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      for (String[] c : cases) {
        for (String lang : List.of("ko", "en")) {
          Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(lang));
          List<String> args = new ArrayList<>(List.of("eval", "--no-progress"));
          args.addAll(List.of(c).subList(1, c.length));
          // One bean serves every run here (a real CLI runs once per JVM), and picocli takes the
          // bean's current field values as defaults: clear what an earlier case set.
          EvalCommand bean = context.getBean(EvalCommand.class);
          bean.tasks = new ArrayList<>();
          bean.taskDirs = new ArrayList<>();
          bean.limit = null;
          bean.numFewshot = null;
          var err = new StringWriter();
          CommandLine cli = Launcher.commandLine(context);
          cli.setErr(new PrintWriter(err));
          int code = cli.execute(args.toArray(String[]::new));
          String line = err.toString().strip();
          assertThat(code).as(line).isEqualTo(2);
          assertThat(line).startsWith("gukdae eval: ").doesNotContain("\n", " / ");
          if (lang.equals("ko")) {
            assertThat(line).as(c[0]).containsPattern("[가-힣]");
          } else {
            assertThat(line).as(c[0]).contains(c[0]).doesNotContainPattern("[가-힣]");
          }
        }
      }
    } finally {
      Locale.setDefault(Locale.Category.DISPLAY, before);
    }
  }

  private static @Nullable String messageContaining(JsonNode body, String fragment) {
    for (JsonNode value : body) {
      if (value.isString() && value.asString().contains(fragment)) {
        return value.asString();
      }
    }
    return null;
  }
}
