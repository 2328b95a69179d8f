package kr.gukdae.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evaluation evidence lands in a real PostgreSQL server, through the migrations, and its
 * samples are served from there ({@link RunSamplesContract}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvalPostgresTest extends RunSamplesContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    String url = TestDatabases.postgres();
    registry.add("spring.datasource.url", () -> url);
    var home = Files.createTempDirectory("gukdae-home");
    registry.add("gukdae.home", home::toString);
  }

  @Autowired EvalService service;
  @Autowired EvalStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void aDemoRunIsStoredWithItsResults() {
    var outcome =
        service.run(
            EvalRequest.demo("demo/lexical", List.of("demo/ko_knowledge")), ProgressListener.NONE);
    String runId = outcome.manifest().runId();
    assertThat(store.run(runId).orElseThrow().status()).isEqualTo("DONE");
    assertThat(store.results(runId))
        .anySatisfy(r -> {
          assertThat(r.task()).isEqualTo("demo/ko_knowledge");
          assertThat(r.metric()).isEqualTo("acc");
          assertThat(r.metricValue()).isEqualTo(0.95);
        });
    String product = jdbc.sql("SELECT version()").query(String.class).single();
    assertThat(product).startsWith("PostgreSQL");
    String resultsJson =
        jdbc.sql("SELECT results_json FROM eval_run WHERE id = ?")
            .param(runId)
            .query(String.class)
            .single();
    assertThat(resultsJson).contains("\"acc,none\"");
  }
}
