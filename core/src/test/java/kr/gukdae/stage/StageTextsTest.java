package kr.gukdae.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.gukdae.Bilingual;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.stage.Evidence.BenchmarkResult;
import org.junit.jupiter.api.Test;

/**
 * A stage decision's recorded sentences read in Korean and English, while the recorded English
 * (what the ledger hashes and a replay compares) stays byte for byte what it was before.
 */
class StageTextsTest {

  private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");

  private final Program demo = ProgramLoader.demo();

  /** Sentences exactly as decisions recorded them before they were read in Korean. */
  private static final List<String> OLD_NOTES =
      List.of(
          "teams dokdo and gyeongbok tied on 71.3; ordered by the tie-break rule",
          "team hallasan back-filled a gate failure's place",
          "3 of 4 planned places filled; the rest are open to an extra call",
          "team dokdo, global-benchmarks: no GLOBAL result for benchmark 'IFEval'; scored 0 as the"
              + " programme says",
          "team baekdu, user-evaluation: no user-evaluation rating; scored 0 as the programme says",
          "team baekdu, expert-review: no expert review sheets; scored 0 as the programme says");

  @Test
  void recordedEnglishStaysByteForByte() {
    assertThat(new PointsFunction.LinearToBar(0.95).describe()).isEqualTo("linear to 0.95, capped");
    assertThat(new PointsFunction.FloorToBar(0.5, 0.95).describe())
        .isEqualTo("0 below 0.5, linear to 0.95, capped");
    Scheme s = demo.scheme();
    Scheme tieOnReview =
        new Scheme(
            s.total(),
            s.components(),
            s.pointsFunction(),
            List.of("expert-review"),
            s.originalityGate(),
            s.ratingFloor(),
            s.ratingCeiling(),
            s.missingEvidence(),
            s.kAiModelThreshold(),
            s.kAiCompanyThreshold());
    assertThat(StageTexts.tieBreakRule(tieOnReview))
        .isEqualTo("higher total; then higher expert-review; then team id in alphabetical order");
    assertThat(StageTexts.TIED.english("dokdo", "gyeongbok", 71.3)).isEqualTo(OLD_NOTES.get(0));
    assertThat(StageTexts.BACK_FILLED.english("hallasan")).isEqualTo(OLD_NOTES.get(1));
    assertThat(StageTexts.PLACES_OPEN.english(3, 4)).isEqualTo(OLD_NOTES.get(2));
    assertThat(
            StageTexts.SCORED_ZERO.english(
                "dokdo",
                "global-benchmarks",
                StageTexts.NO_BENCHMARK_RESULT.english(Evidence.Group.GLOBAL, "IFEval")))
        .isEqualTo(OLD_NOTES.get(3));
    assertThat(StageTexts.GATE_NOT_APPLIED.english()).isEqualTo("gate not applied");
    assertThat(StageTexts.NO_VERDICT.english()).isEqualTo("no originality verdict");
  }

  @Test
  void oldEnglishOnlySentencesReadInKorean() {
    for (String note : OLD_NOTES) {
      Bilingual b = StageResult.noteText(note);
      assertThat(b.en()).isEqualTo(note);
      assertThat(b.ko()).containsPattern(HANGUL).doesNotContain("scored", "planned", "tied on");
    }
    assertThat(StageResult.noteText(OLD_NOTES.get(0)).ko()).contains("dokdo", "gyeongbok", "71.3");
    Bilingual tie =
        StageTexts.readTieBreak(
            "higher total; then higher expert-review; then team id in alphabetical order");
    assertThat(tie.ko()).isEqualTo("총점 높은 순; 다음으로 expert-review 높은 순; 다음으로 팀 ID 알파벳순");
    assertThat(StageTexts.read("0 below 0.5, linear to 0.95, capped").ko())
        .isEqualTo("0.5 미만 0점, 0.95까지 선형, 상한 있음");
    assertThat(StageTexts.read("no originality verdict").ko()).isEqualTo("독자성 판정 없음");
  }

  @Test
  void evidenceWordsNoTemplateWroteReadAsRecorded() {
    Bilingual verdict = StageTexts.read("weights derived from a foreign base model");
    assertThat(verdict.ko())
        .isEqualTo(verdict.en())
        .isEqualTo("weights derived from a foreign base model");
    Bilingual unknownPart = StageTexts.readTieBreak("higher total; then by lottery");
    assertThat(unknownPart.ko()).isEqualTo("총점 높은 순; then by lottery");
  }

  @Test
  void aGateReasonFromTheEvidenceIsQuotedAndOneWrittenHereIsRead() {
    Bilingual submitted = StageTexts.readGateReason("weights derived from a foreign base model");
    assertThat(submitted.ko())
        .isEqualTo("증거의 판정 사유: \u201Cweights derived from a foreign base model\u201D");
    assertThat(submitted.en())
        .isEqualTo(
            "verdict reason from the evidence: \u201Cweights derived from a foreign base model\u201D");
    assertThat(StageTexts.readGateReason(StageTexts.NO_VERDICT.english()))
        .isEqualTo(new Bilingual("독자성 판정 없음", "no originality verdict"));
  }

  @Test
  void aSchemesPointsFunctionAndTieBreakReadInBothLanguagesAsADecisionWouldRecordThem() {
    Scheme s = demo.scheme();
    StageResult r = Stages.evaluate(demo, 1, EvidenceLoader.demo());
    assertThat(s.pointsFunction().text()).isEqualTo(r.pointsFunctionText());
    assertThat(s.tieBreakText()).isEqualTo(r.tieBreakText());
    assertThat(s.tieBreakText().ko()).startsWith("총점 높은 순; 다음으로 ");
    assertThat(s.pointsFunction().text().ko()).containsPattern(HANGUL);
    assertThat(s.pointsFunction().text().en()).isEqualTo(s.pointsFunction().describe());
  }

  @Test
  void aDecisionsTextsReadInEitherLanguage() {
    List<Evidence> ev = new ArrayList<>(EvidenceLoader.demo());
    ev.removeIf(e -> e instanceof Evidence.UserEvaluation u && u.team().equals("baekdu"));
    ev.removeIf(e ->
        e instanceof BenchmarkResult b
            && b.team().equals("dokdo")
            && b.benchmark().equals("IFEval"));
    Program zero =
        ProgramLoader.parse(
            DemoFiles.read("programme.yaml")
                .replace("missingEvidence: error", "missingEvidence: zero"),
            "p");
    StageResult r = Stages.evaluate(zero, 1, ev);
    List<Bilingual> texts = new ArrayList<>(r.notesText());
    texts.add(r.tieBreakText());
    texts.add(r.pointsFunctionText());
    assertThat(r.notesText()).isNotEmpty();
    for (Bilingual t : texts) {
      assertThat(t.ko()).containsPattern(HANGUL);
      assertThat(t.en()).doesNotContainPattern(HANGUL);
    }
    assertThat(r.notesText()).extracting(Bilingual::en).isEqualTo(r.notes());
    // The display texts are derived, never recorded: the hashed JSON keeps its fields.
    String recorded = CanonicalJson.of(r);
    assertThat(recorded.contains("Text\"")).as("a derived text was recorded").isFalse();
    assertThat(CanonicalJson.read(CanonicalJson.parse(recorded), StageResult.class)).isEqualTo(r);
    assertThat(r.tieBreakText().en()).isEqualTo(r.tieBreakRule());
    assertThat(r.pointsFunctionText().en()).isEqualTo(r.pointsFunction());
  }
}
