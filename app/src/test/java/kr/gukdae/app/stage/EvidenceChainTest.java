package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.forensics.ForensicsStore;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.review.ReviewService;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.stage.Explanation;
import kr.gukdae.stage.StageResult.Outcome;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole evidence chain on a fresh database with no hand-written evidence: the programme is
 * loaded, every feature measures, readiness turns complete, the stage is decided from what was
 * recorded, and the decision explains each outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceChainTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    Path home = Files.createTempDirectory("gukdae-chain");
    registry.add("gukdae.home", home::toString);
    registry.add("gukdae.arena.models", () -> String.join(",", ChainFixture.arenaModels()));
    registry.add("gukdae.arena.battles-per-minute", () -> "10000");
    registry.add("gukdae.arena.votes-per-minute", () -> "10000");
    registry.add("gukdae.arena.daily-votes-public", () -> "100000");
  }

  @LocalServerPort int port;
  @Autowired StageService stages;
  @Autowired ReviewService reviews;
  @Autowired EvalService eval;
  @Autowired ForensicsStore forensics;
  @Autowired LineageEvidenceRepository lineage;
  @Autowired JdbcClient jdbc;

  @Test
  void everyMeasurementReachesTheDecisionByItself(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("programme.yaml");
    Files.writeString(file, ChainFixture.programme());
    Workspace.Loaded loaded = stages.load(file, "office");

    Readiness empty = stages.status(loaded, 1);
    assertThat(empty.complete()).isFalse();
    assertThat(empty.teams().getFirst().items())
        .allMatch(i -> i.state() == Readiness.State.MISSING);

    try (var server = FakeOpenAiServer.start()) {
      ChainFixture.evaluate(eval, server);
    }
    assertThat(ChainFixture.vote(port, jdbc, 60)).isEqualTo(60);
    ChainFixture.originality(forensics, dir.resolve("weights"));
    var roots = kr.gukdae.stage.EvaluationPlan.of(loaded.program()).lineageRoots();
    roots.values().forEach(root -> ChainFixture.derivatives(lineage, root));

    reviews.openPanel(1, "office");
    assertThatThrownBy(() -> reviews.assign(1, "rv1", "alpha", "office"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("conflict of interest");
    double[] level = {9, 7, 6, 8};
    for (int t = 0; t < ChainFixture.TEAMS.size(); t++) {
      String team = ChainFixture.TEAMS.get(t);
      for (String rv : new String[] {"rv2", "rv3", "rv4"}) {
        reviews.assign(1, rv, team, "office");
        double s = level[t] + (rv.equals("rv3") ? 0.5 : 0);
        reviews.save(1, rv, team, Map.of("design", s, "report", s - 1), "notes " + rv, true);
      }
    }

    Readiness ready = stages.status(loaded, 1);
    assertThat(ready.teams())
        .allSatisfy(t ->
            assertThat(t.items())
                .as(t.team())
                .allMatch(i -> i.state() == Readiness.State.PRESENT, "present"));
    assertThat(ready.complete()).isTrue();

    StageService.Decided decided = stages.decide(loaded, 1, "office", true, null);
    var result = decided.result();
    assertThat(result.team("delta").orElseThrow().outcome()).isEqualTo(Outcome.ELIMINATED_GATE);
    assertThat(result.survivors()).hasSize(2).doesNotContain("delta");
    // Every number came from a feature: nothing in the workspace was imported.
    assertThat(stages.workspace().evidence(loaded.id(), 1)).noneMatch(StageEvidence::imported);
    var alpha = result.team("alpha").orElseThrow();
    assertThat(alpha.userRating()).isNotNull();
    assertThat(alpha.userRating().votes()).isPositive();

    var explained = Explanation.of(result, false);
    assertThat(explained).allSatisfy(e -> assertThat(e.rule().en()).isNotBlank());
    assertThat(explained.stream().filter(e -> e.team().equals("delta")).findFirst().orElseThrow()
            .rule().en())
        .startsWith("Originality gate failed");

    assertThatThrownBy(() -> stages.decide(loaded, 1, "office", true, " "))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("give a reason");
    assertThatThrownBy(() -> stages.decide(loaded, 1, "team-member", false, "mine"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("only the programme office");
    var again = stages.decide(loaded, 1, "office", true, "review sheet corrected");
    assertThat(again.supersedesSeq()).isEqualTo(decided.ledgerSeq());
  }
}
