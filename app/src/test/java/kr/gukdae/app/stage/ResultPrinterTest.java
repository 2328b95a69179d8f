package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.LineRule;
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

  /**
   * The decision's rules and notes (recorded in English in the ledger) read in Korean after their
   * Korean labels, and in English without Hangul.
   */
  @Test
  void rulesAndNotesReadInTheRunsLanguage() {
    String ko = decide(Locale.KOREAN);
    String tie = line(ko, "동점 처리: ");
    assertThat(tie).contains("총점 높은 순", "팀 ID 알파벳순").doesNotContain("higher", "alphabetical");
    assertThat(line(ko, "배점: ")).contains("선형").doesNotContain("linear", "capped");
    ko.lines()
        .filter(l -> l.startsWith("참고: "))
        .forEach(l ->
            assertThat(LineRule.englishOnly(l.substring("참고: ".length()), List.of()))
                .as(l)
                .isFalse());
    String en = decide(Locale.ENGLISH);
    assertThat(line(en, "tie-break: ")).contains("higher total");
    assertThat(line(en, "points: ")).contains("linear to");
    en.lines()
        .filter(
            l -> l.startsWith("tie-break: ") || l.startsWith("points: ") || l.startsWith("note: "))
        .forEach(l -> assertThat(LineRule.hangul(l)).as(l).isFalse());
  }

  private static String line(String out, String label) {
    return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
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
