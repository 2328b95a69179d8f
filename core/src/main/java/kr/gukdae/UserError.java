package kr.gukdae;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An error caused by what the user gave us (a file, a column, an endpoint, an option), not by a
 * bug. The message names the place (file, line, field or URL) and says what to do; the CLI prints
 * it as one line without a stack trace.
 *
 * <p>People read it in Korean and English. {@link #of(String, String)} takes both sentences and
 * joins them in the one shape every reader splits the same way: {@code "[where: ]한국어 / English"}
 * (the shared "where: " prefix, e.g. {@code "--limit 0: "}, written once). REST sends the joined
 * text; the web page shows its language's half ({@code gukdaeI18n.message}); the CLI prints the
 * half {@code --lang} chose ({@link #message(boolean)}). {@code EnglishOnlyErrorsTest} fails on a
 * new English-only message.
 */
public class UserError extends RuntimeException {

  private static final String SEPARATOR = " / ";

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** An error in both languages; see {@link #both(String, String)} for the joined shape. */
  public static UserError of(String korean, String english) {
    return new UserError(both(korean, english));
  }

  public static UserError of(String korean, String english, @Nullable Throwable cause) {
    return new UserError(both(korean, english), cause);
  }

  /**
   * A file, folder or stream that could not be read, named as the user gave it, with the reason.
   */
  public static UserError unreadable(Object what, IOException cause) {
    return of(
        what + ": 읽을 수 없습니다 (" + cause.getMessage() + ")",
        what + ": cannot read (" + cause.getMessage() + ")",
        cause);
  }

  /** A file or folder that could not be written, named as the user gave it, with the reason. */
  public static UserError unwritable(Object what, IOException cause) {
    return of(
        what + ": 쓸 수 없습니다 (" + cause.getMessage() + ")",
        what + ": cannot write (" + cause.getMessage() + ")",
        cause);
  }

  /**
   * The bilingual shape of a message for people: {@code "where: 한국어 / English"}. A "where: " prefix
   * (text without Hangul up to a {@code ": "}) that both sentences start with is written once, so
   * the English reader does not read it twice and the Korean half keeps it.
   */
  public static String both(String korean, String english) {
    String where = where(korean);
    if (!where.isEmpty() && english.startsWith(where)) {
      return korean + SEPARATOR + english.substring(where.length());
    }
    return korean + SEPARATOR + english;
  }

  /**
   * One language's half of a message in the shape of {@link #both(String, String)}; a message not
   * in that shape (no Hangul before the first {@code " / "}) is returned whole. The same rule as
   * {@code gukdaeI18n.message} in {@code static/common/i18n.js}.
   */
  public static String inLanguage(String message, boolean korean) {
    int cut = message.indexOf(SEPARATOR);
    if (cut < 0) {
      return message;
    }
    String head = message.substring(0, cut);
    if (firstHangul(head) < 0) {
      return message;
    }
    return korean ? head : where(head) + message.substring(cut + SEPARATOR.length());
  }

  /** This message in Korean or in English. */
  public String message(boolean korean) {
    return inLanguage(getMessage(), korean);
  }

  /** Whether a text has Korean in it (a message for people must have a Korean half). */
  public static boolean hasKorean(String text) {
    return firstHangul(text) >= 0;
  }

  /** Never null: both constructors require the message a user reads. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? getClass().getSimpleName() : message;
  }

  /** The first {@code UserError} in a cause chain, or null. */
  public static @Nullable UserError findIn(@Nullable Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UserError userError) {
        return userError;
      }
    }
    return null;
  }

  /** The text up to and including the last {@code ": "} before the first Hangul, else "". */
  private static String where(String korean) {
    int hangul = firstHangul(korean);
    if (hangul < 0) {
      return "";
    }
    int colon = korean.lastIndexOf(": ", hangul);
    return colon < 0 ? "" : korean.substring(0, colon + 2);
  }

  private static int firstHangul(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\uAC00' && c <= '\uD7A3') {
        return i;
      }
    }
    return -1;
  }
}
