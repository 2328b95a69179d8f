package kr.gukdae.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;

/**
 * Finds a TrueType font with Hangul glyphs to embed in PDFs: GUKDAE_KOREAN_FONT if set, else
 * Debian's fonts-nanum. Without one a PDF would show empty boxes, so we refuse with the fix.
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
        throw new UserError("GUKDAE_KOREAN_FONT=" + env + " is not a readable font file");
      }
      return p;
    }
    return CANDIDATES.stream()
        .map(Path::of)
        .filter(Files::isReadable)
        .findFirst()
        .orElseThrow(() ->
            new UserError(
                "no Korean TrueType font for the PDF reports: install"
                    + " one ('apt-get install fonts-nanum') or set GUKDAE_KOREAN_FONT to a .ttf file"));
  }
}
