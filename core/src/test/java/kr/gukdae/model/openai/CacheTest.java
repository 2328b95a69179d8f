package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheTest {

  private FakeOpenAiServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = FakeOpenAiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static GenerateRequest ask(String text) {
    return GenerateRequest.chat(List.of(ChatMessage.user(text)), GenerateConfig.GREEDY);
  }

  @Test
  void aRepeatedRequestIsAnsweredFromDiskEvenByANewAdapter() throws Exception {
    try (ModelApi model = Fixture.cached(server, "fake", dir)) {
      assertThat(model.generate(ask("안녕")).text()).isEqualTo("You said: 안녕");
      assertThat(model.generate(ask("안녕")).text()).isEqualTo("You said: 안녕");
    }
    try (ModelApi rerun = Fixture.cached(server, "fake", dir)) {
      assertThat(rerun.generate(ask("안녕")).text()).isEqualTo("You said: 안녕");
      assertThat(rerun.generate(ask("different")).text()).isEqualTo("You said: different");
    }
    assertThat(server.requests("fake")).isEqualTo(2);
    // one append-only pack per run that asked something new
    assertThat(packs()).hasSize(2);
  }

  private List<Path> packs() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".pack")).toList();
    }
  }

  @Test
  void aRunKilledMidWriteLeavesATornTailThatReadsAsAMiss() throws Exception {
    try (ModelApi model = Fixture.cached(server, "fake", dir)) {
      model.generate(ask("first"));
      model.generate(ask("second"));
    }
    Path pack = packs().get(0);
    byte[] whole = Files.readAllBytes(pack);
    Files.write(pack, java.util.Arrays.copyOf(whole, whole.length - 3)); // as kill -9 leaves it
    try (ModelApi rerun = Fixture.cached(server, "fake", dir)) {
      assertThat(rerun.generate(ask("first")).text()).isEqualTo("You said: first");
      assertThat(rerun.generate(ask("second")).text()).isEqualTo("You said: second");
    }
    assertThat(server.requests("fake")).isEqualTo(3); // only the torn answer was asked again
  }

  @Test
  void manyPacksAreMergedWhenTheCacheOpensAndNothingIsLost() throws Exception {
    for (int i = 0; i <= ResponseCache.MAX_PACKS; i++) {
      try (ModelApi model = Fixture.cached(server, "fake", dir)) {
        model.generate(ask("question " + i));
      }
    }
    assertThat(packs()).hasSize(ResponseCache.MAX_PACKS + 1);
    try (ModelApi merged = Fixture.cached(server, "fake", dir)) {
      assertThat(packs()).hasSize(1);
      for (int i = 0; i <= ResponseCache.MAX_PACKS; i++) {
        assertThat(merged.generate(ask("question " + i)).text())
            .isEqualTo("You said: question " + i);
      }
    }
    assertThat(server.requests("fake")).isEqualTo(ResponseCache.MAX_PACKS + 1);
  }

  @Test
  void logLikelihoodsAreCachedToo() {
    var request =
        List.of(new LoglikelihoodRequest("Q:", " yes"), new LoglikelihoodRequest("Q:", " no"));
    try (ModelApi model = Fixture.cached(server, "fake", dir)) {
      var first = model.loglikelihood(request);
      assertThat(model.loglikelihood(request)).isEqualTo(first);
    }
    assertThat(server.requests("fake")).isEqualTo(2);
  }

  @Test
  void theKeyCoversEndpointModelAndBody() {
    String a = ResponseCache.key("http://a/v1/completions", "m", "{}".getBytes());
    assertThat(a)
        .hasSize(64)
        .isEqualTo(ResponseCache.key("http://a/v1/completions", "m", "{}".getBytes()));
    assertThat(a).isNotEqualTo(ResponseCache.key("http://b/v1/completions", "m", "{}".getBytes()));
    assertThat(a).isNotEqualTo(ResponseCache.key("http://a/v1/completions", "n", "{}".getBytes()));
    assertThat(a).isNotEqualTo(ResponseCache.key("http://a/v1/completions", "m", "{ }".getBytes()));
  }

  @Test
  void failuresAreNeverCached() {
    try (ModelApi model = Fixture.cached(server, "fake:malformed", dir)) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> model.generate(ask("x"))).hasMessageContaining("malformed");
      }
    }
    assertThat(server.requests("fake:malformed")).isEqualTo(2);
  }

  @Test
  void aCorruptEntryIsReplacedByAFreshAnswer() throws Exception {
    try (ModelApi model = Fixture.cached(server, "fake", dir)) {
      model.generate(ask("x"));
      // a flipped byte inside the stored answer, as a bad disk leaves it: the checksum catches it
      Path pack = packs().get(0);
      byte[] bytes = Files.readAllBytes(pack);
      byte[] body = "You said: x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int at = indexOf(bytes, body);
      bytes[at] = '{';
      Files.write(pack, bytes);
      assertThat(model.generate(ask("x")).text()).isEqualTo("You said: x");
      assertThat(model.generate(ask("x")).text()).isEqualTo("You said: x");
    }
    assertThat(server.requests("fake")).isEqualTo(2);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not in the pack");
  }
}
