package kr.gukdae.packs.ifeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

class InstructionsTest {

  private static boolean en(String id, Map<String, Object> kwargs, String response) {
    return Instructions.create("t.jsonl:1", id, kwargs, Language.ENGLISH).follows(response);
  }

  private static boolean ko(String id, Map<String, Object> kwargs, String response) {
    return Instructions.create("t.jsonl:1", id, kwargs, Language.KOREAN).follows(response);
  }

  @Test
  void keywordsAndLetters() {
    var keys = Map.<String, Object>of("keywords", List.of("Seoul", "river"));
    assertThat(en("keywords:existence", keys, "The river crosses seoul.")).isTrue();
    assertThat(en("keywords:existence", keys, "Seoul at night.")).isFalse();
    var freq = Map.<String, Object>of("keyword", "tea", "frequency", 2, "relation", "at least");
    assertThat(en("keywords:frequency", freq, "Tea, more tea.")).isTrue();
    assertThat(en("keywords:frequency", freq, "Tea only.")).isFalse();
    var less = Map.<String, Object>of("keyword", "tea", "frequency", 2, "relation", "less than");
    assertThat(en("keywords:frequency", less, "Tea only.")).isTrue();
    var forbidden = Map.<String, Object>of("forbidden_words", List.of("bad"));
    assertThat(en("keywords:forbidden_words", forbidden, "A badge is fine.")).isTrue();
    assertThat(en("keywords:forbidden_words", forbidden, "That is Bad.")).isFalse();
    var letters =
        Map.<String, Object>of("letter", "z", "let_frequency", 3, "let_relation", "at least");
    assertThat(en("keywords:letter_frequency", letters, "Zizz")).isTrue();
    assertThat(en("keywords:letter_frequency", letters, "Zoo")).isFalse();
  }

  @Test
  void koreanKeywordsMatchInsideWordsWithParticles() {
    var forbidden = Map.<String, Object>of("forbidden_words", List.of("사과"));
    // "사과를" carries the object particle: English word boundaries would not catch it.
    assertThat(en("keywords:forbidden_words", forbidden, "나는 사과를 먹었다.")).isTrue();
    assertThat(ko("keywords:forbidden_words", forbidden, "나는 사과를 먹었다.")).isFalse();
    var words = Map.<String, Object>of("num_words", 4, "relation", "at least");
    assertThat(ko("length_constraints:number_words", words, "나는 오늘 학교에 갔다.")).isTrue();
    assertThat(ko("length_constraints:number_words", words, "나는 학교에 갔다.")).isFalse();
  }

  @Test
  void lengthConstraints() {
    var words = Map.<String, Object>of("num_words", 5, "relation", "less than");
    assertThat(en("length_constraints:number_words", words, "one two three four")).isTrue();
    assertThat(en("length_constraints:number_words", words, "one two three four five")).isFalse();
    var sentences = Map.<String, Object>of("num_sentences", 3, "relation", "at least");
    assertThat(
            en("length_constraints:number_sentences", sentences, "Mr. Kim came. It rained! Why?"))
        .isTrue();
    assertThat(en("length_constraints:number_sentences", sentences, "It costs 3.5 dollars. Yes."))
        .isFalse();
    var paragraphs = Map.<String, Object>of("num_paragraphs", 2);
    assertThat(en("length_constraints:number_paragraphs", paragraphs, "First.\n***\nSecond."))
        .isTrue();
    assertThat(en("length_constraints:number_paragraphs", paragraphs, "A\n***\n\n***\nB"))
        .isFalse();
    var nth = Map.<String, Object>of("num_paragraphs", 2, "nth_paragraph", 2, "first_word", "Then");
    assertThat(en("length_constraints:nth_paragraph_first_word", nth, "Hi there.\n\n\"Then, go."))
        .isTrue();
    assertThat(en("length_constraints:nth_paragraph_first_word", nth, "Hi.\n\nNow go.")).isFalse();
  }

  @Test
  void contentAndFormat() {
    var ph = Map.<String, Object>of("num_placeholders", 2);
    assertThat(en("detectable_content:number_placeholders", ph, "Dear [name], at [address]."))
        .isTrue();
    assertThat(en("detectable_content:number_placeholders", ph, "Dear [name].")).isFalse();
    var ps = Map.<String, Object>of("postscript_marker", "P.S.");
    assertThat(en("detectable_content:postscript", ps, "Hello.\nP.S. bring tea")).isTrue();
    assertThat(en("detectable_content:postscript", ps, "Hello.")).isFalse();
    var bullets = Map.<String, Object>of("num_bullets", 2);
    assertThat(en("detectable_format:number_bullet_lists", bullets, "* one\n- two")).isTrue();
    assertThat(en("detectable_format:number_bullet_lists", bullets, "* one\n* two\n* three"))
        .isFalse();
    assertThat(en("detectable_format:constrained_response", Map.of(), "My answer is no.")).isTrue();
    assertThat(en("detectable_format:constrained_response", Map.of(), "No.")).isFalse();
    var hl = Map.<String, Object>of("num_highlights", 2);
    assertThat(en("detectable_format:number_highlighted_sections", hl, "*a* and **b**")).isTrue();
    assertThat(en("detectable_format:number_highlighted_sections", hl, "*a* and ** **")).isFalse();
    var sections = Map.<String, Object>of("section_spliter", "Section", "num_sections", 2);
    assertThat(en("detectable_format:multiple_sections", sections, "Section 1\na\nSection 2\nb"))
        .isTrue();
    assertThat(en("detectable_format:multiple_sections", sections, "Section 1\na")).isFalse();
    assertThat(en("detectable_format:json_format", Map.of(), "```json\n{\"a\": [1, 2]}\n```"))
        .isTrue();
    assertThat(en("detectable_format:json_format", Map.of(), "{\"a\": 1} trailing")).isFalse();
    assertThat(en("detectable_format:title", Map.of(), "<<A Poem>>\nroses")).isTrue();
    assertThat(en("detectable_format:title", Map.of(), "<< >> roses")).isFalse();
  }

  @Test
  void combinationStartEndCaseAndPunctuation() {
    assertThat(en("combination:two_responses", Map.of(), "Yes.\n******\nNo.")).isTrue();
    assertThat(en("combination:two_responses", Map.of(), "Yes.\n******\nYes.")).isFalse();
    var repeat = Map.<String, Object>of("prompt_to_repeat", "Say hi.");
    assertThat(en("combination:repeat_prompt", repeat, "say hi. Hi!")).isTrue();
    assertThat(en("combination:repeat_prompt", repeat, "Hi!")).isFalse();
    var end = Map.<String, Object>of("end_phrase", "Any other questions?");
    assertThat(en("startend:end_checker", end, "Done. Any other questions?\"")).isTrue();
    assertThat(en("startend:end_checker", end, "Any other questions? Bye.")).isFalse();
    assertThat(en("startend:quotation", Map.of(), " \"quoted\" ")).isTrue();
    assertThat(en("startend:quotation", Map.of(), "\"half")).isFalse();
    var caps = Map.<String, Object>of("capital_frequency", 2, "capital_relation", "at least");
    assertThat(en("change_case:capital_word_frequency", caps, "THE big DOG")).isTrue();
    assertThat(en("change_case:capital_word_frequency", caps, "The big DOG")).isFalse();
    assertThat(en("change_case:english_capital", Map.of(), "THIS IS THE ANSWER")).isTrue();
    assertThat(en("change_case:english_capital", Map.of(), "This is the answer")).isFalse();
    assertThat(en("change_case:english_lowercase", Map.of(), "this is the answer")).isTrue();
    assertThat(en("change_case:english_lowercase", Map.of(), "이것은 답이다")).isFalse();
    assertThat(en("punctuation:no_comma", Map.of(), "No commas here.")).isTrue();
    assertThat(en("punctuation:no_comma", Map.of(), "One, two.")).isFalse();
  }

  @Test
  void responseLanguageByScriptAndFunctionWords() {
    var koLang = Map.<String, Object>of("language", "ko");
    assertThat(en("language:response_language", koLang, "오늘은 날씨가 좋습니다.")).isTrue();
    assertThat(en("language:response_language", koLang, "The weather is nice.")).isFalse();
    var de = Map.<String, Object>of("language", "de");
    assertThat(en("language:response_language", de, "Das ist nicht der Weg und ich weiß es."))
        .isTrue();
  }

  @Test
  void everyRegisteredIdIsImplementedAndUnknownOnesAreNamed() {
    Map<String, Object> all = new HashMap<>();
    all.putAll(
        Map.of(
            "keywords",
            List.of("a"),
            "keyword",
            "a",
            "frequency",
            1,
            "relation",
            "at least",
            "forbidden_words",
            List.of("x"),
            "letter",
            "a",
            "let_frequency",
            1,
            "let_relation",
            "at least",
            "language",
            "en",
            "num_sentences",
            1));
    all.putAll(
        Map.of(
            "num_paragraphs", 1,
            "num_words", 1,
            "nth_paragraph", 1,
            "first_word", "a",
            "num_placeholders", 1,
            "postscript_marker", "P.S.",
            "num_bullets", 1,
            "num_highlights", 1,
            "section_spliter", "Section",
            "num_sections", 1));
    all.putAll(
        Map.of(
            "prompt_to_repeat",
            "a",
            "end_phrase",
            "a",
            "capital_frequency",
            1,
            "capital_relation",
            "at least"));
    for (String id : Instructions.IDS) {
      assertThat(Instructions.create("t", id, all, Language.ENGLISH)).as(id).isNotNull();
    }
    assertThat(Instructions.IDS).hasSize(25);
    assertThatThrownBy(() -> en("detectable_format:haiku", Map.of(), "x"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(false))
                  .contains("t.jsonl:1: unknown instruction id 'detectable_format:haiku'");
              assertThat(e.message(true)).contains("알 수 없는 지시문 ID 'detectable_format:haiku'");
            });
    assertThatThrownBy(() -> en("length_constraints:number_words", Map.of(), "x"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("kwarg 'num_words' is missing");
  }
}
