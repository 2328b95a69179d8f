package kr.gukdae.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text so that spellings a reader cannot tell apart compare equal: compatibility forms
 * (full-width ＧＰＴ, ligatures), case, invisible format characters (zero-width space and joiners,
 * soft hyphen, direction marks) and Cyrillic or Greek letters that look Latin. Used wherever a
 * look-alike would let someone pass for someone else: model names in answers, account names.
 */
public final class Fold {

  /** Lower-case Cyrillic and Greek letters with a Latin twin, and the twin, pairwise. */
  private static final String LOOK_ALIKES =
      "аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdһhԛqԝwӏlαaβbεeιiκkνvοoρpτtυuχxϲcꞇt";

  private static final char[] TWIN = new char[0x10000];

  static {
    for (int i = 0; i < LOOK_ALIKES.length(); i += 2) {
      TWIN[LOOK_ALIKES.charAt(i)] = LOOK_ALIKES.charAt(i + 1);
    }
  }

  private Fold() {}

  /**
   * NFKC, format characters removed, lower case, look-alike letters replaced by their Latin twin.
   * Linear in the input; one character in gives at most one out after normalisation.
   */
  public static String text(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(cp -> {
          if (Character.getType(cp) == Character.FORMAT) {
            return; // U+200B..U+200F, U+2060, U+FEFF, U+00AD: invisible, so never meaningful
            // here
          }
          char twin = cp < TWIN.length ? TWIN[cp] : 0;
          if (twin != 0) {
            out.append(twin);
          } else {
            out.appendCodePoint(cp);
          }
        });
    return out.toString();
  }

  /**
   * A name's skeleton: {@link #text} plus the look-alikes of plain ASCII (0 and o, 1 and l and i,
   * rn and m, vv and w) folded together and separators dropped. Two names with one skeleton look
   * the same to a reader, so only one of them may exist ({@code Admin1}, {@code admin1}, {@code
   * admln1} and {@code admin_1} share one).
   */
  public static String skeleton(String name) {
    String folded = text(name).replace("rn", "m").replace("vv", "w").replaceAll("[-_.\\s]", "");
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      out.append(
          switch (c) {
            case '0' -> 'o';
            case '1', 'i', '|', '!' -> 'l';
            case '5' -> 's';
            default -> c;
          });
    }
    return out.toString();
  }
}
