package kr.gukdae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh machine has no fonts-nanum: the launcher then fetches Pretendard from the npm registry
 * (scripts/korean-font.sh). This runs that script for real and renders Hangul with the result.
 */
class KoreanFontTest {

  @Test
  void fontFetchedFromTheRegistryRendersHangulInPdf(@TempDir Path dir) throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean npm = new ProcessBuilder("sh", "-c", "command -v npm").start().waitFor() == 0;
    assumeTrue(ci || npm, "needs npm (the font comes from the npm registry)");
    Path font = dir.resolve("fonts/Pretendard-Regular.ttf");
    Process fetch =
        new ProcessBuilder(
                "bash",
                "-c",
                "source ../scripts/korean-font.sh && gukdae_fetch_korean_font \"$1\"",
                "fetch",
                font.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fetch.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(fetch.exitValue()).as(log).isZero();
    assertThat(font).isRegularFile();

    byte[] pdf =
        PdfRenderer.render(
            List.of(
                new Block.Heading("단계 평가 결과 공개 요약", 1),
                new Block.Para("국가대표 AI 파운데이션 모델 90.20점", false)),
            font);
    Path file = dir.resolve("hangul.pdf");
    Files.write(file, pdf);
    assertThat(new String(pdf, StandardCharsets.ISO_8859_1))
        .startsWith("%PDF")
        .contains("/FontFile2")
        .contains("Pretendard");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "needs poppler-utils");
    Process text = new ProcessBuilder("pdftotext", file.toString(), "-").start();
    String extracted = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(extracted).contains("단계 평가 결과 공개 요약", "국가대표 AI 파운데이션 모델 90.20점");
  }

  @Test
  void fetchedFontLivesUnderGukdaeHome() {
    assertThat(KoreanFont.fetched().toString()).endsWith("fonts/Pretendard-Regular.ttf");
  }
}
