package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** {@code --anchor} as a person types it: a missing model name is named, in both languages. */
class AnchorOptionTest {

  @Test
  void anAnchorWithoutAModelNameSaysWhatIsMissing() {
    assertThat(RatingOptions.Anchor.parse("gpt=4=1200").model()).isEqualTo("gpt=4");
    UserError e = catchThrowableOfType(UserError.class, () -> RatingOptions.Anchor.parse(" =1200"));
    assertThat(e.message(true)).contains("--anchor").contains("모델 이름").contains("gpt-4=1200");
    assertThat(e.message(false)).contains("--anchor: needs a model name").contains("gpt-4=1200");
    UserError value =
        catchThrowableOfType(UserError.class, () -> RatingOptions.Anchor.parse("gpt-4=Infinity"));
    assertThat(value.message(false)).contains("a finite rating");
  }
}
