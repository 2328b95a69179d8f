package kr.gukdae.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evaluation service against a local server speaking the OpenAI protocol (a fake, at the edge
 * of the machine): a rerun is answered from the response cache, and an endpoint without prompt
 * log-probabilities stops the run with one clear line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EvalOpenAiTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    var home = Files.createTempDirectory("gukdae-home");
    registry.add("gukdae.home", home::toString);
  }

  @Autowired EvalService service;

  private static EvalRequest request(FakeOpenAiServer server, String model, List<String> tasks) {
    return EvalRequest.builder("openai/" + model)
        .baseUrl(server.baseUrl())
        .tasks(tasks)
        .concurrency(4)
        .maxRetries(2)
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void aRerunIsAnsweredFromTheResponseCache() throws Exception {
    try (var server = FakeOpenAiServer.start()) {
      var tasks = List.of("demo/ko_knowledge", "demo/arith");
      var first = service.run(request(server, "fake", tasks), ProgressListener.NONE);
      long asked = server.requests("fake");
      assertThat(first.errors()).isZero();
      assertThat(asked).isEqualTo(20 * 4 + 10);

      var second = service.run(request(server, "fake", tasks), ProgressListener.NONE);
      assertThat(server.requests("fake")).isEqualTo(asked);
      assertThat(second.results()).isEqualTo(first.results());
    }
  }

  @Test
  void anEndpointWithoutPromptLogprobsStopsWithOneLine() throws Exception {
    try (var server = FakeOpenAiServer.start()) {
      assertThatThrownBy(() ->
              service.run(
                  request(server, "fake:nologprobs", List.of("demo/ko_knowledge")),
                  ProgressListener.NONE))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("generation variant")
          .hasMessageNotContaining("\n");
    }
  }
}
