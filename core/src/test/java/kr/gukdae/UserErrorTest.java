package kr.gukdae;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserErrorTest {

  @Test
  void bothLanguagesSplitBackIntoEachHalf() {
    UserError e = UserError.of("알 수 없는 작업 'x'입니다", "unknown task 'x'");
    assertThat(e.getMessage()).isEqualTo("알 수 없는 작업 'x'입니다 / unknown task 'x'");
    assertThat(e.message(true)).isEqualTo("알 수 없는 작업 'x'입니다");
    assertThat(e.message(false)).isEqualTo("unknown task 'x'");
  }

  @Test
  void aSharedWherePrefixIsWrittenOnceAndKeptInBothHalves() {
    UserError e =
        UserError.of(
            "tasks.yaml: 필수 항목 'task'가 없습니다", "tasks.yaml: required field 'task' is missing");
    assertThat(e.getMessage())
        .isEqualTo("tasks.yaml: 필수 항목 'task'가 없습니다 / required field 'task' is missing");
    assertThat(e.message(true)).isEqualTo("tasks.yaml: 필수 항목 'task'가 없습니다");
    assertThat(e.message(false)).isEqualTo("tasks.yaml: required field 'task' is missing");
  }

  @Test
  void aSlashInsideTheEnglishHalfStaysThere() {
    UserError e = UserError.of("경로를 확인하세요", "check a/b / c");
    assertThat(e.message(false)).isEqualTo("check a/b / c");
    assertThat(e.message(true)).isEqualTo("경로를 확인하세요");
  }

  @Test
  void anEnglishOnlyMessageIsShownWholeInEitherLanguage() {
    UserError e = new UserError("tasks: a / b");
    assertThat(e.message(true)).isEqualTo("tasks: a / b");
    assertThat(e.message(false)).isEqualTo("tasks: a / b");
    assertThat(UserError.hasKorean(e.getMessage())).isFalse();
  }

  @Test
  void legacyJoinedMessagesSplitTheSameWay() {
    String joined = "baseUrl 'x': 허용되지 않는 주소 / not allowed: loopback";
    assertThat(UserError.inLanguage(joined, true)).isEqualTo("baseUrl 'x': 허용되지 않는 주소");
    assertThat(UserError.inLanguage(joined, false)).isEqualTo("baseUrl 'x': not allowed: loopback");
  }
}
