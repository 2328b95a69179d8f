package kr.gukdae.data.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** A data set too big to number its rows with an int is told to split, in both languages. */
class NearDuplicatesLimitTest {

  @Test
  void theRowAfterTheLastIntIsRefusedWithTheFix() {
    assertThat(NearDuplicates.next(Integer.MAX_VALUE - 1)).isEqualTo(Integer.MAX_VALUE);
    UserError e =
        catchThrowableOfType(UserError.class, () -> NearDuplicates.next(Integer.MAX_VALUE));
    assertThat(e.message(true)).contains("2^31-1").contains("나누어");
    assertThat(e.message(false)).contains("2^31-1").contains("split it");
  }
}
