package kr.gukdae.data.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.gukdae.Bilingual;
import kr.gukdae.text.Sentence;

/**
 * The words of a quality report in Korean and English: each criterion's name, and one template per
 * sentence a finding's detail is written from. A stored report keeps its details in English as
 * recorded; {@link #detail(QualityReport.Finding)} reads the Korean back from that English when the
 * report is shown, so a detail written from a template here reads in both languages (anything else
 * is shown as recorded in both).
 */
public final class FindingWords {

  private FindingWords() {}

  static final Sentence NO_FIELD = new Sentence("'{0}' 필드가 없음", "no '{0}' field");
  static final Sentence EMPTY = new Sentence("빈 텍스트", "empty text");
  static final Sentence REPLACEMENT =
      new Sentence("U+FFFD 대체 문자 (인코딩이 깨짐)", "U+FFFD replacement characters (broken encoding)");
  static final Sentence CONTROL = new Sentence("제어 문자", "control characters");
  static final Sentence LEXICON = new Sentence("혐오 표현 사전의 낱말 '{0}'", "lexicon term '{0}'");
  static final Sentence SYMBOLS =
      new Sentence("기호가 텍스트의 {0}%를 차지함", "symbols make up {0}% of the text");
  static final Sentence JAMO =
      new Sentence(
          "홀로 떨어진 자모 {0}개 (ㄱ, ㅏ, …): 음절 인식이 깨졌을 때 흔함",
          "{0} isolated jamo (ㄱ, ㅏ, …) typical of broken syllable recognition");
  static final Sentence REPEATED =
      new Sentence("한 글자가 열 번 이상 이어짐", "a character repeated ten or more times");
  static final Sentence MIXED =
      new Sentence("l/1, O/0 혼동처럼 글자와 숫자가 섞임", "letters and digits mixed like l/1, O/0 confusions");
  static final Sentence SAME_TEXT = new Sentence("{0}와(과) 같은 텍스트", "same text as {0}");
  static final Sentence NEAR_COPY =
      new Sentence(
          "{0}와(과) 거의 같은 텍스트 (추정 Jaccard >= {1})", "near copy of {0} (estimated Jaccard >= {1})");

  /** A criterion's rate from one round to the next, under its limit in the later round. */
  static final Sentence RATE =
      new Sentence("{0}: {1} -> {2} (한도 {3})", "{0}: {1} -> {2} (limit {3})");

  static final Sentence RATE_FAILED =
      new Sentence("{0}: {1} -> {2} (한도 {3}) 미통과", "{0}: {1} -> {2} (limit {3}) FAIL");

  static final List<Sentence> DETAILS =
      List.of(
          NO_FIELD,
          EMPTY,
          REPLACEMENT,
          CONTROL,
          LEXICON,
          SYMBOLS,
          JAMO,
          REPEATED,
          MIXED,
          SAME_TEXT,
          NEAR_COPY);

  /**
   * A criterion's name as people read it: a Korean word, and in English the name as the programme's
   * limits file ({@link Thresholds}) writes it; a name this table lacks is shown as it is.
   */
  public static Bilingual criterion(String name) {
    return switch (name) {
      case "exactDuplicates" -> new Bilingual("완전 중복", name);
      case "nearDuplicates" -> new Bilingual("유사 중복", name);
      case "personalData" -> new Bilingual("개인정보", name);
      case "hate" -> new Bilingual("혐오 표현", name);
      case "emptyOrBroken" -> new Bilingual("빈 행·깨진 행", name);
      case "ocrNoise" -> new Bilingual("OCR 잡음", name);
      default -> new Bilingual(name, name);
    };
  }

  /** A line of {@link QualityReport.Diff#rates()} in both languages, the criterion named. */
  public static Bilingual rate(String english) {
    for (Sentence t : List.of(RATE_FAILED, RATE)) {
      Optional<String> ko = t.korean(english, a -> a);
      if (ko.isPresent()) {
        String name = english.substring(0, english.indexOf(':'));
        return new Bilingual(criterion(name).ko() + ko.get().substring(name.length()), english);
      }
    }
    return new Bilingual(english, english);
  }

  /** A kind of personal data, as {@link PersonalData} names it, in Korean. */
  private static String personalKind(String kind) {
    return switch (kind) {
      case "resident-registration-number" -> "주민등록번호";
      case "email" -> "이메일";
      case "address" -> "주소";
      case "phone" -> "전화번호";
      default -> kind;
    };
  }

  /** A finding's detail in both languages, the Korean read from the English as recorded. */
  public static Bilingual detail(QualityReport.Finding f) {
    String en = f.detail();
    if (f.criterion().equals("personalData")) {
      // "kind masked, kind masked": each hit's kind is a word; the masked value is data
      List<String> parts = new ArrayList<>();
      for (String hit : en.split(", ")) {
        int space = hit.indexOf(' ');
        parts.add(space < 0 ? hit : personalKind(hit.substring(0, space)) + hit.substring(space));
      }
      return new Bilingual(String.join(", ", parts), en);
    }
    for (Sentence t : DETAILS) {
      Optional<String> ko = t.korean(en, a -> a);
      if (ko.isPresent()) {
        return new Bilingual(ko.get(), en);
      }
    }
    return new Bilingual(en, en);
  }
}
