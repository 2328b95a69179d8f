package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** A bootstrap stopped by an interrupt (shutdown, Ctrl-C) says so in both languages. */
class BootstrapInterruptTest {

  @Test
  void anInterruptedBootstrapIsAUserErrorAndKeepsTheInterrupt() {
    RatingOptions options = RatingOptions.builder().bootstrap(8).threads(2).build();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Bootstrap.rounds(options, random -> new double[] {1.0}))
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(true)).contains("부트스트랩", "중단되었습니다");
            assertThat(((UserError) e).message(false)).contains("interrupted", "run again");
          });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anErrorInARoundIsRethrownAsItIs() {
    RatingOptions options = RatingOptions.builder().bootstrap(4).threads(2).build();
    assertThatThrownBy(() ->
            Bootstrap.rounds(
                options,
                random -> {
                  throw new StackOverflowError("deep");
                }))
        .isInstanceOf(StackOverflowError.class);
  }
}
