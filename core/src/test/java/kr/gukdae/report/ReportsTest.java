package kr.gukdae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  private final kr.gukdae.stage.Program program = ProgramLoader.demo();
  private final StageResult result = Stages.evaluate(program, 1, EvidenceLoader.demo());

  @Test
  void publicSummaryDisclosesTopTeamAndAveragesOnly() {
    String html = Reports.publicHtml(result, program.disclosure(), Lang.KO, "abc");
    assertThat(html).contains("진출 팀 중 1위 점수 구성", "90.20", "79.72", "<svg", "데모");
    // Other teams' totals are withheld under the stage-1 policy.
    assertThat(html).doesNotContain("82.90", "81.20", "77.80");
    String en = Reports.publicHtml(result, program.disclosure(), Lang.EN, null);
    assertThat(en).contains("Top continuing team&#39;s breakdown", "eliminated (originality gate)");
  }

  @Test
  void rulesReadInTheReportsLanguage() {
    String ko = Reports.publicHtml(result, program.disclosure(), Lang.KO, null);
    assertThat(ko).contains("총점 높은 순", "까지 선형").doesNotContain("higher total", "linear to");
    String en = Reports.publicHtml(result, program.disclosure(), Lang.EN, null);
    assertThat(en).contains("higher total", "linear to").doesNotContain("총점 높은 순", "까지 선형");
  }

  @Test
  void aTeamCutOnTheGateIsNeverHeadlinedAsTop() {
    // Make the gate failure the highest total: the headline must go to the best continuing team.
    var ev = new java.util.ArrayList<>(EvidenceLoader.demo());
    ev.removeIf(e ->
        e instanceof kr.gukdae.stage.Evidence.OriginalityVerdict o && o.team().equals("hanbit"));
    ev.add(new kr.gukdae.stage.Evidence.OriginalityVerdict("hanbit", 1, false, "frozen encoder"));
    StageResult cut = Stages.evaluate(program, 1, ev);
    assertThat(cut.ranking().getFirst().team()).isEqualTo("hanbit");
    String en = Reports.publicHtml(cut, program.disclosure(), Lang.EN, null);
    String top = cut.team("baekdu").orElseThrow().name();
    assertThat(en).contains("Top continuing team&#39;s breakdown (" + top + ")");
    assertThat(en).doesNotContain("breakdown (" + cut.ranking().getFirst().name() + ")");
  }

  @Test
  void teamReportShowsOwnBreakdownAndEscapesText() {
    String html = Reports.teamHtml(result, "mugunghwa", Lang.EN, null);
    assertThat(html)
        .contains("81.20", "Achievement ratio", "95.00%", "eliminated (originality gate)");
    assertThat(html).doesNotContain("90.20");
    // A note naming other teams (a tie between them) stays out of this team's private report.
    var tied =
        new StageResult(
            result.programme(),
            result.version(),
            result.programmeSha256(),
            true,
            1,
            result.evaluationDate(),
            result.referenceSet(),
            result.pointsFunction(),
            result.tieBreakRule(),
            4,
            result.ranking(),
            result.survivors(),
            List.of(),
            List.of(
                "teams baekdu and hanbit tied on 80.0; ordered by the tie-break rule",
                "3 of 4 planned places filled; the rest are open to an extra call"));
    assertThat(Reports.teamHtml(tied, "mugunghwa", Lang.EN, null))
        .doesNotContain("baekdu and hanbit")
        .contains("3 of 4 planned places");
    assertThat(Reports.publicHtml(tied, program.disclosure(), Lang.EN, null))
        .doesNotContain("baekdu and hanbit")
        .contains("3 of 4 planned places");
    var open = new kr.gukdae.stage.Disclosure(true, true, true, true);
    assertThat(Reports.publicHtml(tied, open, Lang.EN, null)).contains("baekdu and hanbit");
    assertThat(HtmlRenderer.esc("<script>")).isEqualTo("&lt;script&gt;");
  }

  @Test
  void pdfEmbedsKoreanFontAndTextExtracts(@TempDir Path dir) throws Exception {
    assumeTrue(
        KoreanFont.CANDIDATES.stream().anyMatch(p -> Files.exists(Path.of(p))),
        "needs fonts-nanum");
    List<Path> files = Reports.writeAll(result, program.disclosure(), dir, "abc123");
    assertThat(files).hasSize(2 * (2 + 2 * 5));
    Path pdf = dir.resolve("stage-1-public.ko.pdf");
    String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    assertThat(raw).startsWith("%PDF").contains("/FontFile2").contains("NanumGothic");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "needs poppler-utils");
    Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(text).contains("단계 평가 결과 공개 요약", "진출 팀 중 1위 점수 구성", "90.20");
  }
}
