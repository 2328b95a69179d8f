package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.office.OfficeProgrammes;
import kr.gukdae.app.office.OfficeService;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.app.stage.StageEvidence;
import kr.gukdae.app.stage.StageService;
import kr.gukdae.call.Application;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.WeightModel;
import kr.gukdae.selection.Assignment;
import kr.gukdae.selection.Score;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceJson;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.web.HostileInputHttpTest.Route;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile walk of {@link HostileInputHttpTest}, one layer deeper: real things are made first
 * (an eval run that finishes, a scenario and an arena battle, a supplier, a dataset and its
 * version, an application to an open call, a data commitment, a stage decision from the demo
 * programme's evidence and the designations it grants, a review panel's artefact and sheet, a job,
 * lineage evidence, an originality report), then every route whose path names such a thing is
 * called with the valid ids while its query parameters and JSON body fields carry the hostile
 * values, signed in with every role (a route that reads nothing but its ids is called once,
 * plainly). So the checks behind the id (the parsing of a body, a limit, a date, a state) are
 * reached, not only "no such id". No answer may be a server error; every refusal is a problem in
 * both languages; and a refused request writes nothing (every table's row count is the same after
 * it). The routes come from the request mappings, and a route behind an id with no fixture fails
 * {@link #everyRouteBehindAnIdHasAFixture}.
 */
class HostileBehindIdsHttpTest extends SharedHttpContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired StageService stages;
  @Autowired OriginalityStore originality;
  @Autowired OfficeService officeService;
  @Autowired OfficeProgrammes officeProgrammes;

  @Value("${gukdae.home}")
  Path home;

  /**
   * The valid ids made for the walk: per path variable, or for {@code {id}} per path prefix (the
   * longest prefix that matches wins). A route whose variable has none is a failure of {@link
   * #everyRouteBehindAnIdHasAFixture}, so a new route cannot escape the walk.
   */
  record Fixtures(
      Map<String, String> byVariable,
      Map<String, String> idByPrefix,
      Map<String, ValidBody> bodies,
      Map<String, String> byRoute,
      Map<String, TestClient> clients) {

    /** The valid value of a path variable in this route, or null when none was made. */
    @Nullable String of(String pattern, String variable) {
      String own = byRoute.get(pattern + " {" + variable + "}");
      if (own != null) {
        return own;
      }
      if (!variable.equals("id")) {
        return byVariable.get(variable);
      }
      return idByPrefix.entrySet().stream()
          .filter(e -> pattern.startsWith(e.getKey()))
          .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
          .map(Map.Entry::getValue)
          .orElse(null);
    }

    /** The client a route is walked with: the fixtures' own for it (e.g. the assigned reviewer). */
    TestClient client(Route route, TestClient walker) {
      return clients.getOrDefault(route.method() + " " + route.pattern(), walker);
    }
  }

  /** A body a route accepted while the fixtures were made, and the type of each field. */
  record ValidBody(Map<String, Object> fields, Map<String, Type> types) {}

  /**
   * The refusals of a call or round not yet sealed, assigned or decided: the closed call's fixtures
   * pass them, so its routes must answer from behind them.
   */
  private static final Pattern GATE =
      Pattern.compile(
          "is not sealed|cannot be sealed before|has no recorded assignment|is not decided yet"
              + "|holds no decision");

  /** Routes behind an id that the walk leaves out on purpose, with the reason. */
  private static final Map<String, String> NOT_WALKED = Map.of();

  @Test
  void hostileQueriesAndBodiesBehindValidIdsAreRefusedInBothLanguagesAndWriteNothing()
      throws Exception {
    TestClient client = TestClient.as(port, accounts, "hostile-deep", Role.values());
    Fixtures fixtures = fixtures(client);
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    int routes = 0;
    Map<String, Integer> accepted = new TreeMap<>();
    Map<String, Long> rows = rows();
    for (Route route : behindIds()) {
      String base = resolved(route.pattern(), fixtures);
      if (base == null) {
        continue; // left out on purpose (NOT_WALKED), or everyRouteBehindAnIdHasAFixture fails
      }
      routes++;
      TestClient as = fixtures.client(route, client);
      for (Call call : calls(route, base, fixtures)) {
        String path = call.path();
        String body = call.body();
        var response =
            as.send(
                route.method(), path, body == null && !route.method().equals("GET") ? "{}" : body);
        requests++;
        String problem =
            HostileInputHttpTest.check(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        if (response.statusCode() < 400) {
          waitForAnswers(); // an accepted turn streams its answers after the reply
        }
        Map<String, Long> after = rows();
        if (problem == null && response.statusCode() >= 400 && !after.equals(rows)) {
          problem = "refused, yet wrote rows: " + changed(rows, after);
        }
        rows = after;
        if (response.statusCode() < 400) {
          accepted.merge(route.method() + " " + route.pattern(), 1, Integer::sum);
        }
        if (problem == null && path.contains(CLOSED_CALL) && GATE.matcher(response.body()).find()) {
          problem = "stopped at a gate the fixtures passed: " + response.body();
        }
        if (problem != null) {
          wrong.add(
              route.method()
                  + " "
                  + HostileInputHttpTest.abbreviate(path, 160)
                  + " "
                  + HostileInputHttpTest.abbreviate(String.valueOf(body), 160)
                  + " -> "
                  + response.statusCode()
                  + " "
                  + problem);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(routes)
        .as("every route behind an id is walked")
        .isEqualTo(behindIds().size() - NOT_WALKED.size());
    assertThat(requests).isGreaterThanOrEqualTo(300);
    assertThat(accepted)
        .as("a sound sheet behind the closed call's gates is stored")
        .containsKey(SCORES);
  }

  /** One request of the walk. */
  record Call(String path, @Nullable String body) {}

  /**
   * The hostile requests to one route behind valid ids: every query parameter and body field set to
   * one hostile value per variant (once, plainly, for a route that reads nothing but its ids); and
   * where the fixture has a valid body, that body with one field at a time set to each hostile
   * value, so checks after the first field's are reached too.
   */
  private static List<Call> calls(Route route, String base, Fixtures fixtures) {
    List<Call> out = new ArrayList<>();
    boolean plain = route.query().isEmpty() && route.body() == null;
    for (int variant = 0; variant < (plain ? 1 : HostileInputHttpTest.TEXT.size()); variant++) {
      out.add(
          new Call(
              base + query(route, variant),
              route.body() == null
                  ? null
                  : JSON.writeValueAsString(HostileInputHttpTest.value(route.body(), variant, 0))));
    }
    ValidBody valid = fixtures.bodies().get(route.method() + " " + route.pattern());
    if (valid != null) {
      valid
          .types()
          .forEach((field, type) -> {
            for (int variant = 0; variant < HostileInputHttpTest.TEXT.size(); variant++) {
              Map<String, @Nullable Object> one = new LinkedHashMap<>(valid.fields());
              one.put(field, HostileInputHttpTest.value(type, variant, 1));
              out.add(new Call(base, JSON.writeValueAsString(one)));
            }
          });
    }
    return out;
  }

  /**
   * Every route whose path names a thing has a fixture for each of its variables (or is in {@link
   * #NOT_WALKED} with a reason), read from the real request mappings: a new route behind an id
   * fails here until the walk can reach it.
   */
  @Test
  void everyRouteBehindAnIdHasAFixture() throws Exception {
    TestClient client = TestClient.as(port, accounts, "hostile-ids", Role.values());
    Fixtures fixtures = fixtures(client);
    List<String> missing = new ArrayList<>();
    for (Route route : behindIds()) {
      String key = route.method() + " " + route.pattern();
      if (resolved(route.pattern(), fixtures) == null && !NOT_WALKED.containsKey(key)) {
        missing.add(key);
      }
    }
    assertThat(missing).as("routes behind an id with no fixture in Fixtures").isEmpty();
    assertThat(behindIds()).hasSizeGreaterThan(60);
  }

  /**
   * The team report is an HTML page behind a real decision: refused to another team and to the
   * anonymous, the refusal is still a problem in both languages, whatever the client accepts.
   */
  @Test
  void aRefusedTeamReportIsAProblemInBothLanguages() throws Exception {
    TestClient office = TestClient.as(port, accounts, "hostile-report", Role.values());
    Fixtures fixtures = fixtures(office);
    String report =
        "/api/stage/decisions/" + fixtures.byVariable().get("seq") + "/report?lang=en&team=";
    TestClient teamA = TestClient.as(port, accounts, "hostile-team-a", Role.TEAM);
    List<String> wrong = new ArrayList<>();
    for (String accept : List.of("*/*", "application/json", "text/html")) {
      for (var refused :
          List.of(
              teamA.send("GET", report + fixtures.byVariable().get("team"), null, "Accept", accept),
              new TestClient(port).send("GET", report + "team-a", null, "Accept", accept))) {
        String problem =
            HostileInputHttpTest.check(
                refused.statusCode(),
                refused.headers().firstValue("Content-Type").orElse(""),
                refused.body());
        if (problem != null || refused.statusCode() < 400) {
          wrong.add(accept + " " + refused.statusCode() + " " + problem);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** The body of a vote, which {@code VoteFilter} reads before any handler mapping. */
  record VoteBody(String outcome) {}

  /**
   * The mapped /api routes whose path has a variable, and the vote (served by a filter, so absent
   * from the mappings; RouteAccessTest lists it the same way).
   */
  private List<Route> behindIds() {
    List<Route> out = new ArrayList<>();
    HostileInputHttpTest.routes(context).stream()
        .filter(r -> r.pattern().contains("{"))
        .forEach(out::add);
    out.add(new Route("POST", "/api/arena/battles/{id}/vote", List.of(), VoteBody.class, Map.of()));
    return out;
  }

  /** The route's path with every variable set to a made thing's id, or null if one is missing. */
  private static @Nullable String resolved(String pattern, Fixtures fixtures) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    boolean any = false;
    while (m.find()) {
      String value = fixtures.of(pattern, m.group(1));
      if (value == null) {
        return null;
      }
      any = true;
      m.appendReplacement(out, Matcher.quoteReplacement(HostileInputHttpTest.encode(value)));
    }
    m.appendTail(out);
    return any ? out.toString() : null;
  }

  private static String query(Route route, int variant) {
    StringBuilder q = new StringBuilder();
    String value = HostileInputHttpTest.TEXT.get(variant);
    for (String name : route.query()) {
      q.append(q.isEmpty() ? "?" : "&")
          .append(HostileInputHttpTest.encode(name))
          .append('=')
          .append(HostileInputHttpTest.encode(value));
    }
    return q.toString();
  }

  /** Made once for both tests: the shared database keeps them, and most can be made only once. */
  private static @Nullable Fixtures made;

  private static boolean tried;

  private synchronized Fixtures fixtures(TestClient client) throws Exception {
    if (made == null) {
      // a second try would find the first one's rows and fail on them, hiding the first failure
      assertThat(tried).as("making the fixtures failed in the test before").isFalse();
      tried = true;
      made = make(client);
    }
    return made;
  }

  /**
   * Made through the REST API, as a user would, and each step must succeed; only what has no route
   * is made through the service the CLI uses (loading the stage programme and its evidence file,
   * storing an originality report).
   */
  private Fixtures make(TestClient client) throws Exception {
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    vars.put("username", "hostile-deep");

    var started =
        client.send(
            "POST",
            "/api/eval/runs",
            Map.of("model", "demo/lexical", "tasks", List.of("demo/arith")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String run = JSON.readTree(started.body()).path("runId").asString();
    waitUntilDone(client, run);
    ids.put("/api/eval/runs/", run);

    var scenario =
        client.ok(
            "POST",
            "/api/arena/admin/scenarios",
            Map.of(
                "title", "적대 입력 / hostile",
                "prompt", "서울의 인구는?",
                "category", "hostile",
                "language", "ko",
                "criteria", List.of("정확성 / accuracy")));
    ids.put("/api/arena/admin/scenarios/", scenario.path("id").asString());
    var battle = client.ok("POST", "/api/arena/battles", Map.of("prompt", "서울의 인구는? hostile"));
    ids.put("/api/arena/battles/", battle.path("battleId").asString());
    vars.put("turn", battle.path("turn").asString());
    waitForAnswers();
    // the office reads a battle only once it is voted: a second one, voted
    var voted = client.ok("POST", "/api/arena/battles", Map.of("prompt", "부산의 인구는? hostile"));
    waitForAnswers();
    String votedId = voted.path("battleId").asString();
    client.ok("POST", "/api/arena/battles/" + votedId + "/vote", Map.of("outcome", "tie"));
    ids.put("/api/arena/admin/battles/", votedId);

    client.send(
        "POST",
        "/api/data/suppliers",
        Map.of("id", "hostile-co", "name", "Hostile Supplier", "freeHelp", false));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "hostile-ds");
    fields.put("title", "적대 입력 말뭉치 / hostile input corpus");
    fields.put("licence", "programme licence");
    fields.put("modality", "text");
    fields.put("rightsBasis", "written by the project for tests");
    fields.put("usageWho", "selected teams");
    fields.put("usagePurpose", "tests");
    fields.put("commercial", "false");
    fields.put("termStart", "2026-01-01");
    fields.put("termEnd", "2026-12-31");
    fields.put("priceKrw", "1000");
    fields.put("provenance", "project");
    fields.put("governmentFunded", "false");
    client.ok("POST", "/api/data/datasets?supplier=hostile-co", fields);
    Map<String, Object> version = Map.of("version", "v1", "bytes", 10, "records", 1);
    client.ok("POST", "/api/data/datasets/hostile-ds/versions", version);
    ids.put("/api/data/datasets/", "hostile-ds");
    vars.put("version", "v1");

    // the example calls closed by the real clock; the open copy of the seed call takes it
    Application app = OfficeFiles.exampleApplications("seed-2025").get(0);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("id", app.id());
    form.put("consortium", app.consortium());
    form.put("members", app.members());
    form.put("support", app.support());
    form.put("documents", app.documents());
    client.ok("POST", "/api/office/calls/" + OPEN_CALL + "/applications", form);
    Map<String, Type> types = new LinkedHashMap<>();
    for (var c : Application.class.getRecordComponents()) {
      if (form.containsKey(c.getName())) {
        types.put(c.getName(), c.getGenericType());
      }
    }
    Map<String, ValidBody> bodies = new LinkedHashMap<>();
    Map<String, String> byRoute = new LinkedHashMap<>();
    Map<String, TestClient> clients = new LinkedHashMap<>();
    // the example calls are closed: applications go to the open one
    byRoute.put("/api/office/calls/{call}/applications {call}", OPEN_CALL);
    bodies.put("POST /api/office/calls/{call}/applications", new ValidBody(form, types));
    bodies.put(
        "POST /api/data/datasets/{id}/versions",
        new ValidBody(
            version, Map.of("version", String.class, "bytes", long.class, "records", long.class)));
    vars.put("call", "seed-2025");
    vars.put("round", "written");
    vars.put("team", app.id());
    ids.put("/api/data/teams/", app.id());

    client.ok("POST", "/api/data/teams", Map.of("id", app.id(), "commercialRelease", false));
    String manifest =
        "{\"format\":\"gukdae-training-manifest/1\",\"team\":\""
            + app.id()
            + "\",\"datasets\":[{\"id\":\"d\",\"version\":\"1\",\"name\":\"D\","
            + "\"source\":\"PUBLIC\",\"modality\":\"TEXT\",\"licence\":null}],"
            + "\"shards\":[{\"path\":\"s\",\"sha256\":\""
            + "ab".repeat(32)
            + "\",\"bytes\":1,\"dataset\":\"d\",\"version\":\"1\",\"weight\":1}]}";
    vars.put("root", client.ok("POST", "/api/data/commitments", manifest).path("root").asString());

    // the stage: the demo programme and its evidence file, as `gukdae stage` loads them
    Programmes.Loaded loaded =
        stages.programmes().current().orElseGet(() -> stages.loadDemo("hostile-deep"));
    List<StageEvidence> evidence = stages.importFile(loaded, 1, demoEvidenceNotYetRecorded(loaded));
    ids.put("/api/stage/evidence/", String.valueOf(evidence.getFirst().id()));
    var decided =
        client.ok("POST", "/api/stage/decisions", Map.of("stage", 1, "reason", "hostile walk"));
    vars.put("seq", decided.path("seq").asString());
    client.ok("POST", "/api/designations/apply?stage=1", null);
    var registry = client.ok("GET", "/api/designations", null);
    assertThat(registry).as("designations after the demo decision").isNotEmpty();
    ids.put("/api/designations/", registry.get(0).path("id").asString());

    // review: a panel, an artefact, a reviewer's saved sheet
    String team = loaded.program().teams().getFirst().id();
    client.ok("POST", "/api/review/panels", Map.of("stage", 1));
    String pdf =
        java.util.Base64.getEncoder()
            .encodeToString("%PDF-1.4\n% hostile\n".getBytes(StandardCharsets.UTF_8));
    var artefact =
        client.ok(
            "POST",
            "/api/review/artefacts",
            Map.of(
                "stage",
                1,
                "team",
                team,
                "kind",
                "TECHNICAL_REPORT",
                "name",
                "hostile.pdf",
                "base64",
                pdf));
    ids.put("/api/review/artefacts/", artefact.path("artefact").asString());
    client.ok(
        "POST", "/api/review/assignments", Map.of("stage", 1, "reviewer", "rv05", "team", team));
    TestClient reviewer = TestClient.as(port, accounts, "rv05", Role.REVIEWER);
    reviewer.ok(
        "PUT",
        "/api/review/sheets",
        Map.of(
            "stage",
            1,
            "team",
            team,
            "items",
            Map.of("originality", 5, "training", 5, "data-safety", 5, "report", 5),
            "comment",
            "hostile walk",
            "submit",
            false));
    var mine = reviewer.ok("GET", "/api/review/mine?stage=1", null);
    String sheet = mine.path("assignments").path(0).path("mine").path("id").asString();
    assertThat(sheet).as("the saved sheet " + mine).isNotEmpty();
    ids.put("/api/review/sheets/", sheet);

    officeRounds(client, reviewer, bodies, byRoute, clients);

    // a quality scan job over a file under the home (the jobs' allowed root)
    Path rows = Files.createTempFile(home, "hostile-rows", ".jsonl");
    Files.writeString(rows, "{\"text\":\"적대 입력 한 줄입니다 / a hostile line\"}\n".repeat(20));
    var job =
        client.send(
            "POST", "/api/jobs/quality", Map.of("file", rows.toString(), "rowsPerShard", 10));
    assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
    ids.put("/api/jobs/", JSON.readTree(job.body()).path("id").asString());

    // evidence of a derivative count, and an originality report
    var counted = client.ok("POST", "/api/lineage/evidence?root=demo-team-2/Saebyeok-7B", null);
    ids.put("/api/lineage/evidence/", counted.path("id").asString());
    ids.put("/api/originality/reports/", originalityReport());

    assertThat(ids.values()).allSatisfy(v -> assertThat(v).isNotBlank());
    assertThat(vars.values()).allSatisfy(v -> assertThat(v).isNotBlank());
    return new Fixtures(vars, ids, bodies, byRoute, clients);
  }

  /** The route a reviewer's sheet is sent to. */
  private static final String SCORES = "POST /api/office/calls/{call}/rounds/{round}/scores";

  /** A reviewer's sheet as {@code POST .../scores} reads it (the types of its fields). */
  record Sheet(String application, Map<String, Double> items, @Nullable Boolean approve) {}

  /**
   * The closed call through its first round and into its second, past every "not sealed" and "not
   * assigned" gate, with no clock moved: the real clock closed it in 2025. Its applications are
   * imported as {@code gukdae office import} does (a closed call takes no submission over HTTP);
   * seal, assignments, rv05's sheets and the decision go over HTTP (the other reviewers' sheets
   * through the service: logins are limited to 20 a minute per address). The written round ends
   * decided, so its decision, replay, what-if and grants are walked; the presentation round ends
   * assigned without sheets, so the walk's sheets are stored or refused on their content and its
   * decision is refused for missing sheets. The seal and the written decision are each sent twice
   * at once: one is recorded, the other refused in both languages, and the ledger grows by one step
   * only.
   */
  private void officeRounds(
      TestClient office,
      TestClient rv05,
      Map<String, ValidBody> bodies,
      Map<String, String> byRoute,
      Map<String, TestClient> clients)
      throws Exception {
    String base = "/api/office/calls/" + CLOSED_CALL;
    OfficeProgramme p = officeProgrammes.call(CLOSED_CALL);
    List<Application> apps =
        OfficeFiles.exampleApplications("seed-2025").stream()
            .map(a ->
                new Application(
                    a.id(),
                    CLOSED_CALL,
                    a.consortium(),
                    a.members(),
                    a.support(),
                    a.documents(),
                    a.suppliers(),
                    a.submittedAt()))
            .toList();
    officeService.importApplications(p, apps, "hostile-deep");

    long ledger = ledgerLength();
    recordedOnce(atOnce(office, base + "/seal"));
    assertThat(ledgerLength()).as("one seal").isEqualTo(ledger + apps.size() + 1);

    office.ok("POST", base + "/rounds/written/assign", null);
    Assignment written = officeService.assignment(p, "written");
    List<String> order = apps.stream().map(Application::id).toList();
    written
        .reviewersOf()
        .forEach((app, reviewers) -> {
          // distinct totals, 11 above the thresholds for a quota of 10: no tie to break
          double v = 10 - 0.4 * order.indexOf(app);
          Map<String, Double> items = Map.of("technology", v, "goals-strategy", v, "impact", v);
          for (String r : reviewers) {
            if (r.equals("rv05")) {
              sendOk(
                  rv05,
                  base + "/rounds/written/scores",
                  Map.of("application", app, "items", items));
            } else {
              officeService.score(p, new Score("written", r, app, items, null));
            }
          }
        });
    ledger = ledgerLength();
    recordedOnce(atOnce(office, base + "/rounds/written/decide"));
    assertThat(ledgerLength()).as("one decision").isEqualTo(ledger + 2);

    office.ok("POST", base + "/rounds/presentation/assign", null);
    String mine =
        officeService.assignment(p, "presentation").reviewersOf().entrySet().stream()
            .filter(e -> e.getValue().contains("rv05"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    for (String route : List.of("seal", "assign", "assignment", "scores", "decide")) {
      String pattern =
          "/api/office/calls/{call}"
              + (route.equals("seal") ? "" : "/rounds/{round}")
              + "/"
              + route;
      byRoute.put(pattern + " {call}", CLOSED_CALL);
      byRoute.put(pattern + " {round}", "presentation");
    }
    for (String route : List.of("decision", "replay", "what-if", "grants")) {
      byRoute.put("/api/office/calls/{call}/rounds/{round}/" + route + " {call}", CLOSED_CALL);
      byRoute.put("/api/office/calls/{call}/rounds/{round}/" + route + " {round}", "written");
    }
    Map<String, Type> types = new LinkedHashMap<>();
    for (var c : Sheet.class.getRecordComponents()) {
      types.put(c.getName(), c.getGenericType());
    }
    Map<String, Object> sheet = new LinkedHashMap<>();
    sheet.put("application", mine);
    sheet.put("items", Map.of("technology", 7.0, "goals-strategy", 7.0, "impact", 7.0));
    bodies.put(SCORES, new ValidBody(sheet, types));
    clients.put(SCORES, rv05);
  }

  private static void sendOk(TestClient client, String path, Object body) {
    try {
      client.ok("POST", path, body);
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  /** The same bodiless POST sent twice at once. */
  private static List<java.net.http.HttpResponse<String>> atOnce(TestClient client, String path)
      throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var gate = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> sent =
          new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sent.add(
            pool.submit(() -> {
              gate.await();
              return client.send("POST", path, null);
            }));
      }
      gate.countDown();
      List<java.net.http.HttpResponse<String>> out = new ArrayList<>();
      for (var f : sent) {
        out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Of two same requests at once, one was recorded and the other refused in both languages. */
  private static void recordedOnce(List<java.net.http.HttpResponse<String>> both) {
    var ok = both.stream().filter(r -> r.statusCode() == 200).toList();
    var refused = both.stream().filter(r -> r.statusCode() != 200).toList();
    assertThat(ok).as("one recorded " + both.stream().map(r -> r.body()).toList()).hasSize(1);
    assertThat(refused).hasSize(1);
    var r = refused.getFirst();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(
            HostileInputHttpTest.check(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()))
        .isNull();
  }

  /**
   * A sheet its round's decision would refuse (an unknown or missing criterion, a score out of
   * range, not a number, an application not assigned to the reviewer, a decided round) is refused
   * when sent, in both languages, naming what is wrong, and stores nothing: before the fix such a
   * sheet was stored and the round could not be decided until the reviewer replaced it. A second
   * decision of a decided round is refused the same way.
   */
  @Test
  void aSheetItsRoundWouldRefuseIsRefusedWhenSentAndWritesNothing() throws Exception {
    TestClient office = TestClient.as(port, accounts, "hostile-sheets", Role.values());
    Fixtures fixtures = fixtures(office);
    TestClient rv05 = java.util.Objects.requireNonNull(fixtures.clients().get(SCORES));
    String mine =
        (String)
            java.util.Objects.requireNonNull(fixtures.bodies().get(SCORES))
                .fields()
                .get("application");
    String base = "/api/office/calls/" + CLOSED_CALL + "/rounds/";
    String other =
        officeService
            .assignment(officeProgrammes.call(CLOSED_CALL), "presentation")
            .reviewersOf()
            .entrySet()
            .stream()
            .filter(e -> !e.getValue().contains("rv05"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    String valid = "{\"technology\": 7, \"goals-strategy\": 7, \"impact\": 7}";
    Map<String, String> sheets = new LinkedHashMap<>(); // items, what the refusal must name
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": 7, \"bribe\": 10}", "items");
    sheets.put("{\"technology\": 7}", "items");
    sheets.put("{}", "items");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": 11}", "items.impact");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": -1}", "items.impact");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": 1e300}", "items.impact");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": 1e309}", "items.impact");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": NaN}", "items.impact");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": \"NaN\"}", "items.impact");
    sheets.put(
        "{\"technology\": 7, \"goals-strategy\": 7, \"impact\": \"Infinity\"}", "items.impact");
    sheets.put(
        "{\"technology\": 7, \"goals-strategy\": 7, \"impact\": \"-Infinity\"}", "items.impact");
    sheets.put("{\"technology\": 7, \"goals-strategy\": 7, \"impact\": [7]}", "items");
    sheets.put("\"seven\"", "items");
    sheets.put("null", "items");
    List<String[]> sent = new ArrayList<>(); // path, body, what the refusal must name
    sheets.forEach((items, names) ->
        sent.add(
            new String[] {
              base + "presentation/scores",
              "{\"application\": \"" + mine + "\", \"items\": " + items + "}",
              names
            }));
    String ok = "{\"application\": \"" + mine + "\", \"items\": " + valid;
    sent.add(new String[] {base + "presentation/scores", ok + ", \"bribe\": 1}", "bribe"});
    sent.add(
        new String[] {base + "presentation/scores", ok + ", \"approve\": \"maybe\"}", "approve"});
    sent.add(
        new String[] {
          base + "presentation/scores",
          "{\"application\": \"" + other + "\", \"items\": " + valid + "}",
          other
        });
    sent.add(
        new String[] {
          base + "presentation/scores",
          "{\"application\": \"no-such-app\", \"items\": " + valid + "}",
          "no-such-app"
        });
    sent.add(new String[] {base + "written/scores", ok + "}", "written"});
    sent.add(new String[] {base + "budget/scores", ok + "}", "budget"});
    List<String> wrong = new ArrayList<>();
    for (String[] s : sent) {
      Map<String, Long> before = rows();
      var response = rv05.send("POST", s[0], s[1]);
      String problem =
          HostileInputHttpTest.check(
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(""),
              response.body());
      if (problem == null && response.statusCode() != 400) {
        problem = "not refused";
      }
      if (problem == null) {
        String en = JSON.readTree(response.body()).path("messageEn").asString();
        String ko = JSON.readTree(response.body()).path("messageKo").asString();
        if (!en.contains(s[2]) || !ko.contains(s[2])) {
          problem = "does not name " + s[2] + " in both languages";
        }
      }
      Map<String, Long> after = rows();
      if (problem == null && !after.equals(before)) {
        problem = "wrote rows: " + changed(before, after);
      }
      if (problem != null) {
        wrong.add(
            s[0]
                + " "
                + s[1]
                + " -> "
                + response.statusCode()
                + " "
                + problem
                + " "
                + response.body());
      }
    }
    assertThat(wrong).isEmpty();

    // a sound sheet is still taken, and the round waits for the missing ones, none refused
    rv05.ok("POST", base + "presentation/scores", ok + "}");
    long ledger = ledgerLength();
    var undecided = office.send("POST", base + "presentation/decide", null);
    assertThat(undecided.statusCode()).as(undecided.body()).isEqualTo(400);
    assertThat(undecided.body()).contains("assigned sheet(s) missing");
    var again = office.send("POST", base + "written/decide", null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
    assertThat(again.body()).contains("already decided");
    assertThat(ledgerLength()).as("nothing appended").isEqualTo(ledger);
  }

  /**
   * Behind a decided round, a what-if's weight is checked after its criterion, which the walk's
   * hostile criterion never passes: with the criterion valid, a weight that is not a number, not
   * finite or out of (0, 100) is refused in both languages naming the weight; a sound one answers.
   */
  @Test
  void aWhatIfWeightBehindADecidedRoundIsCheckedInBothLanguages() throws Exception {
    TestClient office = TestClient.as(port, accounts, "hostile-what-if", Role.values());
    fixtures(office);
    String base =
        "/api/office/calls/" + CLOSED_CALL + "/rounds/written/what-if?criterion=impact&weight=";
    List<String> wrong = new ArrayList<>();
    for (String weight :
        List.of("NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "100", "1e300", "x", "")) {
      var response = office.send("GET", base + HostileInputHttpTest.encode(weight), null);
      String problem =
          HostileInputHttpTest.check(
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(""),
              response.body());
      if (problem == null && response.statusCode() != 400) {
        problem = "not refused";
      }
      if (problem == null) {
        var body = JSON.readTree(response.body());
        if (!body.path("messageEn").asString().contains("weight")
            || !body.path("messageKo").asString().contains("weight")) {
          problem = "does not name the weight";
        }
      }
      if (problem != null) {
        wrong.add(weight + " -> " + response.statusCode() + " " + problem + " " + response.body());
      }
    }
    assertThat(wrong).isEmpty();
    var sound = office.ok("GET", base + "50", null);
    assertThat(sound.path("weight").asDouble()).isEqualTo(50.0);
  }

  /**
   * The demo evidence file less what the features already measured (an eval run of the demo model
   * in this shared database counts for a benchmark slot, and nothing is recorded twice).
   */
  private Path demoEvidenceNotYetRecorded(Programmes.Loaded loaded) throws Exception {
    java.util.Set<String> recorded = new java.util.HashSet<>();
    for (StageEvidence x : stages.gather(loaded, 1)) {
      if (x.counts()) {
        recorded.add(key(x.evidence()));
      }
    }
    String demo;
    try (var in = Evidence.class.getResourceAsStream("demo/evidence-stage1.yaml")) {
      demo =
          new String(java.util.Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder kept = new StringBuilder("evidence:\n");
    for (String line : demo.split("\n")) {
      if (line.startsWith("  - ")
          && !recorded.contains(
              key(EvidenceLoader.parse("evidence:\n" + line, "demo").getFirst()))) {
        kept.append(line).append('\n');
      }
    }
    return Files.writeString(Files.createTempFile(home, "hostile-evidence", ".yaml"), kept);
  }

  private static String key(Evidence e) {
    return e.team() + "|" + EvidenceJson.kind(e) + "|" + EvidenceJson.slot(e);
  }

  /** A stored comparison of two tiny independent demo models. */
  private String originalityReport() throws Exception {
    Path dir = Files.createTempDirectory(home, "hostile-weights");
    DemoWeights.independent(DemoWeights.Config.tiny(), 1).write(dir.resolve("base"), DType.F32, 1);
    DemoWeights.independent(DemoWeights.Config.tiny(), 2).write(dir.resolve("own"), DType.F32, 1);
    var report =
        Originality.compare(
            WeightModel.open("hostile-own", dir.resolve("own")),
            List.of(WeightModel.open("hostile-base", dir.resolve("base"))),
            Originality.calibrate(List.of(), Originality.Options.defaults()),
            Originality.Options.defaults(),
            null);
    return originality.save(report, null);
  }

  private static void waitUntilDone(TestClient client, String run) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      // the run is listed once its worker has started it: until then it is a 404
      var response = client.send("GET", "/api/eval/runs/" + run, null);
      String status =
          response.statusCode() == 200
              ? JSON.readTree(response.body()).path("run").path("status").asString()
              : "";
      if (status.equals("DONE")) {
        return;
      }
      assertThat(status).as("run " + run).isNotEqualTo("FAILED");
      Thread.sleep(100);
    }
    throw new AssertionError("run " + run + " did not finish");
  }

  /**
   * The battle's answers are streamed by the server after the reply; its rows change until the
   * stream ends, so the walk starts once no stream is open.
   */
  private void waitForAnswers() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (rows().getOrDefault("arena_stream", 0L) > 0) {
      assertThat(System.nanoTime()).as("the battle's answers did not finish").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** The audit ledger's length. */
  private long ledgerLength() throws Exception {
    return java.util.Objects.requireNonNull(rows().get("audit_ledger"));
  }

  /** Every table's row count (names in lower case). */
  private Map<String, Long> rows() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet t =
          c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (t.next()) {
          tables.add(t.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
          r.next();
          counts.put(table.toLowerCase(java.util.Locale.ROOT), r.getLong(1));
        }
      }
    }
    assertThat(counts).isNotEmpty();
    return counts;
  }

  private static String changed(Map<String, Long> before, Map<String, Long> after) {
    List<String> out = new ArrayList<>();
    after.forEach((table, n) -> {
      if (!n.equals(before.get(table))) {
        out.add(table + " " + before.get(table) + "→" + n);
      }
    });
    return String.join(", ", out);
  }
}
