package kr.gukdae.data.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data in a row: 주민등록번호, phone numbers, e-mail, 도로명 addresses. The patterns define the
 * findings; a scan ({@link Shape}) decides whether and from where each can match.
 */
final class PersonalData {

  private PersonalData() {}

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
  static List<Hit> find(String text) {
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
          while (i + 1 < n && Patterns.isDigit(text.charAt(i + 1))) {
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
          while (j < n && Patterns.isRegexSpace(text.charAt(j))) {
            j++;
          }
          if (j < n && Patterns.isDigit(text.charAt(j))) {
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
      return (c >= '가' && c <= '힣') || Patterns.isDigit(c) || Patterns.isRegexSpace(c) || c == '-';
    }
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
}
