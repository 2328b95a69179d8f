package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import kr.gukdae.call.Application;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.web.HostileInputHttpTest.Route;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile walk of {@link HostileInputHttpTest}, one layer deeper: real things are made first
 * through the REST API as a user would (an eval run that finishes, an arena battle, a supplier, a
 * dataset and its version; the example call and its round exist already), then every route whose
 * path names such a thing is called with the valid id while its query parameters and JSON body
 * fields carry the hostile values, signed in with every role. So the checks behind the id (the
 * parsing of a body, a limit, a date, a state) are reached, not only "no such id". No answer may be
 * a server error; every refusal is a problem in both languages; and a refused request writes
 * nothing (every table's row count is the same after it).
 */
class HostileBehindIdsHttpTest extends SharedHttpContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;

  /** The valid ids made for the walk. */
  record Fixtures(
      String run,
      @Nullable String battle,
      String dataset,
      String version,
      String call,
      String round,
      String team,
      String username) {

    /** The valid value of a path variable in this route, or null when none was made. */
    @Nullable String of(String pattern, String variable) {
      return switch (variable) {
        case "call" -> call;
        case "round" -> round;
        case "team" -> team;
        case "username" -> username;
        case "version" -> version;
        case "id" ->
            pattern.startsWith("/api/eval/runs/")
                ? run
                : pattern.contains("/battles/")
                    ? battle
                    : pattern.startsWith("/api/data/datasets/")
                        ? dataset
                        : pattern.startsWith("/api/data/teams/") ? team : null;
        default -> null;
      };
    }
  }

  @Test
  void hostileQueriesAndBodiesBehindValidIdsAreRefusedInBothLanguagesAndWriteNothing()
      throws Exception {
    TestClient client = TestClient.as(port, accounts, "hostile-deep", Role.values());
    Fixtures fixtures = fixtures(client);
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    int routes = 0;
    Map<String, Long> rows = rows();
    for (Route route : HostileInputHttpTest.routes(context)) {
      String base = resolved(route.pattern(), fixtures);
      if (base == null || (route.query().isEmpty() && route.body() == null)) {
        continue; // nothing behind a valid id to fuzz here, or no id was made for it
      }
      routes++;
      for (int variant = 0; variant < HostileInputHttpTest.TEXT.size(); variant++) {
        String path = base + query(route, variant);
        Object body =
            route.body() == null
                ? null
                : JSON.writeValueAsString(HostileInputHttpTest.value(route.body(), variant, 0));
        var response =
            client.send(
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
    // 25 routes behind a run, a battle, a dataset and version, a call and round, a team, an account
    assertThat(routes).as("routes reached behind a valid id").isGreaterThanOrEqualTo(25);
    assertThat(requests).isGreaterThanOrEqualTo(250);
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

  /** Made through the REST API, as a user would: each step must succeed. */
  private Fixtures fixtures(TestClient client) throws Exception {
    var started =
        client.send(
            "POST",
            "/api/eval/runs",
            Map.of("model", "demo/lexical", "tasks", List.of("demo/arith")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String run = JSON.readTree(started.body()).path("runId").asString();
    waitUntilDone(client, run);
    var battleReply =
        client.send("POST", "/api/arena/battles", Map.of("prompt", "서울의 인구는? hostile"));
    String battle =
        battleReply.statusCode() == 200
            ? JSON.readTree(battleReply.body()).path("battleId").asString()
            : null;
    waitForAnswers();
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
    client.ok(
        "POST",
        "/api/data/datasets/hostile-ds/versions",
        Map.of("version", "v1", "bytes", 10, "records", 1));
    Application app = OfficeFiles.exampleApplications("seed-2025").get(0);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("id", app.id());
    form.put("consortium", app.consortium());
    form.put("members", app.members());
    form.put("support", app.support());
    form.put("documents", app.documents());
    // the example calls closed in 2025-2026 by the real clock, so the application is refused
    // (a bilingual 400); its team id is then the one the TEAM role's accounts belong to
    var submitted = client.send("POST", "/api/office/calls/seed-2025/applications", form);
    String team = submitted.statusCode() == 200 ? app.id() : "team-a";
    return new Fixtures(
        run, battle, "hostile-ds", "v1", "seed-2025", "written", team, "hostile-deep");
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
