package kr.gukdae.call;

import org.jspecify.annotations.Nullable;

/** One broken eligibility rule: which application, which member (if one), which rule, and why. */
public record Violation(String application, @Nullable String member, String rule, String message) {

  @Override
  public String toString() {
    return application + (member == null ? "" : " / " + member) + ": " + rule + ": " + message;
  }
}
