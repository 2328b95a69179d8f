package kr.gukdae.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * One record of a published benchmark file, as its columns were named there. Values are the JSON
 * kinds (String, Number, Boolean, List, Map) so list columns such as MMLU-Pro's {@code options}
 * survive. {@code source} and {@code line} let every error point at the place in the file.
 */
public record Row(String source, long line, Map<String, Object> fields) {

  public Row {
    Objects.requireNonNull(source, "source");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The column's value; a missing column is an error naming the file, line and known columns. */
  public @Nullable Object get(String column) {
    Object value = fields.get(column);
    if (value == null && !fields.containsKey(column)) {
      throw UserError.of(
          where() + ": '" + column + "' 열이 없습니다. 이 행의 열은 " + fields.keySet() + "입니다",
          where() + ": no column '" + column + "'; the row has " + fields.keySet());
    }
    return value;
  }

  public String getString(String column) {
    Object value = get(column);
    return value == null ? "" : value.toString();
  }

  /** "file:line" for error messages. */
  public String where() {
    return source + ":" + line;
  }
}
