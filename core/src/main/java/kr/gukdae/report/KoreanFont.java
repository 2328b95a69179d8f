package kr.gukdae.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.gukdae.UserError;

/**
 * Finds a TrueType font with Hangul glyphs to embed in PDFs: GUKDAE_KOREAN_FONT if set, else
 * Debian's fonts-nanum, else the Pretendard font that the launcher fetched from the npm registry
 * into {@code GUKDAE_HOME/fonts} (scripts/korean-font.sh). Without one a PDF would show empty
 * boxes, so we refuse with the fix.
 */
final class KoreanFont {

  static final List<String> CANDIDATES =
      List.of(
          "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
          "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
          "/usr/share/fonts/nanum/NanumGothic.ttf");

  private KoreanFont() {}

  static Path find() {
    String env = System.getenv("GUKDAE_KOREAN_FONT");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (!Files.isReadable(p)) {
        throw UserError.of(
            "GUKDAE_KOREAN_FONT=" + env + "은(는) 읽을 수 있는 글꼴 파일이 아닙니다",
            "GUKDAE_KOREAN_FONT=" + env + " is not a readable font file");
      }
      return p;
    }
    return Stream.concat(CANDIDATES.stream().map(Path::of), Stream.of(fetched()))
        .filter(Files::isReadable)
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                "PDF 보고서에 쓸 한국어 TrueType 글꼴이 없습니다. ./gukdae로 실행하거나(글꼴을 받아 옵니다), 글꼴을 설치하거나('apt-get install fonts-nanum') GUKDAE_KOREAN_FONT에 .ttf 파일을 지정하세요",
                "no Korean TrueType font for the PDF reports: run through ./gukdae (it fetches"
                    + " one), install one ('apt-get install fonts-nanum') or set"
                    + " GUKDAE_KOREAN_FONT to a .ttf file"));
  }

  /** Where scripts/korean-font.sh leaves the font it fetched. */
  static Path fetched() {
    String home = System.getenv("GUKDAE_HOME");
    Path base =
        home == null || home.isBlank()
            ? Path.of(System.getProperty("user.home"), ".gukdae")
            : Path.of(home);
    return base.resolve("fonts").resolve("Pretendard-Regular.ttf");
  }
}
