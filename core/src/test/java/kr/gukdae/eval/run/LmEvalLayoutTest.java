package kr.gukdae.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lm-eval's folder and file naming, and no way out of the run folder through a model name. */
class LmEvalLayoutTest {

  @TempDir Path run;

  @Test
  void folderIsTheServedModelSanitizedAsLmEvalDoes() {
    assertThat(LmEvalLayout.folder(run, "openai/Qwen/Qwen3-8B").getFileName().toString())
        .isEqualTo("Qwen__Qwen3-8B");
    assertThat(LmEvalLayout.folder(run, "demo/lexical").getFileName().toString())
        .isEqualTo("lexical");
    assertThat(LmEvalLayout.taskFileName("ko/kmmlu_law")).isEqualTo("ko_kmmlu_law");
  }

  @Test
  void aModelNamedDotDotStaysInsideTheRunFolder() {
    Path folder = LmEvalLayout.folder(run, "openai/..");
    assertThat(folder.normalize()).startsWith(run);
    assertThat(folder.getFileName().toString()).isEqualTo("_..");
  }

  @Test
  void dateIsPythonsIsoformatWithDashes() {
    assertThat(LmEvalLayout.dateId())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d(\\.\\d{6})?");
  }
}
