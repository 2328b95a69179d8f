package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** Indexing stopped by an interrupt (shutdown, Ctrl-C) says the index is incomplete. */
class ParallelIndexerInterruptTest {

  @Test
  void anInterruptedIndexIsAUserErrorAndKeepsTheInterrupt() {
    var indexer =
        new ParallelIndexer(new NgramFilter(NgramParams.of(13, Normaliser.NORI_1, 16, 7)), 2);
    indexer.accept("한국어 문서 하나");
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(indexer::close)
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(true)).contains("중단되었습니다", "다시 실행");
            assertThat(((UserError) e).message(false)).contains("interrupted", "incomplete");
          });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
