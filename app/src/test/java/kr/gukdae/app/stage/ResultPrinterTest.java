package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.testing.InProcessLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** The stage decision as a person reads it in the terminal, in English and in Korean. */
class ResultPrinterTest {

  /** Puts the display locale back after each test. */
  @RegisterExtension final InProcessLauncher cli = new InProcessLauncher();

  @Test
  void englishTableHasWholeHeadersAndOutcomeLabels() {
    String out = decide(Locale.ENGLISH);
    String header = out.lines().filter(l -> l.startsWith("rank")).findFirst().orElseThrow();
    assertThat(header)
        .contains(
            "korean-benchmarks",
            "global-benchmarks",
            "target-comparison",
            "expert-review",
            "user-evaluation",
            "gate",
            "outcome");
    assertThat(out)
        .contains("Continues to the next stage", "Eliminated by the originality gate")
        .contains("FAIL", "pass")
        // no enum names or record text where people read
        .doesNotContain("CONTINUES", "ELIMINATED_", "Original[", "Component[");
    // Every row's numbers sit under their headers: the rows are as wide as the header up to the
    // gate column.
    int gate = header.indexOf("  gate");
    out.lines()
        .filter(l -> l.matches("^\\d+ +\\S+ +\\d.*"))
        .forEach(row -> assertThat(row.substring(gate, gate + 2)).isBlank());
  }

  @Test
  void koreanTableUsesKoreanLabels() {
    String out = decide(Locale.KOREAN);
    assertThat(Terminal.korean()).isTrue();
    assertThat(out)
        .contains("순위", "총점", "관문", "결과")
        .contains("다음 단계 진출", "탈락 (독자성 기준 미충족)", "미통과", "통과")
        .doesNotContain("Continues to the next stage", "Eliminated by the originality gate");
    // Hangul takes two columns: the header is padded by display width, not by characters.
    String header = out.lines().filter(l -> l.startsWith("순위")).findFirst().orElseThrow();
    assertThat(Terminal.width(header.substring(0, header.indexOf("korean-benchmarks"))))
        .isEqualTo(4 + 1 + 14 + 1 + 7 + 1); // rank, team, total and spaces, as in every row
  }

  @Test
  void displayWidthCountsHangulTwice() {
    assertThat(Terminal.width("팀")).isEqualTo(2);
    assertThat(Terminal.padRight("팀", 4)).isEqualTo("팀  ");
    assertThat(Terminal.padLeft("총점", 7)).isEqualTo("   총점");
  }

  private static String decide(Locale locale) {
    Locale.setDefault(Locale.Category.DISPLAY, locale);
    var cmd = new CommandLine(new StageCommand(Ledger.inMemory(), null));
    return InProcessLauncher.capture(() -> cmd.execute("run", "--program", "demo", "--no-reports"))
        .succeeded();
  }
}
