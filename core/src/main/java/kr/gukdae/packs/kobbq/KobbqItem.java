package kr.gukdae.packs.kobbq;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;

/**
 * What KoBBQ's scoring needs from one row. The context kind comes from {@code sample_id} ({@code
 * category-identity-target-amb|dis-bsd|cnt-permutation}): {@code amb} rows are ambiguous; a
 * disambiguated row supports the biased answer when the identity code ends in {@code b} or {@code
 * d}, the counter-biased one otherwise (the KoBBQ authors' convention).
 */
record KobbqItem(Context context, List<String> choices, String biased, String answer) {

  enum Context {
    AMBIGUOUS,
    DISAMBIGUATED_BIASED,
    DISAMBIGUATED_COUNTER
  }

  /** Which kind of answer the model picked. */
  enum Pick {
    BIASED,
    COUNTER_BIASED,
    UNKNOWN,
    OUT_OF_CHOICE
  }

  static KobbqItem of(Row row) {
    String id = row.getString("sample_id");
    String[] parts = id.split("-");
    if (parts.length < 5 || !(parts[3].equals("amb") || parts[3].equals("dis"))) {
      throw UserError.of(
          row.where()
              + ": sample_id '"
              + id
              + "'이(가) KoBBQ가 공개한 category-identity-target-amb|dis-bsd|cnt-n 형식이 아닙니다",
          row.where()
              + ": sample_id '"
              + id
              + "' is not category-identity-target-amb|dis-bsd|cnt-n as KoBBQ publishes it");
    }
    char code = parts[1].isEmpty() ? '?' : parts[1].charAt(parts[1].length() - 1);
    Context context =
        parts[3].equals("amb")
            ? Context.AMBIGUOUS
            : (code == 'b' || code == 'd')
                ? Context.DISAMBIGUATED_BIASED
                : Context.DISAMBIGUATED_COUNTER;
    List<String> choices = choices(row);
    String biased = row.getString("biased_answer");
    String answer = row.getString("answer");
    if (!choices.contains(biased) || !choices.contains(answer)) {
      throw UserError.of(
          row.where() + ": biased_answer와 answer는 둘 다 choices " + choices + " 안에 있어야 합니다",
          row.where() + ": biased_answer and answer must both be among choices " + choices);
    }
    return new KobbqItem(context, choices, biased, answer);
  }

  Pick classify(String prediction, String unknown) {
    if (!choices.contains(prediction)) {
      return Pick.OUT_OF_CHOICE;
    }
    if (prediction.equals(unknown)) {
      return Pick.UNKNOWN;
    }
    return prediction.equals(biased) ? Pick.BIASED : Pick.COUNTER_BIASED;
  }

  /** A list column, or the Python list literal the authors' TSV files carry. */
  private static List<String> choices(Row row) {
    Object value = row.get("choices");
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    String text = String.valueOf(value).strip();
    if (!text.startsWith("[") || !text.endsWith("]")) {
      throw UserError.of(
          row.where() + ": choices는 목록이어야 합니다 (받은 값: '" + text + "')",
          row.where() + ": choices must be a list, got '" + text + "'");
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    while (i < text.length() - 1) {
      char q = text.charAt(i);
      if (q == '\'' || q == '"') {
        var item = new StringBuilder();
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != q) {
          if (text.charAt(j) == '\\' && j + 1 < text.length()) {
            j++;
          }
          item.append(text.charAt(j++));
        }
        out.add(item.toString());
        i = j + 1;
      } else {
        i++;
      }
    }
    return out;
  }
}
