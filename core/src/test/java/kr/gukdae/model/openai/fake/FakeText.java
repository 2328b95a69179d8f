package kr.gukdae.model.openai.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * The fake's "tokenizer" and "model", simple enough for tests to work out expected numbers by hand:
 * a token is a run of whitespace followed by a run of non-whitespace; its log-prob is {@code -0.25}
 * per character; it is the top choice unless it holds an upper-case letter, in which case the top
 * choice is {@code " the"} at {@code -0.01}.
 */
final class FakeText {

  static final double PER_CHAR = -0.25;
  static final String RIVAL = " the";
  static final double RIVAL_LOGPROB = -0.01;

  private FakeText() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  static double logprob(String token) {
    return PER_CHAR * token.codePointCount(0, token.length());
  }

  static boolean isTop(String token) {
    return token.chars().noneMatch(Character::isUpperCase);
  }

  /** A deterministic answer that shows what was asked, cut by max tokens and stop strings. */
  static Answer answer(String prompt, int maxTokens, List<String> stop) {
    String flat = prompt.strip().replaceAll("\\s+", " ");
    String text = "You said: " + (flat.length() > 60 ? flat.substring(0, 60) : flat);
    String reason = "stop";
    for (String s : stop) {
      int at = s.isEmpty() ? -1 : text.indexOf(s);
      if (at >= 0) {
        text = text.substring(0, at);
      }
    }
    List<String> pieces = tokens(text);
    if (pieces.size() > maxTokens) {
      pieces = pieces.subList(0, maxTokens);
      reason = "length";
    }
    return new Answer(pieces, reason);
  }

  /**
   * A judge's verdict on what it was asked: a line that shows the question, then one {@code GRADE:}
   * line whose letter (C, P or I) follows from the whole prompt, so different answers to grade get
   * different, yet repeatable, grades.
   */
  static Answer graded(String prompt) {
    String flat = prompt.strip().replaceAll("\\s+", " ");
    String shown = flat.length() > 60 ? flat.substring(0, 60) : flat;
    char grade = "CPI".charAt(Math.floorMod(prompt.hashCode(), 3));
    return new Answer(tokens("Graded: " + shown + "\nGRADE: " + grade), "stop");
  }

  /** A generated answer as the pieces a stream would send. */
  record Answer(List<String> pieces, String finishReason) {
    String text() {
      return String.join("", pieces);
    }
  }
}
