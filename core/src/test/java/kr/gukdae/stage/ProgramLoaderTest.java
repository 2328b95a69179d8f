package kr.gukdae.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

class ProgramLoaderTest {

  private static final String DEMO = DemoFiles.read("programme.yaml");

  private static Program load(String yaml) {
    return ProgramLoader.parse(yaml, "p.yaml");
  }

  @Test
  void demoLoadsWithStageOneScheme() {
    Program p = load(DEMO);
    assertThat(p.demo()).isTrue();
    assertThat(p.scheme().components())
        .extracting(Component::points)
        .containsExactly(10.0, 20.0, 10.0, 35.0, 25.0);
    assertThat(p.teamsIn(1)).hasSize(5);
    assertThat(p.teamsIn(2))
        .extracting(Team::id)
        .containsExactly("hanbit", "baekdu", "gyeongbok", "hallasan");
    assertThat(p.sourceSha256()).hasSize(64);
  }

  @Test
  void weightsNotSummingAsDeclaredNameTheField() {
    assertThatThrownBy(() -> load(DEMO.replace("points: 35", "points: 30")))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains(
                    "p.yaml: 1 problem: scheme.components: points sum to 95 but"
                        + " scheme.total declares 100"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String bad =
        DEMO.replace("points: 35", "points: 30")
            .replace("plannedSurvivors: 4", "plannedSurvivors: 6")
            .replace("tieBreak: [expert-review", "tieBreak: [peer-review");
    assertThatThrownBy(() -> load(bad))
        .hasMessageContaining("3 problems")
        .hasMessageContaining(
            "stages[0].plannedSurvivors: 6 survivors asked for but 5 team(s)"
                + " compete in stage 1")
        .hasMessageContaining("scheme.tieBreak: 'peer-review' is not a component id");
  }

  @Test
  void assignedReviewerWithAConflictIsRefused() {
    String bad =
        DEMO.replace("  reviewers:\n", "  assignments: {hanbit: [rv01, rv03]}\n  reviewers:\n");
    assertThatThrownBy(() -> load(bad))
        .hasMessageContaining(
            "panel.assignments.hanbit: reviewer 'rv01' declared an affiliation with a member of team"
                + " 'hanbit'");
  }

  @Test
  void missingReferenceScoresForTheMovingTargetAreNamed() {
    // Without frontier-delta, no model in stage 2's window has scores.
    String bad = DEMO.replace("released: 2026-04-20", "released: 2025-01-01");
    assertThatThrownBy(() -> load(bad))
        .hasMessageContaining(
            "no reference model released in the 6 months before 2026-07-15 has a score for 'KO-Math'");
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> load(DEMO.replace("kind: USER_EVALUATION", "kind: VIBES")))
        .hasMessageContaining("scheme.components[4].kind: 'VIBES' is not one of");
    assertThatThrownBy(
            () -> load(DEMO.replace("evaluationDate: 2026-01-15", "evaluationDate: soon")))
        .hasMessageContaining("stages[0].evaluationDate: must be a date");
    assertThatThrownBy(() -> load("programme: [")).hasMessageContaining("not valid YAML");
  }

  @Test
  void eachFieldProblemReadsInTheChosenLanguage() {
    String bad =
        DEMO.replace("kind: USER_EVALUATION", "kind: VIBES")
            .replace("evaluationDate: 2026-01-15", "evaluationDate: soon")
            .replace("tieBreak: [expert-review", "tieBreak: [peer-review");
    UserError e = catchThrowableOfType(UserError.class, () -> load(bad));
    assertThat(e.message(true))
        .startsWith("p.yaml: 문제 ")
        .contains("scheme.components[4].kind: 'VIBES'은(는) 허용된 값이 아닙니다; 다음 중 하나를 쓰세요: [")
        .contains("stages[0].evaluationDate: 2026-01-15 형식의 날짜여야 합니다 (받은 값: 'soon')")
        .contains("scheme.tieBreak: 'peer-review'은(는) 항목 ID가 아닙니다")
        .doesNotContain("is not one of", "must be a date", "is not a component id", "problem");
    assertThat(e.message(false))
        .startsWith("p.yaml: ")
        .contains("scheme.components[4].kind: 'VIBES' is not one of [")
        .contains("stages[0].evaluationDate: must be a date like 2026-01-15, got 'soon'")
        .contains("scheme.tieBreak: 'peer-review' is not a component id")
        .doesNotContainPattern("[가-힣]");
  }

  @Test
  void aNestedRefusalKeepsItsTwoLanguages() {
    // The rubric item's own bilingual refusal is split, not pasted whole into each half.
    String bad = DEMO.replaceFirst("weight: [0-9.]+", "weight: -1");
    UserError e = catchThrowableOfType(UserError.class, () -> load(bad));
    assertThat(e.message(true))
        .contains("panel.rubric[0]: rubric item originality: weight는 0보다 커야 합니다")
        .doesNotContain("must be");
    assertThat(e.message(false))
        .contains("panel.rubric[0]: rubric item originality: weight must be > 0")
        .doesNotContainPattern("[가-힣]");
  }
}
