package kr.gukdae.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import kr.gukdae.text.Reason;
import org.junit.jupiter.api.Test;

class DesignationsTest {

  @Test
  void grantedFromTheStageDecisionAndLapsedOnElimination() {
    var program = ProgramLoader.demo();
    Ledger ledger = Ledger.inMemory();
    StageResult stage1 = Stages.evaluate(program, 1, EvidenceLoader.demo());
    List<Reason> changes = Designations.apply(ledger, program, stage1);
    assertThat(changes)
        .contains(new Reason("GRANTED", "지정 부여 KAI-M-hanbit", "granted KAI-M-hanbit"));
    Designation model = Designations.find(ledger, "KAI-M-hanbit").orElseThrow();
    assertThat(model.kind()).isEqualTo(Designation.Kind.K_AI_MODEL);
    assertThat(model.holdsOn(LocalDate.parse(stage1.evaluationDate()))).isTrue();
    assertThat(Designations.registry(ledger))
        .anyMatch(d ->
            d.kind() == Designation.Kind.K_AI_COMPANY && d.holder().equals("Hanbit AI (demo)"));
    assertThatThrownBy(() -> Designations.apply(ledger, program, stage1))
        .hasMessageContaining("already recorded");

    // A later decision that eliminates hanbit lapses both its designations.
    List<StageResult.TeamResult> ranking = new ArrayList<>();
    for (var t : stage1.ranking()) {
      ranking.add(
          t.team().equals("hanbit")
              ? new StageResult.TeamResult(
                  t.team(),
                  t.name(),
                  t.total(),
                  t.rank(),
                  StageResult.Outcome.ELIMINATED_GATE,
                  false,
                  "gate",
                  t.components(),
                  t.userRating(),
                  List.of(),
                  t.reviewComments())
              : t);
    }
    StageResult stage2 =
        new StageResult(
            stage1.programme(),
            stage1.version(),
            stage1.programmeSha256(),
            stage1.demo(),
            2,
            "2026-07-15",
            stage1.referenceSet(),
            stage1.pointsFunction(),
            stage1.tieBreakRule(),
            3,
            ranking,
            List.of(),
            List.of(),
            List.of());
    List<Reason> lapses = Designations.apply(ledger, program, stage2);
    assertThat(lapses)
        .anyMatch(c ->
            c.code().equals("LAPSED")
                && c.text().en().startsWith("lapsed KAI-M-hanbit: team eliminated at stage 2")
                && c.text().ko().startsWith("지정 만료 KAI-M-hanbit: 단계 2에서 팀 탈락"));
    // the applied entry records the changes as they were returned, in both languages
    assertThat(ledger.entries().getLast().payload())
        .contains("\"code\":\"LAPSED\"", "\"ko\":\"지정 만료 KAI-M-hanbit: 단계 2에서 팀 탈락");
    Designation lapsed = Designations.find(ledger, "KAI-M-hanbit").orElseThrow();
    assertThat(lapsed.to()).isEqualTo(LocalDate.of(2026, 7, 15));
    assertThat(lapsed.holdsOn(LocalDate.of(2026, 7, 15))).isFalse();
    assertThat(lapsed.holdsOn(LocalDate.of(2026, 7, 14))).isTrue();
    assertThat(lapsed.lapseReason())
        .isEqualTo(
            new kr.gukdae.text.Reason(
                "ELIMINATED",
                "단계 2에서 팀 탈락 (탈락 (독자성 기준 미충족))",
                "team eliminated at stage 2 (ELIMINATED_GATE)"));
  }

  /** A lapse recorded before reasons were bilingual, exactly as it was stored, still reads. */
  @Test
  void aLapseRecordedInEnglishReadsBackInItsOwnWords() {
    var program = ProgramLoader.demo();
    Ledger ledger = Ledger.inMemory();
    Designations.apply(ledger, program, Stages.evaluate(program, 1, EvidenceLoader.demo()));
    ledger.appendJson(
        Designations.LAPSE,
        "{\"id\":\"KAI-M-hanbit\",\"on\":\"2026-07-15\","
            + "\"reason\":\"team eliminated at stage 2 (ELIMINATED_GATE)\"}");
    Designation lapsed = Designations.find(ledger, "KAI-M-hanbit").orElseThrow();
    assertThat(lapsed.to()).isEqualTo(LocalDate.of(2026, 7, 15));
    assertThat(lapsed.lapseReason())
        .isEqualTo(kr.gukdae.text.Reason.recorded("team eliminated at stage 2 (ELIMINATED_GATE)"));
    assertThat(ledger.verify().intact()).isTrue();
  }
}
