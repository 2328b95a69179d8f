package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spellings of model names that got past the detector (the list) and words it must still
 * leave alone. {@code \\u200B} is a zero-width space, {@code \\u200D} a zero-width joiner; the
 * Cyrillic letters are written as escapes so the table shows what they are.
 */
class LeakSpellingsTest {

  private static final LeakDetector DETECTOR =
      LeakDetector.forModels(List.of("openai/qwen3-8b", "demo/lexical"), List.of());

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "저는 GPT4o 기반입니다 | gpt",
        "I am Qwen2.5, a model by Alibaba | qwen",
        "Llama3 here | llama",
        "Gemma2 답변 | gemma",
        "gpt4 | gpt",
        "GPT-4o mini | gpt",
        "ＧＰＴ－４ | gpt",
        "G\\u200BPT-4 | gpt",
        "Cl\\u200Daude 3 | claude",
        "\\u0421laude | claude",
        "Q\\u0432en2 | -",
        "Qw\\u0435n2.5 | qwen",
        "\\u0413PT | -",
        "g\\u0440t4o | gpt",
        "D\\u0435\\u0435pSeek-V3 | deepseek",
        "qwen3-8b | qwen",
        "QWEN3-8B instruct | qwen",
        "metadata and a drama about llamas | -",
        "드라마 한 편 | -",
        "Egypt 4o | -",
        "version 2.5 of the library | -",
      })
  void findsNamesHoweverSpelled(String text, String expected) {
    var found = DETECTOR.find(unescape(text.strip()));
    if (expected.strip().equals("-")) {
      assertThat(found).as(text).isEmpty();
    } else {
      assertThat(found).as(text).isPresent();
      assertThat(found.get()).as(text).startsWith(expected.strip());
    }
  }
}
