package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private static Row row(Map<String, Object> fields) {
    return new Row("test.jsonl", 1, fields);
  }

  @Test
  void rendersTextAndKeepsTypesOfSingleExpressions() {
    Row row = row(Map.of("q", "하늘은?", "answer", 3L, "choices", List.of("a", "b")));
    assertThat(Templates.render("질문: {{q}}\n정답：", row, "doc_to_text")).isEqualTo("질문: 하늘은?\n정답：");
    assertThat(Templates.evaluate("{{answer|int - 1}}", row, "doc_to_target")).isEqualTo(2L);
    assertThat(Templates.evaluate("{{ choices }}", row, "doc_to_choice"))
        .isEqualTo(List.of("a", "b"));
  }

  @Test
  void pythonStringMethodsKeepPythonsMeaningOnUnicodeRows() {
    // lm-eval renders with Python: '\u00a0 하늘은?\u2007\u0085'.strip() == '하늘은?'
    Row row = row(Map.of("question", "\u00a0 하늘은?\u2007\u0085", "w", "ﬁnal ﬂag", "c", "원인 "));
    assertThat(Templates.render("{{question.strip()}}\n정답：", row, "doc_to_text"))
        .isEqualTo("하늘은?\n정답：");
    assertThat(Templates.render("{{ w.title() }}|{{ w.capitalize() }}", row, "doc_to_text"))
        .isEqualTo("Final Flag|Final ﬂag");
    assertThat(Templates.render("{% if c.strip() == '원인' %}왜냐하면{% endif %}", row, "doc_to_text"))
        .isEqualTo("왜냐하면");
    assertThat(Templates.evaluate("{{ question.strip() }}", row, "doc_to_target"))
        .isEqualTo("하늘은?");
    // a method name inside plain text is text
    assertThat(Templates.render("call .strip() here {{c}}", row, "doc_to_text"))
        .isEqualTo("call .strip() here 원인 ");
  }

  @Test
  void whatATemplateSetsStaysInItsRow() {
    Row first = row(Map.of("q", "x"));
    assertThat(Templates.render("{% set leaked = 'yes' %}{{ leaked }}", first, "doc_to_text"))
        .isEqualTo("yes");
    assertThatThrownBy(() -> Templates.render("{{ leaked }}", row(Map.of("q", "y")), "doc_to_text"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("leaked");
  }

  @Test
  void valuesAreNotRenderedAgain() {
    // dataset text is data: a question that contains template syntax is printed, not run
    Row row = row(Map.of("q", "{{ 7 * 6 }} and {% if true %}x{% endif %}"));
    assertThat(Templates.render("{{q}}", row, "doc_to_text"))
        .isEqualTo("{{ 7 * 6 }} and {% if true %}x{% endif %}");
  }

  @Test
  void anUnknownColumnNamesTheRowAndTheColumnsThereAre() {
    assertThatThrownBy(() -> Templates.render("{{ quesion }}", row(Map.of("question", "q")), "t"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("test.jsonl")
        .hasMessageContaining("quesion")
        .hasMessageContaining("[question]");
  }
}
