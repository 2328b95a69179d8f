package kr.gukdae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceJson;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark result that carries its contamination audit shows the clean-subset score next to the
 * official one in the team's report, the audit rates in the public summary, and survives the ledger
 * round trip so the decision replays.
 */
class CleanSubsetReportTest {

  private final Program program = ProgramLoader.demo();

  /** The demo evidence with hanbit's KO-Knowledge result audited: 12 of 400 items contaminated. */
  private List<Evidence> audited() {
    List<Evidence> out = new ArrayList<>();
    for (Evidence e : EvidenceLoader.demo()) {
      if (e instanceof Evidence.BenchmarkResult b
          && b.team().equals("hanbit")
          && b.benchmark().equals("KO-Knowledge")) {
        out.add(
            new Evidence.BenchmarkResult(
                b.team(),
                b.stage(),
                b.benchmark(),
                b.group(),
                b.score(),
                new Evidence.CleanSubset("GPT3_13GRAM", 400, 12, 64.25, 61.34)));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void theTeamReportShowsTheCleanScoreNextToTheFullScore() {
    StageResult result = Stages.evaluate(program, 1, audited());
    String en = Reports.teamHtml(result, "hanbit", Lang.EN, null);
    assertThat(en)
        .contains("Clean-subset score (audited items)")
        .contains("61.34 (64.25; 12/400 contaminated items, GPT3_13GRAM)")
        .contains("not audited"); // the other benchmarks
    String ko = Reports.teamHtml(result, "hanbit", Lang.KO, null);
    assertThat(ko).contains("오염 제외 점수").contains("12/400 오염 문항");
    // The official score is unchanged by the audit: points are the same as without it.
    StageResult plain = Stages.evaluate(program, 1, EvidenceLoader.demo());
    assertThat(result.team("hanbit").orElseThrow().total())
        .isEqualTo(plain.team("hanbit").orElseThrow().total());
  }

  @Test
  void thePublicSummaryShowsRatesNotScores() {
    StageResult result = Stages.evaluate(program, 1, audited());
    String en = Reports.publicHtml(result, program.disclosure(), Lang.EN, null);
    assertThat(en).contains("Training-data contamination audit").contains("3.00% – 3.00%");
    assertThat(en).doesNotContain("61.34");
    StageResult plain = Stages.evaluate(program, 1, EvidenceLoader.demo());
    assertThat(Reports.publicHtml(plain, program.disclosure(), Lang.EN, null))
        .doesNotContain("contamination audit");
  }

  @Test
  void theAuditTravelsThroughTheLedgerAndTheDecisionReplays() {
    Ledger ledger = Ledger.inMemory();
    StageResult recorded = Stages.run(program, 1, audited(), ledger);
    var replay = Stages.replay(ledger, 1);
    assertThat(replay.matches()).isTrue();
    assertThat(replay.evidence())
        .filteredOn(e -> e instanceof Evidence.BenchmarkResult b && b.clean() != null)
        .hasSize(1);
    assertThat(CanonicalJson.of(recorded)).contains("\"contaminated\":12");
    // A decision without audits keeps the JSON shape it had before audits existed.
    assertThat(CanonicalJson.of(Stages.evaluate(program, 1, EvidenceLoader.demo())))
        .doesNotContain("\"clean\"");
  }

  @Test
  void aBadAuditBlockInAnEvidenceFileIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(
        file,
        "[{\"type\":\"benchmark\",\"team\":\"hanbit\",\"stage\":1,\"group\":\"KOREAN\","
            + "\"benchmark\":\"KO-Math\",\"score\":60,"
            + "\"clean\":{\"method\":\"GPT3_13GRAM\",\"items\":10,\"contaminated\":11,"
            + "\"full\":60,\"clean\":58,\"colour\":1}}]",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EvidenceLoader.load(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("clean.colour")
        .hasMessageContaining("contaminated (11) must be within 0..10");
    var ok =
        EvidenceJson.read(
            "{\"type\":\"benchmark\",\"team\":\"t\",\"stage\":1,\"group\":\"GLOBAL\","
                + "\"benchmark\":\"B\",\"score\":1}",
            "x");
    assertThat(((Evidence.BenchmarkResult) ok).clean()).isNull();
  }
}
