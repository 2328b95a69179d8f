package kr.gukdae.model.openai.fake;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The misbehaviour a request asks for through its model name: {@code fake} (or {@code fake-LABEL},
 * to count a client's requests apart) behaves, {@code fake:429x2:slow50} answers 429 (with
 * Retry-After: 0) to each distinct request twice and then answers after 50 ms. Carrying faults in
 * the model name keeps tests that share one server apart. {@code grade} is no fault but a role: the
 * fake plays a grading judge (see {@link FakeText#graded}).
 */
record Faults(
    int rateLimited,
    int serverErrors,
    int slowMillis,
    boolean malformed,
    boolean noLogprobs,
    boolean noEcho,
    boolean noZeroTokens,
    boolean huge,
    boolean grade) {

  static final String HELP =
      "options after 'fake', each after a ':': 429xN, 500xN, slowMS, malformed, nologprobs,"
          + " noecho, nozero, huge, grade";

  /** Parses the options; returns null for a model this server does not know. */
  static @Nullable Faults parse(String model) {
    List<String> parts = new ArrayList<>(List.of(model.split(":", -1)));
    String base = parts.remove(0);
    if (!base.equals("fake") && !base.matches("fake-[A-Za-z0-9_.-]{1,40}")) {
      return null;
    }
    int rateLimited = 0;
    int serverErrors = 0;
    int slow = 0;
    boolean malformed = false;
    boolean noLogprobs = false;
    boolean noEcho = false;
    boolean noZero = false;
    boolean huge = false;
    boolean grade = false;
    for (String p : parts) {
      if (p.matches("429x\\d{1,3}")) {
        rateLimited = Integer.parseInt(p.substring(4));
      } else if (p.matches("500x\\d{1,3}")) {
        serverErrors = Integer.parseInt(p.substring(4));
      } else if (p.matches("slow\\d{1,6}")) {
        slow = Integer.parseInt(p.substring(4));
      } else {
        switch (p) {
          case "malformed" -> malformed = true;
          case "nologprobs" -> noLogprobs = true;
          case "noecho" -> noEcho = true;
          case "nozero" -> noZero = true;
          case "huge" -> huge = true;
          case "grade" -> grade = true;
          default -> throw new IllegalArgumentException("unknown fake option '" + p + "'; " + HELP);
        }
      }
    }
    return new Faults(
        rateLimited, serverErrors, slow, malformed, noLogprobs, noEcho, noZero, huge, grade);
  }
}
