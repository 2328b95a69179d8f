package kr.gukdae.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Unicode edge rows. Every expected value was produced once with Debian's CPython 3.11.2 (e.g.
 * {@code '\u00a0 정답\u2007'.strip()}, {@code re.findall(r'\d+', ...)}) and committed as a literal.
 */
class PythonTextTest {

  private static List<String> findall(String python, String text) {
    Matcher m = PythonText.regex(python).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.groupCount() == 0 ? m.group() : m.group(1));
    }
    return out;
  }

  @Test
  void stripRemovesWhatPythonCallsWhitespaceAndNothingElse() {
    assertThat(PythonText.strip("\u00a0 정답\u2007")).isEqualTo("정답");
    assertThat(PythonText.strip("\u0085B\u0085")).isEqualTo("B");
    assertThat(PythonText.strip("\u3000가\u3000")).isEqualTo("가");
    assertThat(PythonText.strip("\u202f끝\u205f")).isEqualTo("끝");
    assertThat(PythonText.strip("\u001cZ\u001f")).isEqualTo("Z");
    // zero-width space and BOM are not whitespace in Python
    assertThat(PythonText.strip("\u200bX\u200b")).isEqualTo("\u200bX\u200b");
    assertThat(PythonText.strip("\ufeffY")).isEqualTo("\ufeffY");
    // Java's own strip keeps NBSP, U+2007 and NEL: the bug this class exists for
    assertThat("\u00a0B\u0085".strip()).isNotEqualTo("B");
  }

  @Test
  void regexClassesMeanWhatTheyMeanInPythonsRe() {
    // KMMLU CoT's filter on a reply with a no-break space after 정답은
    assertThat(findall("(?<=정답은)\\s*[(]?(A|B|C|D)[)]?.*(?=입니다.)", "정답은\u00a0(B) 입니다."))
        .containsExactly("B");
    assertThat(findall("\\d+", "점수는 １２３점, ٣ and 7")).containsExactly("１２３", "٣", "7");
    assertThat(findall("\\w+", "ǅx ²₃ Ⅻ 가나 é_1")).containsExactly("ǅx", "²₃", "Ⅻ", "가나", "é_1");
    // '.' and '$' know only '\n' as a line end
    assertThat(findall("a.c", "a\u2028c a\rc a\nc")).containsExactly("a\u2028c", "a\rc");
    assertThat(findall("x$", "x\u2028")).isEmpty();
    assertThat(findall("x$", "x\n")).containsExactly("x");
    assertThat(PythonText.regex("\\s+").matcher("a\u00a0b\u0085c\u2007d\u200be").replaceAll("_"))
        .isEqualTo("a_b_c_d\u200be");
    assertThat(findall("boxed{(\\d+)}", "boxed{42}")).containsExactly("42");
    assertThat(findall("(?P<n>[A-D])(?P=n)", "xAAyBB")).containsExactly("A", "B");
    assertThat(findall("[\\s&]x", "&x \u00a0x")).containsExactly("&x", "\u00a0x");
    assertThat(PythonText.translate("a{,3}")).isEqualTo("a{0,3}");
  }

  @Test
  void lengthCountsCodePointsAndCaseFollowsFullMappings() {
    assertThat(PythonText.length("👍🏽가ﬁ")).isEqualTo(4);
    assertThat(PythonText.title("ﬁnal ﬂag")).isEqualTo("Final Flag");
    assertThat(PythonText.capitalize("ǆemal")).isEqualTo("ǅemal");
    assertThat(PythonText.capitalize("ßa")).isEqualTo("Ssa");
    assertThat(PythonText.capitalize("ŉa")).isEqualTo("ʼNa");
    assertThat(PythonText.capitalize("hELLO")).isEqualTo("Hello");
    assertThat(PythonText.title("hello wORLD 3rd")).isEqualTo("Hello World 3Rd");
    assertThat(PythonText.upper("straße")).isEqualTo("STRASSE");
    assertThat(PythonText.lower("ΣΑΣ")).isEqualTo("σας");
  }
}
