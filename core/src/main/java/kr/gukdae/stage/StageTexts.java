package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.gukdae.Bilingual;
import kr.gukdae.text.Sentence;

/**
 * The sentences a stage decision records (tie-break rule, points function, notes, gate reasons) in
 * Korean and English: one template per sentence, used both to write it and to read it back.
 *
 * <p>A {@link StageResult} is recorded in the ledger and recomputed byte for byte on replay, so it
 * keeps its English sentences as recorded since the first stage. The Korean is derived from that
 * English when the decision is shown ({@link #read(String)}): a sentence written from a template
 * here reads back in both languages; anything else (an originality verdict's own reason from the
 * evidence) is shown as recorded in both.
 */
final class StageTexts {

  static final Sentence LINEAR_TO_BAR = new Sentence("{0}까지 선형, 상한 있음", "linear to {0}, capped");
  static final Sentence FLOOR_TO_BAR =
      new Sentence("{0} 미만 0점, {1}까지 선형, 상한 있음", "0 below {0}, linear to {1}, capped");

  static final Sentence TIE_TOTAL = new Sentence("총점 높은 순", "higher total");
  static final Sentence TIE_COMPONENT = new Sentence("다음으로 {0} 높은 순", "then higher {0}");
  static final Sentence TIE_TEAM_ID =
      new Sentence("다음으로 팀 ID 알파벳순", "then team id in alphabetical order");

  static final Sentence TIED =
      new Sentence(
          "팀 {0}, {1} 동점 ({2}점); 동점 처리 규칙으로 순서 결정",
          "teams {0} and {1} tied on {2}; ordered by the tie-break rule");
  static final Sentence BACK_FILLED =
      new Sentence("팀 {0}이(가) 관문 미통과 팀의 자리를 채움", "team {0} back-filled a gate failure's place");
  static final Sentence PLACES_OPEN =
      new Sentence(
          "계획된 {1}자리 중 {0}자리 채움; 나머지는 추가 공모로 채울 수 있음",
          "{0} of {1} planned places filled; the rest are open to an extra call");
  static final Sentence SCORED_ZERO =
      new Sentence(
          "팀 {0}, {1}: {2}; 프로그램 규정대로 0점 처리", "team {0}, {1}: {2}; scored 0 as the programme says");
  static final Sentence NO_BENCHMARK_RESULT =
      new Sentence("벤치마크 '{1}'의 {0} 결과 없음", "no {0} result for benchmark '{1}'");
  static final Sentence NO_REVIEW_SHEETS = new Sentence("전문가 평가표 없음", "no expert review sheets");
  static final Sentence NO_RATING = new Sentence("사용자 평가 점수 없음", "no user-evaluation rating");
  static final Sentence NO_DERIVATIVES = new Sentence("파생 모델 수 없음", "no derivative-model count");

  static final Sentence KOREAN_GROUP = new Sentence("한국어", "KOREAN");
  static final Sentence GLOBAL_GROUP = new Sentence("글로벌", "GLOBAL");
  static final Sentence TARGET_GROUP = new Sentence("목표 모델", "TARGET");

  static final Sentence GATE_NOT_APPLIED = new Sentence("관문 미적용", "gate not applied");
  static final Sentence NO_VERDICT = new Sentence("독자성 판정 없음", "no originality verdict");

  /** Whole sentences, most specific first (a looser template must not take a stricter one's). */
  private static final List<Sentence> SENTENCES =
      List.of(
          FLOOR_TO_BAR,
          LINEAR_TO_BAR,
          TIED,
          SCORED_ZERO,
          BACK_FILLED,
          PLACES_OPEN,
          NO_BENCHMARK_RESULT,
          NO_REVIEW_SHEETS,
          NO_RATING,
          NO_DERIVATIVES,
          GATE_NOT_APPLIED,
          NO_VERDICT,
          KOREAN_GROUP,
          GLOBAL_GROUP,
          TARGET_GROUP);

  private static final List<Sentence> TIE_BREAK_PARTS =
      List.of(TIE_TOTAL, TIE_TEAM_ID, TIE_COMPONENT);
  private static final String TIE_BREAK_SEPARATOR = "; ";

  private StageTexts() {}

  /** The tie-break rule as recorded: higher total, then each tie-break component, then team id. */
  static String tieBreakRule(Scheme scheme) {
    List<String> parts = new ArrayList<>();
    parts.add(TIE_TOTAL.english());
    scheme.tieBreak().forEach(id -> parts.add(TIE_COMPONENT.english(id)));
    parts.add(TIE_TEAM_ID.english());
    return String.join(TIE_BREAK_SEPARATOR, parts);
  }

  /** A recorded sentence in Korean and English; one no template wrote is the same in both. */
  static Bilingual read(String english) {
    return written(english).orElse(new Bilingual(english, english));
  }

  /**
   * A recorded gate reason for display: a sentence written here in both languages, or else the
   * verdict's own reason from the evidence, shown as quoted data after a label in each language
   * (never translated, never mistaken for the programme's words).
   */
  static Bilingual readGateReason(String recorded) {
    return written(recorded)
        .orElse(
            new Bilingual(
                "증거의 판정 사유: \u201C" + recorded + "\u201D",
                "verdict reason from the evidence: \u201C" + recorded + "\u201D"));
  }

  /** The template sentence {@code english} is, read in both languages. */
  private static Optional<Bilingual> written(String english) {
    return SENTENCES.stream().map(t -> match(t, english)).flatMap(Optional::stream).findFirst();
  }

  /** {@code english} in both languages when {@code t} wrote it; its values read in Korean too. */
  private static Optional<Bilingual> match(Sentence t, String english) {
    return t.korean(english, value -> read(value).ko()).map(ko -> new Bilingual(ko, english));
  }

  /** The tie-break rule a scheme states, in Korean and English (what a decision would record). */
  static Bilingual tieBreakText(Scheme scheme) {
    return readTieBreak(tieBreakRule(scheme));
  }

  /** A recorded tie-break rule in Korean and English, read part by part. */
  static Bilingual readTieBreak(String english) {
    List<Bilingual> parts =
        Arrays.stream(english.split(Pattern.quote(TIE_BREAK_SEPARATOR), -1))
            .map(part ->
                TIE_BREAK_PARTS.stream()
                    .map(t -> match(t, part))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(new Bilingual(part, part)))
            .toList();
    return new Bilingual(
        String.join(TIE_BREAK_SEPARATOR, parts.stream().map(Bilingual::ko).toList()),
        String.join(TIE_BREAK_SEPARATOR, parts.stream().map(Bilingual::en).toList()));
  }
}
