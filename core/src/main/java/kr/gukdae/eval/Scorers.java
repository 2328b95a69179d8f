package kr.gukdae.eval;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import kr.gukdae.model.LoglikelihoodResult;

/** The built-in scorers. */
public final class Scorers {

  private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Scorers() {}

  /** acc: the choice with the highest summed log-likelihood is the gold one. */
  public static Scorer choiceAccuracy() {
    return state -> pickChoice(state, false);
  }

  /** acc_norm: as acc, with each log-likelihood divided by the choice's length in characters. */
  public static Scorer choiceAccuracyNormalised() {
    return state -> pickChoice(state, true);
  }

  private static Score pickChoice(TaskState state, boolean normalise) {
    List<LoglikelihoodResult> lls = state.choiceLogprobs();
    List<String> choices = state.sample().choices();
    int best = -1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < lls.size(); i++) {
      double value = lls.get(i).logprob();
      if (normalise) {
        value /= Math.max(1, PythonText.length(choices.get(i))); // len(): code points
      }
      // Strictly greater: the first of equal maxima wins, like numpy's argmax.
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    String target = state.sample().target();
    // lm-eval's multiple targets: the pick is right when it is any of the gold indices
    return Score.correct(
        state.sample().golds().contains(String.valueOf(best)), String.valueOf(best), target);
  }

  /** Generated multiple choice: the extracted letter equals the gold choice's letter. */
  public static Scorer choiceLetter(AnswerExtractor extractor) {
    return state -> {
      String answer = extractor.extract(state.completion());
      String target = String.valueOf((char) ('A' + state.sample().targetIndex()));
      boolean any =
          state.sample().golds().stream()
              .anyMatch(g -> answer.equals(String.valueOf((char) ('A' + Integer.parseInt(g)))));
      return Score.correct(any, answer, target);
    };
  }

  /** Exact match after extraction, optionally ignoring case and punctuation; spaces trimmed. */
  public static Scorer exactMatch(
      AnswerExtractor extractor, boolean ignoreCase, boolean ignorePunctuation) {
    return state -> {
      String answer = extractor.extract(state.completion());
      String a = normalise(answer, ignoreCase, ignorePunctuation);
      boolean any =
          state.sample().golds().stream()
              .anyMatch(g -> a.equals(normalise(g, ignoreCase, ignorePunctuation)));
      return Score.correct(any, answer, state.sample().target());
    };
  }

  /**
   * Boxed-answer math: the last \boxed{...} equals the target, numerically where both are numbers.
   */
  public static Scorer boxedMath() {
    AnswerExtractor boxed = AnswerExtractor.boxed();
    return state -> {
      String answer = boxed.extract(state.completion());
      String target = state.sample().target();
      return Score.correct(sameMathAnswer(answer, target), answer, target);
    };
  }

  static boolean sameMathAnswer(String answer, String target) {
    String a = canonicalMath(answer);
    String b = canonicalMath(target);
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String canonicalMath(String text) {
    String s = SPACES.matcher(text).replaceAll("");
    s = s.replace("$", "").replace("\\!", "").replace(",", "");
    s = s.replace("\\left", "").replace("\\right", "").replace("\\dfrac", "\\frac");
    if (s.startsWith("\\text{") && s.endsWith("}")) {
      s = s.substring(6, s.length() - 1);
    }
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** The extracted answer matches a regular expression (e.g. for refusal detection). */
  public static Scorer regexMatch(AnswerExtractor extractor, String pattern) {
    Pattern compiled = PythonText.regex(pattern);
    return state -> {
      String answer = extractor.extract(state.completion());
      return Score.correct(compiled.matcher(answer).find(), answer, pattern);
    };
  }

  /** Token-level F1 between answer and target, SQuAD-style (bag of lower-cased words). */
  public static Scorer tokenF1(AnswerExtractor extractor) {
    return state -> {
      String answer = extractor.extract(state.completion());
      String target = state.sample().target();
      return new Score(tokenF1(answer, target), answer, target);
    };
  }

  static double tokenF1(String answer, String target) {
    List<String> a = tokens(answer);
    List<String> b = tokens(target);
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b) ? 1.0 : 0.0;
    }
    Map<String, Integer> counts = new HashMap<>();
    b.forEach(t -> counts.merge(t, 1, Integer::sum));
    int common = 0;
    for (String t : a) {
      Integer left = counts.get(t);
      if (left != null && left > 0) {
        common++;
        counts.put(t, left - 1);
      }
    }
    if (common == 0) {
      return 0.0;
    }
    double precision = (double) common / a.size();
    double recall = (double) common / b.size();
    return 2 * precision * recall / (precision + recall);
  }

  private static List<String> tokens(String text) {
    String s = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return s.isEmpty() ? List.of() : List.of(SPACES.split(s));
  }

  private static String normalise(String text, boolean ignoreCase, boolean ignorePunctuation) {
    String s = text.strip();
    if (ignoreCase) {
      s = s.toLowerCase(Locale.ROOT);
    }
    if (ignorePunctuation) {
      s = PUNCTUATION.matcher(s).replaceAll("");
    }
    return s;
  }
}
