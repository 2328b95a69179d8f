package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelException;
import org.junit.jupiter.api.Test;

/**
 * A server's echoed log-probabilities above 0 (or NaN) are a malformed reply: a FATAL {@link
 * ModelException} in both languages naming the endpoint, never the LoglikelihoodResult invariant.
 */
class MalformedLogprobsTest {

  private static final URI FROM = URI.create("http://127.0.0.1:9/v1/completions");

  private static Logprobs.Echo echo(Double last) {
    return new Logprobs.Echo(
        List.of("Q", ":", " yes"), Arrays.asList(-0.5, -0.25, last), new int[] {0, 1, 2}, null);
  }

  @Test
  void aPositiveOrNaNTokenLogprobIsAMalformedReply() {
    for (double bad : new double[] {0.7, Double.NaN}) {
      assertThatThrownBy(() -> Logprobs.continuation(echo(bad), "Q:", " yes", FROM))
          .as("log-prob " + bad)
          .isInstanceOf(ModelException.class)
          .satisfies(e -> {
            ModelException error = (ModelException) e;
            assertThat(error.kind()).isEqualTo(ModelException.Kind.FATAL);
            assertThat(error.message(true)).contains(FROM.toString(), "응답 형식이 잘못되었습니다");
            assertThat(error.message(false))
                .contains("malformed response from " + FROM, "is not <= 0");
            assertThat(UserError.hasKorean(error.message(false))).isFalse();
          });
    }
    assertThat(Logprobs.continuation(echo(-1.0), "Q:", " yes", FROM).logprob()).isEqualTo(-1.0);
  }
}
