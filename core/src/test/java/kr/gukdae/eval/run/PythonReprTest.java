package kr.gukdae.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link PythonJson#repr} against what CPython 3's {@code repr} prints (values taken from it). */
class PythonReprTest {

  @Test
  void quotesAndEscapesAsPythonDoes() {
    assertThat(PythonJson.repr("it's")).isEqualTo("\"it's\"");
    assertThat(PythonJson.repr("a\"b")).isEqualTo("'a\"b'");
    assertThat(PythonJson.repr("both'\"")).isEqualTo("'both\\'\"'");
    assertThat(PythonJson.repr("a\nb\u200b")).isEqualTo("'a\\nb\\u200b'");
    assertThat(PythonJson.repr("서울")).isEqualTo("'서울'");
    assertThat(PythonJson.repr("\u0085\u3000 \t\\")).isEqualTo("'\\x85\\u3000 \\t\\\\'");
    assertThat(PythonJson.repr("\uD83D\uDE00\uDB40\uDC01")).isEqualTo("'\uD83D\uDE00\\U000e0001'");
  }
}
