package kr.gukdae.call;

import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * One broken eligibility rule: which application, which member (if one), which rule, and why, in
 * Korean and English ({@link Bilingual}, as stage explanations carry theirs). The seal records the
 * English line ({@link #toString()}), as it always has.
 */
public record Violation(
    String application, @Nullable String member, String rule, Bilingual message) {

  /** The line in one language: application / member: rule: why. */
  public String toString(boolean korean) {
    return application
        + (member == null ? "" : " / " + member)
        + ": "
        + rule
        + ": "
        + (korean ? message.ko() : message.en());
  }

  @Override
  public String toString() {
    return toString(false);
  }
}
