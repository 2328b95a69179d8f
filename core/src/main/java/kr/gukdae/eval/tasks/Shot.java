package kr.gukdae.eval.tasks;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One few-shot example: its text and its answer, or no answer (lm-eval's {@code build_qa_turn} then
 * writes the text alone, with neither delimiter, and no assistant turn).
 */
record Shot(String text, @Nullable String answer) {

  Shot {
    Objects.requireNonNull(text, "text");
  }
}
