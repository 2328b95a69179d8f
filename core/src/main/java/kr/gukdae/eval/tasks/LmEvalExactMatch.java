package kr.gukdae.eval.tasks;

import java.util.List;
import java.util.regex.Pattern;
import kr.gukdae.eval.AnswerExtractor;
import kr.gukdae.eval.PythonText;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.Scorer;

/**
 * lm-evaluation-harness's {@code exact_match} with its options, in its order: remove each of {@code
 * regexes_to_ignore} from answer and reference, then lower-case ({@code ignore_case}), then drop
 * ASCII punctuation ({@code ignore_punctuation}); no stripping of spaces, as there.
 */
final class LmEvalExactMatch {

  private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");

  private LmEvalExactMatch() {}

  static Scorer of(
      AnswerExtractor extractor,
      List<Pattern> ignore,
      boolean ignoreCase,
      boolean ignorePunctuation) {
    return state -> {
      String answer = extractor.extract(state.completion());
      String a = normalise(answer, ignore, ignoreCase, ignorePunctuation);
      // lm-eval's multiple targets: 1 when the answer matches any reference
      boolean any =
          state.sample().golds().stream()
              .anyMatch(g -> a.equals(normalise(g, ignore, ignoreCase, ignorePunctuation)));
      return Score.correct(any, answer, state.sample().target());
    };
  }

  static String normalise(
      String text, List<Pattern> ignore, boolean ignoreCase, boolean ignorePunctuation) {
    String s = text;
    for (Pattern p : ignore) {
      s = p.matcher(s).replaceAll("");
    }
    if (ignoreCase) {
      s = PythonText.lower(s);
    }
    if (ignorePunctuation) {
      s = PUNCTUATION.matcher(s).replaceAll("");
    }
    return s;
  }
}
