package kr.gukdae.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The two per-sample readers of a run over HTTP, on whichever database the subclass's application
 * runs on: {@code /samples} (the viewer's) and {@code /scored-samples} (the evidence trail's) read
 * the same journal the same way, page the same way, and refuse with problems.
 */
abstract class RunSamplesContract {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired EvalService evalService;

  private TestClient office() throws Exception {
    return TestClient.as(
        port, accounts, "office-" + UUID.randomUUID().toString().substring(0, 8), Role.OFFICE);
  }

  private String demoRun() {
    return evalService
        .run(
            EvalRequest.demo("demo/lexical", List.of("demo/ko_knowledge", "demo/arith")),
            ProgressListener.NONE)
        .manifest()
        .runId();
  }

  @Test
  void bothReadersShowTheSameSamplesInTaskThenDocumentOrder() throws Exception {
    String run = demoRun();
    TestClient office = office();
    JsonNode all = new TestClient(port).ok("GET", "/api/eval/runs/" + run + "/samples", null);
    JsonNode samples = all.path("samples");
    assertThat(all.path("truncated").asBoolean()).isFalse();
    assertThat(all.path("total").asInt()).isEqualTo(samples.size());
    List<JsonNode> knowledge = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (JsonNode s : samples) {
      order.add(
          s.path("task").asString()
              + "#"
              + String.format(java.util.Locale.ROOT, "%05d", s.path("docId").asInt()));
      if (s.path("task").asString().equals("demo/ko_knowledge")) {
        knowledge.add(s);
      }
    }
    assertThat(order).isSorted(); // by task name, then document, whatever order they finished in
    assertThat(knowledge).hasSizeGreaterThan(5);

    JsonNode scored =
        office.ok(
            "GET",
            "/api/eval/runs/" + run + "/scored-samples?task=demo/ko_knowledge&metric=acc",
            null);
    assertThat(scored.path("samples").asInt()).isEqualTo(knowledge.size());
    assertThat(scored.path("mean").asDouble())
        .isCloseTo(scored.path("value").asDouble(), within(1e-9));
    assertThat(scored.path("value").asDouble()).isEqualTo(0.95);
    JsonNode rows = scored.path("rows");
    assertThat(rows).hasSize(knowledge.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      JsonNode view = knowledge.get(i);
      assertThat(row.path("docId").asInt()).isEqualTo(view.path("docId").asInt());
      assertThat(row.path("prompt").asString())
          .isEqualTo(view.path("prompt").asString())
          .contains("정답");
      assertThat(row.path("response").asString()).isEqualTo(view.path("response").asString());
      assertThat(row.path("score").asDouble())
          .isEqualTo(view.path("scores").path("acc,none").asDouble());
    }
  }

  @Test
  void scoredSamplesPageWithinBounds() throws Exception {
    String run = demoRun();
    TestClient office = office();
    String base = "/api/eval/runs/" + run + "/scored-samples?task=demo/ko_knowledge&metric=acc";
    JsonNode whole = office.ok("GET", base, null).path("rows");
    JsonNode page = office.ok("GET", base + "&offset=2&limit=3", null);
    assertThat(page.path("offset").asInt()).isEqualTo(2);
    assertThat(page.path("rows")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(page.path("rows").get(i)).isEqualTo(whole.get(2 + i));
    }
    // out-of-range paging is clamped, as before: a negative offset starts at 0, a limit below 1
    // gives one row, past the end gives none
    assertThat(office.ok("GET", base + "&offset=-5&limit=0", null).path("rows")).hasSize(1);
    assertThat(office.ok("GET", base + "&offset=-5", null).path("offset").asInt()).isZero();
    assertThat(office.ok("GET", base + "&offset=100000", null).path("rows")).isEmpty();
    assertThat(office.ok("GET", base + "&limit=100000", null).path("rows")).hasSize(whole.size());
  }

  @Test
  void refusalsAreProblems() throws Exception {
    String run = demoRun();
    TestClient office = office();
    TestClient anonymous = new TestClient(port);
    String scored = "/api/eval/runs/" + run + "/scored-samples?task=demo/ko_knowledge&metric=acc";
    anonymous.refused(401, "unauthenticated", "GET", scored, null);
    for (String path :
        List.of(
            "/api/eval/runs/no-such-run/samples",
            "/api/eval/runs/no-such-run/scored-samples?task=demo/arith&metric=exact_match")) {
      assertThat(office.refused(404, "not_found", "GET", path, null).path("messageEn").asString())
          .isEqualTo("run no-such-run: no such run");
    }
    assertThat(
            office
                .refused(
                    400,
                    "bad_input",
                    "GET",
                    "/api/eval/runs/" + run + "/scored-samples?task=demo/ko_knowledge&metric=f1",
                    null)
                .path("messageEn")
                .asString())
        .contains("has no result for task 'demo/ko_knowledge', metric 'f1', filter 'none'");
    office.refused(
        400, "bad_input", "GET", "/api/eval/runs/" + run + "/scored-samples?metric=acc", null);
  }
}
