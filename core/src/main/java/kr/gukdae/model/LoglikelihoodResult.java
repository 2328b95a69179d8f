package kr.gukdae.model;

/**
 * The summed log-probability of a continuation, and whether greedy decoding would have produced
 * exactly that continuation (lm-evaluation-harness's {@code is_greedy}).
 */
public record LoglikelihoodResult(double logprob, boolean greedy) {

  public LoglikelihoodResult {
    if (Double.isNaN(logprob) || logprob > 1e-9) {
      // A server's reply is checked before this: Logprobs refuses a token log-prob above 0 or NaN
      // as a ModelException (malformed response) and sums at most 0; the demo models score < 0.
      throw new IllegalArgumentException("bug: a log-probability must be <= 0, got " + logprob);
    }
  }
}
