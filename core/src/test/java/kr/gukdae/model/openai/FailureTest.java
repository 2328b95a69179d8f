package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelException.Kind;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureTest {

  private static final String SECRET = "sk-test-Secret-4f2a9c";
  private static final GenerateRequest HELLO =
      GenerateRequest.chat(List.of(ChatMessage.user("hello")), GenerateConfig.GREEDY);

  private FakeOpenAiServer server;

  @BeforeEach
  void start() throws Exception {
    server = FakeOpenAiServer.start(0, 0, "sk-the-right-key");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ModelApi open(String model) {
    return Fixture.open(Fixture.spec(server, model), "sk-the-right-key");
  }

  private String chatUrl() {
    return server.baseUrl() + "/chat/completions";
  }

  @Test
  void rateLimitsAreRetriedHonouringRetryAfter() {
    try (ModelApi model = open("fake:429x3")) {
      assertThat(model.generate(HELLO).text()).isEqualTo("You said: hello");
    }
    assertThat(server.requests("fake:429x3")).isEqualTo(4);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() {
    try (ModelApi model = open("fake:500x2")) {
      assertThat(model.generate(HELLO).text()).isEqualTo("You said: hello");
    }
    assertThat(server.requests("fake:500x2")).isEqualTo(3);
  }

  @Test
  void retriesStopAtTheLimitWithTheLastReason() {
    ModelSpec spec = Fixture.spec(server, "fake:500x9").withMaxRetries(2);
    try (ModelApi model = Fixture.open(spec, "sk-the-right-key")) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                assertThat(e.message(false))
                    .startsWith("gave up after 3 attempts: 500 from " + chatUrl());
              });
    }
    assertThat(server.requests("fake:500x9")).isEqualTo(3);
  }

  @Test
  void aWrongKeyIsFatalAtOnceNamesTheVariableAndNeverShowsTheKey() {
    try (ModelApi model = Fixture.open(Fixture.spec(server, "fake"), SECRET)) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.FATAL);
                assertThat(e.httpStatus()).isEqualTo(401);
              })
          .hasMessageStartingWith(
              "401 from " + chatUrl() + ": check the API key in $GUKDAE_TEST_KEY")
          // The fake echoes the key it got, as some servers do; the adapter must scrub it.
          .hasMessageContaining("Incorrect API key provided: ***")
          .hasMessageNotContaining(SECRET);
    }
    assertThat(server.requests("fake")).isEqualTo(1);
  }

  @Test
  void aMissingKeyIsNamedAsMissing() {
    try (ModelApi model = Fixture.open(Fixture.spec(server, "fake"), null)) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .hasMessageContaining("set the API key in $GUKDAE_TEST_KEY (it is not set)");
    }
  }

  @Test
  void theKeyNeverAppearsInAnyFailureMessage() {
    // Every fault the fake can produce, with a key the server accepts, then with one it refuses.
    for (String model :
        List.of("fake:malformed", "fake:huge", "fake:500x9", "llama-9b", "fake:bogus")) {
      for (String key : List.of("sk-the-right-key", SECRET)) {
        try (ModelApi api = Fixture.open(Fixture.spec(server, model).withMaxRetries(1), key)) {
          assertThatThrownBy(() -> api.generate(HELLO))
              .isInstanceOf(ModelException.class)
              .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(key))
              .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(key));
        }
      }
    }
  }

  @Test
  void anUnknownModelIsFatalAndSaysWhatToCheck() {
    try (ModelApi model = open("llama-9b")) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .isInstanceOfSatisfying(
              ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FATAL))
          .hasMessageContaining("404 from " + chatUrl())
          .hasMessageContaining("no model 'llama-9b'")
          .hasMessageContaining("check --model and --base-url");
    }
    assertThat(server.requests("llama-9b")).isEqualTo(1);
  }

  @Test
  void aBadRequestIsFatalWithTheServersReason() {
    try (ModelApi model = open("fake:bogus")) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .hasMessageStartingWith("400 from " + chatUrl())
          .hasMessageContaining("unknown fake option 'bogus'");
    }
    assertThat(server.requests("fake:bogus")).isEqualTo(1);
  }

  @Test
  void malformedJsonIsFatalAndNotRetried() {
    try (ModelApi model = open("fake:malformed")) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.FATAL);
                assertThat(e.message(false))
                    .startsWith("malformed response from " + chatUrl() + ": not valid JSON")
                    .contains("OpenAI-compatible");
                assertThat(e.message(true)).contains("응답 형식이 잘못되었습니다");
              });
    }
    assertThat(server.requests("fake:malformed")).isEqualTo(1);
  }

  @Test
  void oversizedResponsesAreCutOff() {
    try (ModelApi model = open("fake:huge")) {
      assertThatThrownBy(() -> model.generate(HELLO)).hasMessageContaining("larger than 4 MB");
    }
  }

  @Test
  void slowAnswersTimeOutAndAreRetried() {
    ModelSpec spec =
        Fixture.spec(server, "fake:slow3000")
            .withRequestTimeout(Duration.ofMillis(150))
            .withMaxRetries(1);
    try (ModelApi model = Fixture.open(spec, "sk-the-right-key")) {
      assertThatThrownBy(() -> model.generate(HELLO))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                assertThat(e.message(false))
                    .isEqualTo(
                        "gave up after 2 attempts: no answer from " + chatUrl() + " within 150 ms");
              });
    }
    assertThat(server.requests("fake:slow3000")).isEqualTo(2);
  }

  @Test
  void aDeadEndpointIsRetriedThenExplained() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ModelSpec spec =
        ModelSpec.parse("openai/x").withBaseUrl("http://127.0.0.1:" + port).withMaxRetries(1);
    try (ModelApi model = Fixture.open(spec, null)) {
      assertThat(model.info().endpoint()).isEqualTo("http://127.0.0.1:" + port + "/v1");
      assertThatThrownBy(() -> model.generate(HELLO))
          .hasMessageContaining(
              "cannot connect to http://127.0.0.1:" + port + "/v1/chat/completions")
          .hasMessageContaining("is the server running");
    }
  }
}
