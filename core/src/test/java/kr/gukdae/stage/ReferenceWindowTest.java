package kr.gukdae.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** A programme file whose reference window is 0 months: refused naming the field, bilingual. */
class ReferenceWindowTest {

  @Test
  void aZeroMonthWindowNamesTheFieldInBothLanguages() {
    String yaml =
        DemoFiles.read("programme.yaml")
            .replace("referenceWindowMonths: 6,", "referenceWindowMonths: 0,");
    assertThat(yaml).contains("referenceWindowMonths: 0,");
    UserError e = catchThrowableOfType(UserError.class, () -> ProgramLoader.parse(yaml, "p.yaml"));
    assertThat(e).isNotNull();
    assertThat(e.message(true)).contains("referenceWindowMonths").contains("1 이상");
    assertThat(e.message(false)).contains("referenceWindowMonths").contains("must be at least 1");
  }
}
