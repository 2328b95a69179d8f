package kr.gukdae.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/** A programme file whose source has a blank title: the file, line and fix, in both languages. */
class SourceTitleTest {

  @Test
  void aBlankSourceTitleIsNamedWithItsLine() {
    String yaml =
        OfficeFiles.example("contest.yaml")
            .replaceFirst("title: Public reports of an open AI contest[^\\n]*", "title: ' '");
    UserError e =
        catchThrowableOfType(
            UserError.class, () -> OfficeFiles.parse(yaml, "contest.yaml", OfficeProgramme.class));
    assertThat(e.message(true)).contains("contest.yaml").contains("행: ").contains("title이 비어");
    assertThat(e.message(false))
        .contains("contest.yaml")
        .contains("line ")
        .contains("title is required; give the report's title");
  }
}
