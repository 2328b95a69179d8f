package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gukdae.model.ModelException;
import org.junit.jupiter.api.Test;

class EchoReaderTest {

  private static final URI FROM = URI.create("http://127.0.0.1:9/v1/completions");

  private static Logprobs.Echo read(String json) {
    return EchoReader.read(json.getBytes(StandardCharsets.UTF_8), FROM);
  }

  private static String answer(String logprobs) {
    return "{\"id\":\"x\",\"usage\":{\"prompt_tokens\":3},\"choices\":[{\"text\":\"ab c\","
        + "\"index\":0,\"logprobs\":"
        + logprobs
        + ",\"finish_reason\":\"length\"},{\"index\":1,\"logprobs\":null}],\"model\":\"m\"}";
  }

  @Test
  void readsTokensLogprobsOffsetsAndAlternativesWhateverTheirOrder() {
    var echo =
        read(
            answer(
                "{\"top_logprobs\":[null,{\"b\":-0.5,\"x\":-1},{\" c\":-2.0}],"
                    + "\"text_offset\":[0,1,2],\"tokens\":[\"a\",\"b\",\" c\"],"
                    + "\"token_logprobs\":[null,-0.5,-2.25],\"extra\":{\"n\":[1,2]}}"));
    assertThat(echo.tokens()).containsExactly("a", "b", " c");
    assertThat(echo.logprobs()).containsExactly(null, -0.5, -2.25);
    assertThat(echo.offsets()).containsExactly(0, 1, 2);
    Map<String, Double> second = new LinkedHashMap<>();
    second.put("b", -0.5);
    second.put("x", -1.0);
    assertThat(echo.tops()).containsExactly(null, second, Map.of(" c", -2.0));
  }

  @Test
  void offsetsAndAlternativesAreOptional() {
    var echo = read(answer("{\"tokens\":[\"a\"],\"token_logprobs\":[-1.5],\"text_offset\":null}"));
    assertThat(echo.offsets()).isNull();
    assertThat(echo.tops()).isNull();
    assertThat(echo.logprobs()).containsExactly(-1.5);
  }

  @Test
  void anAnswerWithoutLogprobsIsNoEcho() {
    assertThat(EchoReader.read(answer("null").getBytes(StandardCharsets.UTF_8), FROM)).isNull();
    assertThat(
            EchoReader.read(
                "{\"choices\":[{\"text\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8), FROM))
        .isNull();
  }

  @Test
  void malformedAnswersAreFatalWithTheReason() {
    String[][] cases = {
      {"[1,2]", "expected a JSON object"},
      {"{\"choices\":[]}", "no choices[0] object"},
      {"{\"id\":1}", "no choices[0] object"},
      {"{\"choices\":[{}]} {}", "trailing content"},
      {"{\"choices\":[{}],\"choices\":[{}]}", "not valid JSON"},
      {"{\"choices\":[{\"logprobs\":{\"tokens\":[\"a\"]", "not valid JSON"},
      {answer("{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[-1]}"), "differ in length"},
      {answer("{\"tokens\":[\"a\"],\"token_logprobs\":[\"-1\"]}"), "is not a number"},
      {answer("{\"tokens\":[1],\"token_logprobs\":[-1]}"), "tokens[0] is not a string"},
      {answer("{\"tokens\":[\"a\"],\"token_logprobs\":[-1],\"text_offset\":[0,1]}"), "text_offset"},
      {
        answer("{\"tokens\":[\"a\"],\"token_logprobs\":[-1],\"top_logprobs\":[3]}"), "not an object"
      },
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> read(c[0]))
          .as(Arrays.toString(c))
          .isInstanceOfSatisfying(
              ModelException.class,
              e ->
                  assertThat(e.message(false))
                      .startsWith("malformed response from " + FROM)
                      .contains(c[1]));
    }
  }
}
