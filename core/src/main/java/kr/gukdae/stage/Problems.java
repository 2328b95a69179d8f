package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;

/**
 * Collects every problem in an input so the user fixes them all in one pass, not one per run. Each
 * problem names its field (a path in the file, the same in both languages) and says what is wrong
 * and how to fix it in Korean and English; the thrown {@link UserError} lists them in each half.
 */
final class Problems {

  private record Problem(String field, Bilingual text) {}

  private final Bilingual source;
  private final List<Problem> items = new ArrayList<>();

  /** Problems of a file or other input named by {@code source} (a path: the same in both). */
  Problems(String source) {
    this(new Bilingual(source, source));
  }

  Problems(Bilingual source) {
    this.source = source;
  }

  void add(String field, String korean, String english) {
    add(field, new Bilingual(korean, english));
  }

  void add(String field, Bilingual text) {
    items.add(new Problem(field, text));
  }

  /** A refusal from a nested reader, kept in its two languages. */
  void add(String field, UserError error) {
    add(field, error.message(true), error.message(false));
  }

  void throwIfAny() {
    if (!items.isEmpty()) {
      int n = items.size();
      throw UserError.of(
          source.ko() + ": 문제 " + n + "건: " + joined(true),
          source.en() + ": " + n + (n == 1 ? " problem: " : " problems: ") + joined(false));
    }
  }

  private String joined(boolean korean) {
    return String.join(
        " | ", items.stream().map(p -> p.field() + ": " + p.text().in(korean)).toList());
  }
}
