package kr.gukdae.model.openai;

import java.net.URI;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelException.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Turns an echoed prompt's per-token log-probs into log P(continuation | context).
 *
 * <p>Tokens are placed by {@code text_offset} (character offsets into the prompt, counted in
 * Unicode code points as Python servers count them) or, when a server sends none, by summing token
 * lengths. A token counts toward the continuation when it overlaps it at all; so a token that
 * straddles the boundary (the last context characters merged with the first continuation
 * characters) is counted, because its probability is the only one covering those continuation
 * characters. Dropping it would let a one-token continuation score zero. Tokens at or past the
 * prompt's end (what the server generated with {@code max_tokens: 1}) are ignored.
 */
final class Logprobs {

  /** The echoed tokens of one completions answer. */
  record Echo(
      List<String> tokens,
      List<@Nullable Double> logprobs,
      int @Nullable [] offsets,
      @Nullable List<@Nullable Map<String, Double>> tops) {}

  private Logprobs() {}

  static LoglikelihoodResult continuation(
      Echo echo, String context, String continuation, URI from) {
    int contextLen = context.codePointCount(0, context.length());
    int promptLen = contextLen + continuation.codePointCount(0, continuation.length());
    int n = echo.tokens().size();
    int[] starts = echo.offsets() != null ? echo.offsets() : cumulative(echo.tokens());
    double sum = 0;
    boolean greedy = true;
    int covered = 0;
    int counted = 0;
    for (int i = 0; i < n; i++) {
      int start = starts[i];
      String token = echo.tokens().get(i);
      int end =
          i + 1 < n
              ? Math.max(start, starts[i + 1])
              : start + token.codePointCount(0, token.length());
      if (start >= promptLen) {
        break; // generated, not part of the prompt
      }
      covered = Math.max(covered, end);
      if (end <= contextLen) {
        continue;
      }
      Double lp = echo.logprobs().get(i);
      if (lp == null) {
        throw new ModelException(
            Kind.FATAL,
            -1,
            UserError.both(
                from
                    + "이(가) 이어지는 답의 첫 토큰에 로그 확률을 주지 않았습니다. 문맥이 비어 있기 때문입니다. 태스크에 비어 있지 않은 문맥(예: 설명이나 퓨샷 예시)을 주세요",
                from
                    + " gave no log-prob for the continuation's first token because the context is"
                    + " empty; give the task a non-empty context (e.g. a description or few-shot"
                    + " examples)"),
            null);
      }
      if (lp > 1e-6 || lp.isNaN()) {
        throw Failures.malformed(from, "token log-prob " + lp + " is not <= 0");
      }
      sum += Math.min(0.0, lp);
      greedy &= isTop(echo.tops(), i, token, lp);
      counted++;
    }
    if (covered < promptLen || counted == 0) {
      throw unsupported(from, "the answer does not echo the whole prompt");
    }
    return new LoglikelihoodResult(sum, greedy);
  }

  private static boolean isTop(
      @Nullable List<@Nullable Map<String, Double>> tops, int i, String token, double lp) {
    if (tops == null || tops.get(i) == null) {
      return false; // cannot tell, so do not claim greedy
    }
    Map<String, Double> alternatives = tops.get(i);
    double best = Double.NEGATIVE_INFINITY;
    for (double v : alternatives.values()) {
      best = Math.max(best, v);
    }
    Double own = alternatives.get(token);
    return (own != null && own >= best - 1e-9) || lp >= best - 1e-9;
  }

  private static int[] cumulative(List<String> tokens) {
    int[] starts = new int[tokens.size()];
    int at = 0;
    for (int i = 0; i < starts.length; i++) {
      starts[i] = at;
      at += tokens.get(i).codePointCount(0, tokens.get(i).length());
    }
    return starts;
  }

  static ModelException unsupported(URI from, String why) {
    return new ModelException(
        Kind.UNSUPPORTED,
        -1,
        UserError.both(
            from
                + "은(는) 프롬프트 로그 확률을 돌려줄 수 없습니다 ("
                + why
                + "). 로그 우도 태스크에는 vLLM이 제공하는 것처럼 echo + logprobs를 지원하는 /v1/completions가 필요합니다. 대신 태스크의 생성 버전(예: ko_knowledge_gen)을 쓰세요",
            from
                + " cannot return prompt log-probabilities ("
                + why
                + "); log-likelihood tasks need /v1/completions with echo + logprobs, as vLLM"
                + " serves it; use the generation variant of the task instead, e.g."
                + " ko_knowledge_gen"),
        null);
  }
}
