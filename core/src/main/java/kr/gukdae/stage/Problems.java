package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;

/** Collects every problem in an input so the user fixes them all in one pass, not one per run. */
final class Problems {

  private final String source;
  private final List<String> items = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void add(String field, String message) {
    items.add(field + ": " + message);
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  List<String> items() {
    return List.copyOf(items);
  }

  void throwIfAny() {
    if (!items.isEmpty()) {
      List<String> korean = items.stream().map(i -> UserError.inLanguage(i, true)).toList();
      List<String> english = items.stream().map(i -> UserError.inLanguage(i, false)).toList();
      throw UserError.of(
          source + ": 문제 " + items.size() + "건: " + String.join(" | ", korean),
          source
              + ": "
              + items.size()
              + (items.size() == 1 ? " problem: " : " problems: ")
              + String.join(" | ", english));
    }
  }
}
