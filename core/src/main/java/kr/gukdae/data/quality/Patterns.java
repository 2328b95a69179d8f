package kr.gukdae.data.quality;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The row-level detectors: OCR noise, script of the text, folding (personal data: {@link
 * PersonalData}; hateful terms: {@link Lexicon}). The patterns define the findings; before one runs
 * over a row, a cheap scan checks that the row has what any match needs (digits in the right runs,
 * an {@code @}, 로/길 before a number), and the scans over letters class ASCII and Hangul syllables
 * without Unicode lookups. The facts are exactly those of the former regex-per-criterion code
 * ({@code PatternsDifferentialTest}).
 */
final class Patterns {

  private Patterns() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The regex {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
  static boolean isRegexSpace(char c) {
    return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r');
  }

  private static final Pattern REPEAT = Pattern.compile("(.)\\1{9,}");
  private static final Pattern MIXED_WORD =
      Pattern.compile("\\b(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{6,}\\b");
  private static final String PLAIN_PUNCTUATION = ".,?!'\"()[]:;-·~%/";

  /** OCR-noise class of each ASCII char, from the same tests as {@link #ocrNoise} applies. */
  private static final byte[] ASCII_KIND = asciiKinds();

  private static final byte SPACE = 0;
  private static final byte LETTER = 1;
  private static final byte PLAIN = 2;
  private static final byte SYMBOL = 3;

  /**
   * Why the text looks like OCR output gone wrong, or null. ASCII and Hangul syllables (almost
   * every character) are classed by a table and a range test; the regexes run only where a scan
   * says they can match.
   */
  static @Nullable String ocrNoise(String text) {
    int letters = 0;
    int symbols = 0;
    int jamo = 0;
    int length = 0;
    // in the same pass: whether (.)\1{9,} and [Il1|O0]{4,} can match (see below)
    int run = 0;
    char last = 0;
    boolean repeated = false;
    boolean surrogates = false;
    int confusable = 0;
    boolean confusableRun = false;
    for (int i = 0, n = text.length(); i < n; ) {
      char c = text.charAt(i);
      run = i > 0 && c == last ? run + 1 : 1;
      last = c;
      repeated |= run >= 10 && !isLineTerminator(c);
      confusable = isConfusable(c) ? confusable + 1 : 0;
      confusableRun |= confusable >= 4;
      if (c < 0x80) {
        i++;
        byte kind = ASCII_KIND[c];
        if (kind != SPACE) {
          length++;
          letters += kind == LETTER ? 1 : 0;
          symbols += kind == SYMBOL ? 1 : 0;
        }
        continue;
      }
      if (c >= 0xAC00 && c <= 0xD7A3) { // Hangul syllables: letters
        i++;
        length++;
        letters++;
        continue;
      }
      int cp = text.codePointAt(i);
      surrogates |= Character.isSurrogate(c); // (a pair's low half is not seen by the runs above)
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        continue;
      }
      length++;
      if (cp >= 0x3131 && cp <= 0x318E) {
        jamo++;
      } else if (Character.isLetterOrDigit(cp)) {
        letters++;
      } else if (PLAIN_PUNCTUATION.indexOf(cp) < 0) {
        symbols++;
      }
    }
    if (length >= 20 && symbols > 0.25 * length) {
      return FindingWords.SYMBOLS.english(Math.round(100.0 * symbols / length));
    }
    if (jamo >= 3 && jamo > 0.05 * length) {
      return FindingWords.JAMO.english(jamo);
    }
    // Without surrogates, (.)\1{9,} matches exactly where ten equal chars other than the line
    // terminators . refuses follow each other; with them (the regex may start inside a pair) the
    // regex decides.
    if (surrogates ? REPEAT.matcher(text).find() : repeated) {
      return FindingWords.REPEATED.english();
    }
    if (confusableRun && MIXED_WORD.matcher(text).find()) {
      return FindingWords.MIXED.english();
    }
    return null;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isConfusable(char c) {
    return c == 'I' || c == 'l' || c == '1' || c == '|' || c == 'O' || c == '0';
  }

  private static byte[] asciiKinds() {
    byte[] kinds = new byte[0x80];
    for (int cp = 0; cp < 0x80; cp++) {
      kinds[cp] =
          Character.isWhitespace(cp)
              ? SPACE
              : Character.isLetterOrDigit(cp)
                  ? LETTER
                  : PLAIN_PUNCTUATION.indexOf(cp) < 0 ? SYMBOL : PLAIN;
    }
    return kinds;
  }

  enum Script {
    KOREAN,
    ENGLISH,
    CHINESE_JAPANESE,
    OTHER,
    NONE
  }

  /** The script with the most letters; ASCII and Hangul syllables are classed without a lookup. */
  static Script script(String text) {
    int hangul = 0;
    int latin = 0;
    int han = 0;
    int other = 0;
    for (int i = 0, n = text.length(); i < n; ) {
      char c = text.charAt(i);
      if (c < 0x80) {
        i++;
        latin += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : 0;
        continue;
      }
      if (c >= 0xAC00 && c <= 0xD7A3) {
        i++;
        hangul++;
        continue;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      switch (s) {
        case HANGUL -> hangul++;
        case LATIN -> latin++;
        case HAN, HIRAGANA, KATAKANA -> han++;
        default -> other++;
      }
    }
    int max = Math.max(Math.max(hangul, latin), Math.max(han, other));
    if (max == 0) {
      return Script.NONE;
    }
    return max == hangul
        ? Script.KOREAN
        : max == latin ? Script.ENGLISH : max == han ? Script.CHINESE_JAPANESE : Script.OTHER;
  }

  /** NFKC and lower case; a text already in NFKC (most) is not copied. */
  static String fold(String text) {
    String nfkc =
        Normalizer.isNormalized(text, Normalizer.Form.NFKC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFKC);
    return nfkc.toLowerCase(Locale.ROOT);
  }

  /** The text with every run of regex {@code \s} white space made one space (as {@code \s+}). */
  static String oneSpace(String text) {
    int n = text.length();
    int i = 0;
    while (i < n
        && (!isRegexSpace(text.charAt(i)) || text.charAt(i) == ' ' && !spaceAt(text, i + 1))) {
      i++;
    }
    if (i == n) {
      return text; // nothing to change: no white space but single plain spaces
    }
    StringBuilder b = new StringBuilder(n).append(text, 0, i);
    while (i < n) {
      char c = text.charAt(i++);
      if (isRegexSpace(c)) {
        b.append(' ');
        while (i < n && isRegexSpace(text.charAt(i))) {
          i++;
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean spaceAt(String text, int i) {
    return i < text.length() && isRegexSpace(text.charAt(i));
  }

  /** The text without regex {@code \s} white space (as {@code replaceAll("\s+", "")}). */
  static String withoutSpace(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isRegexSpace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
