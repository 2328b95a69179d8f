package kr.gukdae.call;

import kr.gukdae.UserError;

/** The one rule for identifiers users type (applications, calls, members in paths and URLs). */
public final class Ids {

  private Ids() {}

  /**
   * Throws naming {@code field} unless {@code id} is 1-64 of letters, digits, '_', '.', '-'; the
   * message is in both languages ({@link UserError#both}), as the callers pass it on to people.
   */
  public static String check(String id, String field) {
    if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
      String shown = id == null || id.length() <= 80 ? id : id.substring(0, 80) + "…";
      throw new IllegalArgumentException(
          UserError.both(
              field + "은(는) 영문자, 숫자, '_', '.', '-'로 된 1-64자여야 합니다 (받은 값: '" + shown + "')",
              field + " must be 1-64 of letters, digits, '_', '.', '-', got '" + shown + "'"));
    }
    return id;
  }
}
