package kr.gukdae.arena;

import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;

/**
 * Style features from a battle row: our flat columns {@code style_a_length, style_a_headers,
 * style_a_list_items, style_a_bold} (and {@code _b_}), or FastChat's {@code conv_metadata} object
 * ({@code sum_assistant_a_tokens}, {@code header_count_a}, {@code list_count_a}, {@code
 * bold_count_a}, the last three being objects of counts that are summed).
 */
final class BattleStyle {

  private BattleStyle() {}

  static @Nullable StyleFeatures read(Row row, String side) {
    Map<String, Object> f = row.fields();
    String prefix = "style_" + side + "_";
    if (f.containsKey(prefix + "length")) {
      Object length = f.get(prefix + "length");
      if (length == null || length.toString().isBlank()) {
        return null;
      }
      return new StyleFeatures(
          count(row, f, prefix + "length"),
          (int) count(row, f, prefix + "headers"),
          (int) count(row, f, prefix + "list_items"),
          (int) count(row, f, prefix + "bold"));
    }
    if (f.get("conv_metadata") instanceof Map<?, ?> meta) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) meta;
      return new StyleFeatures(
          count(row, m, "sum_assistant_" + side + "_tokens"),
          (int) count(row, m, "header_count_" + side),
          (int) count(row, m, "list_count_" + side),
          (int) count(row, m, "bold_count_" + side));
    }
    return null;
  }

  private static long count(Row row, Map<String, Object> fields, String column) {
    Object v = fields.get(column);
    if (v instanceof Map<?, ?> parts) {
      long sum = 0;
      for (Object part : parts.values()) {
        sum += number(row, column, part);
      }
      return sum;
    }
    return number(row, column, v);
  }

  private static long number(Row row, String column, @Nullable Object v) {
    try {
      if (v == null) {
        throw new NumberFormatException();
      }
      long n = v instanceof Number num ? num.longValue() : Long.parseLong(v.toString().strip());
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw UserError.of(
          row.where()
              + ": "
              + column
              + "은(는) 0 이상의 정수여야 합니다 (받은 값: '"
              + BattleRow.bounded(String.valueOf(v))
              + "')",
          row.where()
              + ": "
              + column
              + " must be a whole number >= 0 (got '"
              + BattleRow.bounded(String.valueOf(v))
              + "')");
    }
  }
}
