package kr.gukdae.call;

/** The one rule for identifiers users type (applications, calls, members in paths and URLs). */
public final class Ids {

  private Ids() {}

  /** Throws naming {@code field} unless {@code id} is 1-64 of letters, digits, '_', '.', '-'. */
  public static String check(String id, String field) {
    if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          field + " must be 1-64 of letters, digits, '_', '.', '-', got '" + id + "'");
    }
    return id;
  }
}
