package kr.gukdae.call;

import kr.gukdae.Bilingual;
import kr.gukdae.text.Reason;
import org.jspecify.annotations.Nullable;

/**
 * One broken eligibility rule: which application, which member (if one), which rule, and why, in
 * Korean and English ({@link Bilingual}, as stage explanations carry theirs). The seal records the
 * English line ({@link #toString()}), as it always has, and next to it the {@link #line()} in both
 * languages.
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

  /** The line in both languages under the rule as its code: what the seal and REST carry. */
  public Reason line() {
    return new Reason(rule, toString(true), toString(false));
  }

  @Override
  public String toString() {
    return toString(false);
  }
}
