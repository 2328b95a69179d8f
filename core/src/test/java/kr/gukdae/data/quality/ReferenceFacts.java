package kr.gukdae.data.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.Sha256;
import kr.gukdae.data.quality.QualityCheck.RowFacts;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;

/**
 * The row facts as {@link QualityCheck#facts(Row, String)} computed them before the pattern checks
 * were made fast (one regex per criterion over every row, the text folded three times), kept
 * verbatim as the oracle: the fast code must give the same facts for every row ({@code
 * PatternsDifferentialTest}), and the data benchmark runs it as its BEFORE step. Public only so the
 * benchmark (a source file outside the package) can call it; it is test code.
 */
public final class ReferenceFacts {

  private ReferenceFacts() {}

  public static RowFacts facts(Row row, String field) {
    Object value = row.fields().get(field);
    String text = value == null ? null : value.toString();
    String key = Sha256.hex(text == null ? "\u0000null" : text).substring(0, 16);
    if (text == null || text.isBlank() || text.contains("\uFFFD") || hasControl(text)) {
      String why =
          text == null
              ? "no '" + field + "' field"
              : text.isBlank()
                  ? "empty text"
                  : text.contains("\uFFFD")
                      ? "U+FFFD replacement characters (broken encoding)"
                      : "control characters";
      return new RowFacts(row.where(), key, why, "NONE", null, null, null, null, null);
    }
    String normal = Sha256.hex(fold(text).replaceAll("\\s+", " ").strip());
    var pii = personalData(text);
    String personal = null;
    if (!pii.isEmpty()) {
      StringBuilder d = new StringBuilder();
      pii.forEach(
          h -> d.append(d.isEmpty() ? "" : ", ").append(h.kind()).append(' ').append(h.masked()));
      personal = d.toString();
    }
    return new RowFacts(
        row.where(),
        key,
        null,
        script(text).name(),
        normal,
        NearDuplicates.signature(text),
        personal,
        hateTerm(text),
        ocrNoise(text));
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return true;
      }
    }
    return false;
  }

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

  private static final List<String> LEXICON = lexicon();

  /** A personal-data hit with its kind and a masked form safe to show in a report. */
  record Hit(String kind, String masked) {}

  static List<Hit> personalData(String text) {
    List<Hit> hits = new ArrayList<>();
    Matcher m = RRN.matcher(text);
    while (m.find()) {
      String digits = m.group().replaceAll("[- ]", "");
      if (rrnChecksumOk(digits)) {
        hits.add(new Hit("resident-registration-number", digits.substring(0, 7) + "******"));
      }
    }
    for (var p : List.of(MOBILE, LANDLINE)) {
      m = p.matcher(text);
      while (m.find()) {
        String g = m.group();
        hits.add(new Hit("phone", g.substring(0, Math.min(4, g.length())) + "****"));
      }
    }
    m = EMAIL.matcher(text);
    while (m.find()) {
      String g = m.group();
      hits.add(new Hit("email", g.charAt(0) + "***" + g.substring(g.indexOf('@'))));
    }
    m = ADDRESS.matcher(text);
    while (m.find()) {
      String g = m.group();
      hits.add(new Hit("address", g.replaceAll("\\d", "*")));
    }
    return hits;
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

  /** The first lexicon term in the text (spacing removed, so "김 치 녀" still counts), or null. */
  static @Nullable String hateTerm(String text) {
    String squeezed = fold(text).replaceAll("\\s+", "");
    for (String term : LEXICON) {
      if (squeezed.contains(term)) {
        return term;
      }
    }
    return null;
  }

  /** Why the text looks like OCR output gone wrong, or null. */
  static @Nullable String ocrNoise(String text) {
    int letters = 0;
    int symbols = 0;
    int jamo = 0;
    int length = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        continue;
      }
      length++;
      if (cp >= 0x3131 && cp <= 0x318E) {
        jamo++;
      } else if (Character.isLetterOrDigit(cp)) {
        letters++;
      } else if (".,?!'\"()[]:;-·~%/".indexOf(cp) < 0) {
        symbols++;
      }
    }
    if (length >= 20 && symbols > 0.25 * length) {
      return "symbols make up " + Math.round(100.0 * symbols / length) + "% of the text";
    }
    if (jamo >= 3 && jamo > 0.05 * length) {
      return jamo + " isolated jamo (ㄱ, ㅏ, …) typical of broken syllable recognition";
    }
    if (Pattern.compile("(.)\\1{9,}").matcher(text).find()) {
      return "a character repeated ten or more times";
    }
    if (Pattern.compile("\\b(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{6,}\\b")
            .matcher(text)
            .find()
        && Pattern.compile("[Il1|O0]{4,}").matcher(text).find()) {
      return "letters and digits mixed like l/1, O/0 confusions";
    }
    return null;
  }

  enum Script {
    KOREAN,
    ENGLISH,
    CHINESE_JAPANESE,
    OTHER,
    NONE
  }

  static Script script(String text) {
    int hangul = 0;
    int latin = 0;
    int han = 0;
    int other = 0;
    for (int i = 0; i < text.length(); ) {
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

  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static List<String> lexicon() {
    List<String> out = new ArrayList<>();
    try (var r =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    ReferenceFacts.class.getResourceAsStream("hate-lexicon.txt")),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(fold(t).replaceAll("\\s+", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
