package kr.gukdae.model;

import java.util.Objects;

/** Asks for log P(continuation | context), summed over the continuation's tokens. */
public record LoglikelihoodRequest(String context, String continuation) {

  public LoglikelihoodRequest {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(continuation, "continuation");
    if (continuation.isEmpty()) {
      // The task builder refuses a multiple-choice task whose target_delimiter and a choice are
      // both empty (TaskBuilder.checkContinuations), the one place continuations are made.
      throw new IllegalArgumentException("bug: a continuation must not be empty");
    }
  }
}
