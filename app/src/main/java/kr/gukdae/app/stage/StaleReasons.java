package kr.gukdae.app.stage;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.Bilingual;

/**
 * Why a piece of evidence does not count, read in both languages at display time. The reasons are
 * recorded in English with the evidence ({@link OriginalityEvidence}, {@link FeatureEvidence},
 * {@link Submissions}); the recorded bytes stay as they are, and each shape they take has its
 * Korean sentence here. A reason of no known shape (an older record) reads as recorded.
 */
final class StaleReasons {

  private StaleReasons() {}

  /** One recorded shape and its Korean sentence ({@code $1}… are the shape's groups). */
  private record Shape(Pattern english, String korean) {
    Shape(String english, String korean) {
      this(Pattern.compile(english), korean);
    }
  }

  private static final String REDO = "; run gukdae originality on the submitted weights";

  private static final String REDO_KO = "; 제출된 가중치에 gukdae originality를 다시 실행하세요";

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "no submitted weights recorded for team (\\S+) in stage (\\d+); record them with"
                  + " (gukdae stage submit .*)",
              "팀 $1의 $2단계 제출 가중치 기록이 없습니다; $3로 기록하세요"),
          new Shape(
              "(.*); submit the weights again \\(gukdae stage submit\\) and run gukdae"
                  + " originality on them",
              "$1; 가중치를 다시 제출하고 (gukdae stage submit) gukdae originality를 실행하세요"),
          new Shape(
              "check (\\S+) recorded no weight hashes" + Pattern.quote(REDO),
              "검사 $1에 가중치 해시가 기록되지 않았습니다" + REDO_KO),
          new Shape(
              "weights mismatch: check (\\S+) compared weights (\\S+) but team (\\S+) submitted"
                  + " (\\S+) for stage (\\d+) \\(submission (\\d+)\\)"
                  + Pattern.quote(REDO),
              "가중치 불일치: 검사 $1은(는) 가중치 $2를 비교했지만 팀 $3의 $5단계 제출 (제출 $6)은 $4입니다" + REDO_KO),
          new Shape(
              "the check did not compare against declared reference\\(s\\) (.*)",
              "검사가 선언된 기준 모델 $1와(과) 비교하지 않았습니다"),
          new Shape("checked before the stage started", "단계 시작 전에 검사함"),
          new Shape(
              "content does not match its hash \\(edited after it was recorded\\)",
              "내용이 해시와 맞지 않습니다 (기록 후 수정됨)"),
          new Shape("run finished before the stage started", "단계 시작 전에 끝난 실행"),
          new Shape(
              "counted for another window; count (\\S+) with (--since \\S+ --until \\S+)",
              "다른 기간에 대해 센 값입니다; $1을(를) $2로 세세요"),
          new Shape(
              "the submitted weights at (\\S+) are no longer readable: (.*)",
              "$1의 제출 가중치를 더 이상 읽을 수 없습니다: $2"),
          new Shape(
              "submitted weight file (\\S+) is gone from (\\S+)", "제출 가중치 파일 $1이(가) $2에서 사라졌습니다"),
          new Shape(
              "submitted weight file (\\S+) at (\\S+) changed on disk after submission (\\d+)"
                  + " \\(sha256 (\\S+) then, (\\S+) now\\)",
              "제출 가중치 파일 $1 ($2)이(가) 제출 $3 후 디스크에서 바뀌었습니다 (sha256 당시 $4, 지금 $5)"),
          new Shape(
              "cannot read submitted weight file (\\S+): (.*)", "제출 가중치 파일 $1을(를) 읽을 수 없습니다: $2"));

  static Bilingual read(String english) {
    for (Shape s : SHAPES) {
      Matcher m = s.english().matcher(english);
      if (m.matches()) {
        String korean = m.replaceFirst(s.korean());
        // an inner reason (the weights that changed) has a shape of its own
        if (s.korean().startsWith("$1; ")) {
          korean = read(m.group(1)).ko() + korean.substring(m.group(1).length());
        }
        return new Bilingual(korean, english);
      }
    }
    return new Bilingual(english, english);
  }
}
