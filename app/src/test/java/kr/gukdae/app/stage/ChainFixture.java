package kr.gukdae.app.stage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.originality.WeightFile;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.lineage.CountRules;
import kr.gukdae.lineage.Lineage;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.originality.Calibration;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.WeightModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives every feature the way its users do, so that a stage decision can be made from what the
 * features recorded: a programme whose stage 1 window contains today, evaluation runs against the
 * fake OpenAI server, blind arena battles and votes over HTTP, generated weights through the
 * originality check, and derivative counts of demo model-tree metadata for the stage window.
 */
final class ChainFixture {

  static final List<String> TEAMS = List.of("alpha", "beta", "gamma", "delta");
  static final JsonMapper JSON = JsonMapper.builder().build();

  static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusDays(20);
  static final LocalDate EVALUATED = LocalDate.now(ZoneOffset.UTC).plusDays(10);

  static String model(String team) {
    return "fake-" + team; // the fake OpenAI server answers models named fake-*
  }

  /** A programme for the four teams; stage 1's window holds today so today's votes count. */
  static String programme() {
    StringBuilder teams = new StringBuilder();
    String[] roots = {
      "demo-team-1/Hanbit-32B",
      "demo-team-2/Saebyeok-7B",
      "demo-team-3/Gaon-14B",
      "demo-team-5/Yeoul-3B"
    };
    StringBuilder lineage = new StringBuilder();
    for (int i = 0; i < TEAMS.size(); i++) {
      String t = TEAMS.get(i);
      teams.append(
          """
            - id: %s
              name: %s consortium
              members: [{organisation: %s Labs, role: LEAD, size: LARGE}]
              targetModel: target-x
              models: {1: [%s]}
          """
              .formatted(t, t, t, model(t)));
      lineage.append("    ").append(t).append(": ").append(roots[i]).append('\n');
    }
    return """
    programme: chain test programme
    version: "1"
    scheme:
      total: 100
      pointsFunction: {type: linear-to-bar, bar: 0.95}
      components:
        - {id: korean-benchmarks, kind: KOREAN_BENCHMARKS, points: 20, benchmarks: [KO-Knowledge]}
        - {id: global-benchmarks, kind: GLOBAL_BENCHMARKS, points: 20, benchmarks: [Arith]}
        - {id: target-comparison, kind: TARGET_COMPARISON, points: 10, benchmarks: [Arith]}
        - {id: expert-review, kind: EXPERT_REVIEW, points: 25}
        - {id: user-evaluation, kind: USER_EVALUATION, points: 15}
        - {id: derivatives, kind: DERIVATIVES, points: 10, fullAt: 5}
      tieBreak: [expert-review]
      originalityGate: true
      userRating: {floor: 900, ceiling: 1100}
    references:
      - {name: frontier-now, released: %s, scores: {KO-Knowledge: 90, Arith: 95}}
      - {name: target-x, released: 2020-01-01, scores: {Arith: 60}}
    panel:
      aggregation: DROP_HIGH_LOW
      rubric:
        - {id: design, label: design, weight: 2, maxScore: 10}
        - {id: report, label: report, weight: 1, maxScore: 10}
      reviewers:
        - {id: rv1, name: Reviewer 1, affiliations: [alpha Labs]}
        - {id: rv2, name: Reviewer 2, affiliations: []}
        - {id: rv3, name: Reviewer 3, affiliations: []}
        - {id: rv4, name: Reviewer 4, affiliations: []}
    teams:
    %s
    evaluation:
      tasks: {KO-Knowledge: demo/ko_knowledge, Arith: demo/arith}
      arenaVoters: PUBLIC
      originalityReferences: [foreign-public]
      lineageRoots:
    %s
    stages:
      - {number: 1, start: %s, evaluationDate: %s, plannedSurvivors: 2}
    """
        .formatted(
            START.minusDays(30),
            teams.toString().stripTrailing(),
            lineage.toString().stripTrailing(),
            START,
            EVALUATED);
  }

  /** Each team's model answers the two mapped tasks through the fake OpenAI server. */
  static void evaluate(EvalService eval, FakeOpenAiServer server) {
    for (String t : TEAMS) {
      eval.run(
          EvalRequest.builder("openai/" + model(t))
              .baseUrl(server.baseUrl())
              .tasks(List.of("demo/ko_knowledge", "demo/arith"))
              .concurrency(4)
              .maxRetries(2)
              .requestTimeout(Duration.ofSeconds(10))
              .build(),
          ProgressListener.NONE);
    }
  }

  /**
   * Blind battles between the teams' arena models, voted over HTTP by fresh public sessions who
   * prefer the team listed earlier (simulated taste; the test peeks at the pairing, a voter
   * cannot). Returns the number of votes accepted.
   */
  static int vote(int port, JdbcClient jdbc, int battles) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int accepted = 0;
    for (int i = 0; i < battles; i++) {
      var session = http.send(get(port, "/api/arena/session", null), bodyString());
      String cookie = session.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
      var started =
          http.send(
              post(port, "/api/arena/battles", cookie, "{\"prompt\":\"질문 " + i + "\"}"),
              bodyString());
      String id = JSON.readTree(started.body()).path("battleId").asString();
      for (int tries = 0; tries < 2000; tries++) {
        JsonNode b =
            JSON.readTree(
                http.send(get(port, "/api/arena/battles/" + id, cookie), bodyString()).body());
        if (!b.path("streaming").asBoolean()) {
          break;
        }
        Thread.onSpinWait();
      }
      Map<String, Object> pair =
          jdbc.sql("SELECT model_a, model_b FROM arena_battle WHERE id = ?")
              .param(id)
              .query()
              .singleRow();
      int a = TEAMS.indexOf(team(String.valueOf(pair.get("model_a"))));
      int b = TEAMS.indexOf(team(String.valueOf(pair.get("model_b"))));
      String outcome = a < b ? "A" : "B";
      var vote =
          http.send(
              post(
                  port,
                  "/api/arena/battles/" + id + "/vote",
                  cookie,
                  "{\"outcome\":\"" + outcome + "\"}"),
              bodyString());
      if (vote.statusCode() == 200) {
        accepted++;
      }
    }
    return accepted;
  }

  private static String team(String arenaModel) {
    return arenaModel.substring(arenaModel.indexOf('/') + 1).substring("fake-".length());
  }

  static List<String> arenaModels() {
    return TEAMS.stream().map(t -> "scripted/" + model(t)).toList();
  }

  /**
   * Generated weights for each team, submitted for stage 1 and then checked; delta's vision encoder
   * is the foreign model's, frozen.
   */
  static void originality(
      OriginalityStore store, StageService stages, Programmes.Loaded loaded, Path dir) {
    var config = DemoWeights.Config.tiny();
    DemoWeights.Model foreign = DemoWeights.independent(config, 1);
    foreign.write(dir.resolve("foreign"), DType.BF16, 1);
    WeightModel reference = WeightModel.open("foreign-public", dir.resolve("foreign"));
    long seed = 100;
    for (String t : TEAMS) {
      DemoWeights.Model own = DemoWeights.independent(config, seed++);
      if (t.equals("delta")) {
        own = DemoWeights.withFrozenComponent(own, foreign, DemoWeights.VISION_PREFIX);
      }
      Path teamDir = dir.resolve(t);
      own.write(teamDir, DType.BF16, 1);
      stages.submit(loaded, 1, t, teamDir, "office");
      WeightModel candidate = WeightModel.open(model(t), teamDir);
      var report =
          Originality.compare(
              candidate,
              List.of(reference),
              Calibration.analytic(),
              Originality.Options.defaults(),
              null);
      store.save(
          report, teamDir.toString(), WeightFile.of(candidate), WeightFile.of(List.of(reference)));
    }
  }

  /** Derivative counts of the demo model tree for exactly the stage window. */
  static void derivatives(LineageEvidenceRepository repository, String root) {
    Lineage lineage = Lineage.demo();
    Instant from = START.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = EVALUATED.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    repository.save(
        lineage.count(root, CountRules.defaults().window(from, to)),
        lineage.report(),
        "demo model-tree metadata");
  }

  private static HttpRequest get(int port, String path, String cookie) {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b.build();
  }

  private static HttpRequest post(int port, String path, String cookie, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Cookie", cookie)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse.BodyHandler<String> bodyString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private ChainFixture() {}
}
