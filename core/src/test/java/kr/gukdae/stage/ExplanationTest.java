package kr.gukdae.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.gukdae.stage.StageResult.Outcome;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  private final Program demo = ProgramLoader.demo();
  private final StageResult result = Stages.evaluate(demo, 1, EvidenceLoader.demo());
  private final List<Explanation> all = Explanation.of(result, false);

  private Explanation of(String team) {
    return all.stream().filter(e -> e.team().equals(team)).findFirst().orElseThrow();
  }

  @Test
  void theTeamCutOnPointsIsToldTheRuleTheCutLineAndTheGap() {
    Explanation dokdo = of("dokdo");
    assertThat(dokdo.outcome()).isEqualTo(Outcome.ELIMINATED_POINTS);
    double cut = result.ranking().get(3).total();
    assertThat(dokdo.cutLine()).isEqualTo(cut);
    assertThat(dokdo.gap()).isNegative().isEqualTo(Math.round((dokdo.total() - cut) * 1e4) / 1e4);
    String gap = String.format(java.util.Locale.ROOT, "%.1f", -dokdo.gap());
    assertThat(dokdo.rule().en())
        .isEqualTo(
            "4 places; gate failures are not refilled; 5th on points ("
                + String.format(java.util.Locale.ROOT, "%.1f", dokdo.total())
                + "), "
                + gap
                + " below the cut line");
    assertThat(dokdo.rule().ko()).contains("정원 4팀", "5위", "커트라인보다 " + gap + "점 낮음");
    assertThat(dokdo.outcomeLabel().en()).isEqualTo("Eliminated on points");
  }

  @Test
  void aGateFailureSaysSoWhateverItsPointsAndNoLabelIsAnEnumName() {
    Explanation m = of("mugunghwa");
    assertThat(m.outcome()).isEqualTo(Outcome.ELIMINATED_GATE);
    assertThat(m.rule().en())
        .startsWith("Originality gate failed (")
        .contains("regardless of points");
    // The verdict's own reason is submitted evidence: quoted after a label in each language, as
    // recorded (never translated), while the sentence around it is in the reader's language.
    String reason = result.team("mugunghwa").orElseThrow().gateReason();
    assertThat(reason).startsWith("vision encoder weights match");
    assertThat(m.gateReasonText().ko()).isEqualTo("증거의 판정 사유: \u201C" + reason + "\u201D");
    assertThat(m.gateReasonText().en())
        .isEqualTo("verdict reason from the evidence: \u201C" + reason + "\u201D");
    assertThat(m.rule().ko())
        .startsWith("독자성 기준 미충족 (증거의 판정 사유: \u201C" + reason + "\u201D): 점수와 관계없이 탈락");
    assertThat(m.rule().en())
        .startsWith(
            "Originality gate failed (verdict reason from the evidence: \u201C"
                + reason
                + "\u201D): cut");
    for (Explanation e : all) {
      assertThat(e.outcomeLabel().en()).doesNotContain("_");
      assertThat(e.outcomeLabel().ko()).doesNotContain("_");
    }
  }

  @Test
  void everyComponentSitsNextToItsMaximumAndTheFieldAverage() {
    Explanation h = of("hanbit");
    assertThat(h.components()).hasSize(demo.scheme().components().size());
    for (var line : h.components()) {
      assertThat(line.max()).isEqualTo(demo.scheme().component(line.id()).orElseThrow().points());
      double mean =
          result.ranking().stream().mapToDouble(t -> t.points(line.id())).average().orElseThrow();
      assertThat(line.average()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-4));
    }
    assertThat(h.rule().en()).contains("1st on points", "above the cut line");
  }
}
