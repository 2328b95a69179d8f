package kr.gukdae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GUKDAE_KOREAN_FONT set to a readable file that is not a TrueType font: the PDF report is refused
 * naming the file and the variable, in both languages.
 */
class BrokenFontTest {

  @Test
  void aFileThatIsNotAFontIsNamedWithTheFix(@TempDir Path dir) throws Exception {
    Path notAFont = dir.resolve("notes.ttf");
    Files.writeString(notAFont, "이것은 글꼴이 아닙니다 / this is not a font\n");
    assertThatThrownBy(() -> PdfRenderer.render(List.of(new Block.Para("안녕하세요", false)), notAFont))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          UserError error = (UserError) e;
          assertThat(error.message(true)).contains("notes.ttf", "글꼴", "GUKDAE_KOREAN_FONT");
          assertThat(error.message(false))
              .contains("notes.ttf", "not be read as a TrueType font", "GUKDAE_KOREAN_FONT");
        });
  }
}
