package kr.gukdae.arena;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.gukdae.text.Fold;

/**
 * Finds answers that name a model or vendor, which would let a voter recognise a side and so make
 * the battle non-blind. Latin terms match as whole words (so {@code meta} does not fire on {@code
 * metadata}); Hangul terms match anywhere, because Korean attaches particles to nouns (네이버가);
 * ambiguous Hangul words (라마 inside 드라마, 믿음 "faith") are therefore left out.
 */
public final class LeakDetector {

  /** Vendors and model families voters would recognise; extend with configuration. */
  static final List<String> KNOWN_TERMS =
      List.of(
          "openai",
          "chatgpt",
          "gpt",
          "anthropic",
          "claude",
          "google",
          "gemini",
          "gemma",
          "deepmind",
          "meta ai",
          "llama",
          "mistral",
          "mixtral",
          "qwen",
          "alibaba",
          "deepseek",
          "exaone",
          "lg ai",
          "hyperclova",
          "clova",
          "naver",
          "solar pro",
          "upstage",
          "kanana",
          "kakao",
          "a.x",
          "skt",
          "varco",
          "ncsoft",
          "midm",
          "kt corporation",
          "grok",
          "xai",
          "microsoft",
          "phi-3",
          "phi-4",
          "copilot",
          "오픈ai",
          "오픈에이아이",
          "챗gpt",
          "챗지피티",
          "클로드",
          "앤트로픽",
          "제미나이",
          "구글",
          "큐웬",
          "딥시크",
          "엑사원",
          "하이퍼클로바",
          "네이버",
          "클로바",
          "업스테이지",
          "카카오",
          "카나나",
          "에이닷",
          "바르코",
          "엔씨소프트",
          "마이크로소프트");

  private final List<String> terms;

  private LeakDetector(List<String> terms) {
    this.terms = terms;
  }

  /**
   * A detector for the built-in vendor list plus the arena's own models: the full spec ({@code
   * openai/qwen3-8b}) and its model part when that is distinctive (has a digit, dash, dot or
   * underscore), since a plain word such as {@code lexical} would fire on ordinary prose.
   */
  public static LeakDetector forModels(Collection<String> modelSpecs, Collection<String> extra) {
    Set<String> all = new LinkedHashSet<>(KNOWN_TERMS);
    for (String spec : modelSpecs) {
      all.add(normalise(spec));
      String model = spec.substring(spec.indexOf('/') + 1);
      if (model.matches(".*[0-9._-].*") && model.length() >= 4) {
        all.add(normalise(model));
      }
    }
    extra.stream().map(LeakDetector::normalise).filter(t -> !t.isBlank()).forEach(all::add);
    return new LeakDetector(new ArrayList<>(all));
  }

  /** The first term the text names, as the detector spells it, or empty when the text is blind. */
  public Optional<String> find(String text) {
    String haystack = normalise(text);
    for (String term : terms) {
      if (contains(haystack, term)) {
        return Optional.of(term);
      }
    }
    return Optional.empty();
  }

  private static boolean contains(String haystack, String term) {
    boolean latinEdges = isLatinWord(term.charAt(0)) || isLatinWord(term.charAt(term.length() - 1));
    for (int at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) {
      if (!latinEdges) {
        return true;
      }
      boolean startOk = at == 0 || !isLatinWord(haystack.charAt(at - 1));
      int end = at + term.length();
      boolean endOk = end == haystack.length() || !isLatinWord(haystack.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatinWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Spellings that hide a name from a plain search but not from a reader: full-width letters (ＧＰＴ),
   * case, zero-width characters (G\u200BPT), Cyrillic or Greek look-alikes (Сlaude) — all folded by
   * {@link Fold#text} — and a version glued to the name (GPT4o, Qwen2.5, Llama3): a boundary
   * between a Latin letter and a digit becomes a space, in the text and the terms alike, so the
   * whole-word match sees {@code qwen 2.5}.
   */
  static String normalise(String text) {
    String folded = Fold.text(text);
    StringBuilder out = new StringBuilder(folded.length() + 8);
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (i > 0
          && (isDigit(c) && isLetter(folded.charAt(i - 1))
              || isLetter(c) && isDigit(folded.charAt(i - 1)))) {
        out.append(' ');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
