package kr.gukdae.packs.ifeval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;

/**
 * IFEval's instruction registry: each id with its kwargs becomes a {@link Check}. Semantics follow
 * the published IFEval checkers; in Korean mode keywords match as substrings (particles attach to
 * words, so word boundaries would miss them) and words are counted as space-separated eojeol.
 */
final class Instructions {

  /** Whether a response follows one instruction. */
  @FunctionalInterface
  interface Check {
    boolean follows(String response);
  }

  static final Set<String> IDS =
      new TreeSet<>(
          List.of(
              "keywords:existence",
              "keywords:frequency",
              "keywords:forbidden_words",
              "keywords:letter_frequency",
              "language:response_language",
              "length_constraints:number_sentences",
              "length_constraints:number_paragraphs",
              "length_constraints:number_words",
              "length_constraints:nth_paragraph_first_word",
              "detectable_content:number_placeholders",
              "detectable_content:postscript",
              "detectable_format:number_bullet_lists",
              "detectable_format:constrained_response",
              "detectable_format:number_highlighted_sections",
              "detectable_format:multiple_sections",
              "detectable_format:json_format",
              "detectable_format:title",
              "combination:two_responses",
              "combination:repeat_prompt",
              "startend:end_checker",
              "startend:quotation",
              "change_case:capital_word_frequency",
              "change_case:english_capital",
              "change_case:english_lowercase",
              "punctuation:no_comma"));

  private static final List<String> CONSTRAINED =
      List.of("My answer is yes.", "My answer is no.", "My answer is maybe.");

  private Instructions() {}

  static Check create(String where, String id, Map<?, ?> kwargs, Language language) {
    Args a = new Args(where, id, kwargs);
    boolean ko = language == Language.KOREAN;
    return switch (id) {
      case "keywords:existence" -> {
        List<Pattern> keys = a.strings("keywords").stream().map(k -> keyword(k)).toList();
        yield r -> keys.stream().allMatch(p -> p.matcher(r).find());
      }
      case "keywords:frequency" -> {
        Pattern key = keyword(a.string("keyword"));
        int wanted = a.integer("frequency");
        yield r -> a.compare("relation", count(key.matcher(r)), wanted);
      }
      case "keywords:forbidden_words" -> {
        List<Pattern> words =
            a.strings("forbidden_words").stream().map(w -> ko ? keyword(w) : wholeWord(w)).toList();
        yield r -> words.stream().noneMatch(p -> p.matcher(r).find());
      }
      case "keywords:letter_frequency" -> {
        String letter = a.string("letter").toLowerCase(Locale.ROOT);
        int wanted = a.integer("let_frequency");
        yield r ->
            a.compare("let_relation", occurrences(r.toLowerCase(Locale.ROOT), letter), wanted);
      }
      case "language:response_language" -> {
        String lang = a.string("language");
        yield r -> {
          String detected = LanguageGuess.detect(r);
          return detected.equals("unknown") || detected.equals(lang);
        };
      }
      case "length_constraints:number_sentences" -> {
        int wanted = a.integer("num_sentences");
        yield r -> a.compare("relation", TextStats.countSentences(r), wanted);
      }
      case "length_constraints:number_paragraphs" -> {
        int wanted = a.integer("num_paragraphs");
        yield r -> Formats.starSeparatedParagraphs(r) == wanted;
      }
      case "length_constraints:number_words" -> {
        int wanted = a.integer("num_words");
        yield r -> a.compare("relation", TextStats.countWords(r, language), wanted);
      }
      case "length_constraints:nth_paragraph_first_word" -> {
        int paragraphs = a.integer("num_paragraphs");
        int nth = a.integer("nth_paragraph");
        String first = a.string("first_word").toLowerCase(Locale.ROOT);
        yield r -> Formats.nthParagraphFirstWord(r, paragraphs, nth, first);
      }
      case "detectable_content:number_placeholders" -> {
        int wanted = a.integer("num_placeholders");
        Pattern placeholder = Pattern.compile("\\[.*?\\]");
        yield r -> count(placeholder.matcher(r)) >= wanted;
      }
      case "detectable_content:postscript" -> Formats.postscript(a.string("postscript_marker"));
      case "detectable_format:number_bullet_lists" -> {
        int wanted = a.integer("num_bullets");
        yield r -> Formats.bullets(r) == wanted;
      }
      case "detectable_format:constrained_response" ->
          r -> CONSTRAINED.stream().anyMatch(r.strip()::contains);
      case "detectable_format:number_highlighted_sections" -> {
        int wanted = a.integer("num_highlights");
        yield r -> Formats.highlights(r) >= wanted;
      }
      case "detectable_format:multiple_sections" -> {
        Pattern splitter =
            Pattern.compile("\\s?" + Pattern.quote(a.string("section_spliter")) + "\\s?\\d+\\s?");
        int wanted = a.integer("num_sections");
        yield r -> splitter.split(r, -1).length - 1 >= wanted;
      }
      case "detectable_format:json_format" -> Formats::isJson;
      case "detectable_format:title" -> Formats::hasTitle;
      case "combination:two_responses" -> Formats::twoDifferentResponses;
      case "combination:repeat_prompt" -> {
        String prompt = a.string("prompt_to_repeat").strip().toLowerCase(Locale.ROOT);
        yield r -> r.strip().toLowerCase(Locale.ROOT).startsWith(prompt);
      }
      case "startend:end_checker" -> {
        String end = a.string("end_phrase").strip().toLowerCase(Locale.ROOT);
        yield r -> Formats.stripQuotes(r.strip()).toLowerCase(Locale.ROOT).endsWith(end);
      }
      case "startend:quotation" -> {
        yield r -> {
          String s = r.strip();
          return s.length() > 1 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"';
        };
      }
      case "change_case:capital_word_frequency" -> {
        int wanted = a.integer("capital_frequency");
        yield r -> {
          long capitals = TextStats.words(r).stream().filter(TextStats::isUpper).count();
          return a.compare("capital_relation", (int) capitals, wanted);
        };
      }
      case "change_case:english_capital" ->
          r -> TextStats.isUpper(r) && LanguageGuess.detect(r).equals("en");
      case "change_case:english_lowercase" ->
          r -> TextStats.isLower(r) && LanguageGuess.detect(r).equals("en");
      case "punctuation:no_comma" -> r -> r.indexOf(',') < 0;
      default ->
          throw UserError.of(
              where + ": 알 수 없는 지시문 ID '" + id + "'입니다. 알려진 ID: " + String.join(", ", IDS),
              where
                  + ": unknown instruction id '"
                  + id
                  + "'; known ids: "
                  + String.join(", ", IDS));
    };
  }

  /** IFEval searches keywords anywhere (no word boundaries), ignoring case. */
  private static Pattern keyword(String keyword) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return Pattern.compile(Pattern.quote(keyword), flags);
  }

  private static Pattern wholeWord(String word) {
    return Pattern.compile(
        "\\b" + Pattern.quote(word) + "\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }

  static int count(Matcher m) {
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int occurrences(String text, String letter) {
    if (letter.isEmpty()) {
      return 0;
    }
    int n = 0;
    for (int i = text.indexOf(letter); i >= 0; i = text.indexOf(letter, i + letter.length())) {
      n++;
    }
    return n;
  }
}
