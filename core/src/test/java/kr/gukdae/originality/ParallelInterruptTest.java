package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** Comparisons run in parallel: an interrupt is said in both languages, an Error kept whole. */
class ParallelInterruptTest {

  @Test
  void anInterruptedComparisonIsAUserErrorAndKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() ->
              Originality.parallel(
                  List.of(1, 2, 3), i -> i, i -> (Callable<Integer>) () -> i * 2, 2))
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(true)).contains("텐서", "중단되었습니다");
            assertThat(((UserError) e).message(false)).contains("interrupted", "run again");
          });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void resultsKeepTheItemsOrderAndAnErrorIsRethrownAsItIs() {
    assertThat(
            Originality.parallel(List.of(1, 2, 3), i -> i, i -> (Callable<Integer>) () -> i * 2, 2))
        .containsExactly(2, 4, 6);
    assertThatThrownBy(() ->
            Originality.parallel(
                List.of(1),
                i -> i,
                i ->
                    (Callable<Integer>)
                        () -> {
                          throw new OutOfMemoryError("planted");
                        },
                1))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("planted");
  }
}
