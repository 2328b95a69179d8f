package kr.gukdae.openness;

/**
 * How open a team's release is, from most to least open. Self-payment shrinks with openness, so the
 * level is read from the released repository (see {@link OpenSourceCheck}), not declared.
 */
public enum OpenLevel {
  /** Weights, training code and data (or a data card) under a licence allowing commercial use. */
  FULL_OPEN,
  /** Weights under a licence allowing commercial use. */
  OPEN_WEIGHTS_COMMERCIAL,
  /** Weights released for research or non-commercial use only. */
  RESEARCH_ONLY,
  /** No weights released. */
  CLOSED
}
