package kr.gukdae.data.quality;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The row-level detectors: personal data, OCR noise, script of the text (hateful terms: {@link
 * Lexicon}). The patterns define the findings; before one runs over a row, a cheap scan checks that
 * the row has what any match needs (digits in the right runs, an {@code @}, 로/길 before a number),
 * and the scans over letters class ASCII and Hangul syllables without Unicode lookups. The facts
 * are exactly those of the former regex-per-criterion code ({@code PatternsDifferentialTest}).
 */
final class Patterns {

  private Patterns() {}

  // 주민등록번호: YYMMDD-GNNNNNN; G is 1-4 for citizens (9-8-... century/sex), 5-8 for foreigners.
  private static final Pattern RRN =
      Pattern.compile(
          "(?<!\\d)(\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])[- ]?([1-8])(\\d{6})(?!\\d)");
  private static final Pattern MOBILE =
      Pattern.compile("(?<!\\d)01[016789][- .]?\\d{3,4}[- .]?\\d{4}(?!\\d)");
  private static final Pattern LANDLINE =
      Pattern.compile("(?<!\\d)0(2|[3-6][1-5])[- .)]\\d{3,4}[- .]\\d{4}(?!\\d)");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,}");
  // 도로명주소: "<시/도> <시/군/구> <…로/길> <건물번호>".
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[가-힣]{2,}(특별시|광역시|특별자치시|특별자치도|도|시)\\s+[가-힣]{1,}(구|군|시)\\s+"
              + "([가-힣]{1,}(구|동|읍|면)\\s+)?[가-힣0-9]{1,}(로|길)\\s*\\d{1,4}(-\\d{1,4})?");

  /** A personal-data hit with its kind and a masked form safe to show in a report. */
  record Hit(String kind, String masked) {}

  /**
   * Personal data in the text. Each pattern runs only if a cheap scan of the text found what any of
   * its matches must contain ({@link Shape}), and from the first place a match could start; the
   * patterns and the order of the hits are those of the plain version, so the findings are the
   * same. ({@code find(from)} resets the matcher to the whole text, so look-behinds still see the
   * characters before {@code from}.)
   */
  static List<Hit> personalData(String text) {
    Shape shape = Shape.of(text);
    if (!shape.any()) {
      return List.of();
    }
    List<Hit> hits = new ArrayList<>();
    if (shape.rrn() >= 0) {
      Matcher m = RRN.matcher(text);
      for (boolean found = m.find(shape.rrn()); found; found = m.find()) {
        String digits = m.group().replaceAll("[- ]", "");
        if (rrnChecksumOk(digits)) {
          hits.add(new Hit("resident-registration-number", digits.substring(0, 7) + "******"));
        }
      }
    }
    phones(MOBILE, text, shape.mobile(), hits);
    phones(LANDLINE, text, shape.landline(), hits);
    if (shape.email() >= 0) {
      Matcher m = EMAIL.matcher(text);
      for (boolean found = m.find(shape.email()); found; found = m.find()) {
        String g = m.group();
        hits.add(new Hit("email", g.charAt(0) + "***" + g.substring(g.indexOf('@'))));
      }
    }
    if (shape.address() >= 0) {
      Matcher m = ADDRESS.matcher(text);
      for (boolean found = m.find(shape.address()); found; found = m.find()) {
        hits.add(new Hit("address", m.group().replaceAll("\\d", "*")));
      }
    }
    return hits;
  }

  private static void phones(Pattern p, String text, int from, List<Hit> hits) {
    if (from < 0) {
      return;
    }
    Matcher m = p.matcher(text);
    for (boolean found = m.find(from); found; found = m.find()) {
      String g = m.group();
      hits.add(new Hit("phone", g.substring(0, Math.min(4, g.length())) + "****"));
    }
  }

  /**
   * Where the first match of each personal-data pattern could start (-1: none can), from one pass
   * over the text. A run is a maximal run of ASCII digits (the patterns' {@code \d}; full-width
   * digits are not digits there), and the number patterns start a match only at the start of a run
   * ({@code (?<!\d)}). RRN: six digits, then a separator and seven digits or seven more digits and
   * {@code (?!\d)}, so a run of exactly 6 or 13. Mobile: a run starting {@code 01[016789]}.
   * Landline: a run that is exactly {@code 02} or {@code 0[3-6][1-5]}. E-mail: at most 64
   * characters (the local part, which has no {@code @}) before the first {@code @}. Address: a
   * match ends in 로/길, only {@code \s}, a digit, and has only Hangul syllables, {@code \s}, digits
   * and hyphens, so it starts no earlier than the run of those characters around the first such
   * 로/길.
   */
  record Shape(int rrn, int mobile, int landline, int email, int address) {

    boolean any() {
      return rrn >= 0 || mobile >= 0 || landline >= 0 || email >= 0 || address >= 0;
    }

    static Shape of(String text) {
      int rrn = -1;
      int mobile = -1;
      int landline = -1;
      int email = -1;
      int address = -1;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          int start = i;
          while (i + 1 < n && isDigit(text.charAt(i + 1))) {
            i++;
          }
          int length = i + 1 - start;
          if (rrn < 0 && (length == 6 || length == 13)) {
            rrn = start;
          }
          if (c == '0' && length >= 2) {
            char c1 = text.charAt(start + 1);
            if (mobile < 0
                && c1 == '1'
                && length >= 3
                && "016789".indexOf(text.charAt(start + 2)) >= 0) {
              mobile = start;
            }
            if (landline < 0
                && ((length == 2 && c1 == '2')
                    || (length == 3
                        && c1 >= '3'
                        && c1 <= '6'
                        && between(text.charAt(start + 2))))) {
              landline = start;
            }
          }
        } else if (c == '@') {
          if (email < 0) {
            email = Math.max(0, i - 64);
          }
        } else if ((c == '로' || c == '길') && address < 0) {
          int j = i + 1;
          while (j < n && isRegexSpace(text.charAt(j))) {
            j++;
          }
          if (j < n && isDigit(text.charAt(j))) {
            int from = i;
            while (from > 0 && inAddress(text.charAt(from - 1))) {
              from--;
            }
            address = from;
          }
        }
      }
      return new Shape(rrn, mobile, landline, email, address);
    }

    private static boolean between(char c) {
      return c >= '1' && c <= '5';
    }

    private static boolean inAddress(char c) {
      return (c >= '가' && c <= '힣') || isDigit(c) || isRegexSpace(c) || c == '-';
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The regex {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
  static boolean isRegexSpace(char c) {
    return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r');
  }

  /**
   * The check digit of numbers issued before October 2020: weights 2..9,2..5 over the first twelve
   * digits, check = (11 - sum mod 11) mod 10. Random 13-digit strings pass one time in ten, so the
   * date and gender-digit shape above carry most of the precision.
   */
  static boolean rrnChecksumOk(String d) {
    if (d.length() != 13) {
      return false;
    }
    int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (d.charAt(i) - '0') * w[i];
    }
    return (11 - sum % 11) % 10 == d.charAt(12) - '0';
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
      return "symbols make up " + Math.round(100.0 * symbols / length) + "% of the text";
    }
    if (jamo >= 3 && jamo > 0.05 * length) {
      return jamo + " isolated jamo (ㄱ, ㅏ, …) typical of broken syllable recognition";
    }
    // Without surrogates, (.)\1{9,} matches exactly where ten equal chars other than the line
    // terminators . refuses follow each other; with them (the regex may start inside a pair) the
    // regex decides.
    if (surrogates ? REPEAT.matcher(text).find() : repeated) {
      return "a character repeated ten or more times";
    }
    if (confusableRun && MIXED_WORD.matcher(text).find()) {
      return "letters and digits mixed like l/1, O/0 confusions";
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
