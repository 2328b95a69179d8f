package kr.gukdae.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each pack end to end through the OpenAI adapter against the local FAKE OpenAI server. */
class PacksOverOpenAiTest {

  private static FakeOpenAiServer server;

  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    server = FakeOpenAiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private void runOverHttp(String model, String task, String metric) {
    var spec =
        ModelSpec.parse("openai/" + model)
            .withBaseUrl(server.baseUrl())
            .withApiKeyEnv("GUKDAE_PACKS_TEST_NO_KEY")
            .withRequestTimeout(Duration.ofSeconds(10));
    var loaded = PackTesting.builtin(task);
    try (ModelApi api = Models.open(spec)) {
      var outcome = PackTesting.runClean(out.resolve(model), api, loaded);
      assertThat(PackTesting.metric(outcome, task, metric)).isNotNaN();
    }
    assertThat(server.requests(model)).isEqualTo(loaded.samples(null).size());
  }

  @Test
  void ifeval() {
    runOverHttp("fake-ifeval", "ifeval/ifeval", "prompt_level_loose_acc,none");
    runOverHttp("fake-koifeval", "ifeval/ko_ifeval", "inst_level_strict_acc,none");
  }

  @Test
  void humaneval() {
    runOverHttp("fake-code", "code/humaneval", "pass_at_1,n=1");
  }

  @Test
  void kobbq() {
    runOverHttp("fake-kobbq", "kobbq/kobbq", "out_of_choice_ratio,choice-letter");
  }

  @Test
  void safety() {
    runOverHttp("fake-safety", "safety/ko_safety", "safe_behaviour_rate,rules");
  }

  @Test
  void needle() {
    runOverHttp("fake-needle", "longctx/needle_ko", "exact_match,password");
  }
}
