package kr.gukdae.stage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Typed reads from a YAML/JSON tree that record a named problem instead of throwing. */
final class Nodes {

  private final Problems problems;

  Nodes(Problems problems) {
    this.problems = problems;
  }

  String text(JsonNode node, String field, String path, @Nullable String fallback) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      if (fallback == null) {
        problems.add(path + "." + field, "값이 필요합니다", "is required");
        return "";
      }
      return fallback;
    }
    if (!v.isValueNode()) {
      problems.add(path + "." + field, "텍스트여야 합니다", "must be text");
      return "";
    }
    String s = v.asString().strip();
    if (s.length() > 500) {
      problems.add(path + "." + field, "500자보다 깁니다 (줄이세요)", "is longer than 500 characters");
      return s.substring(0, 500);
    }
    return s;
  }

  double number(JsonNode node, String field, String path, @Nullable Double fallback) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      if (fallback == null) {
        problems.add(path + "." + field, "값이 필요합니다 (숫자)", "is required (a number)");
        return Double.NaN;
      }
      return fallback;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      problems.add(
          path + "." + field,
          "숫자여야 합니다 (받은 값: '" + v.asString() + "')",
          "must be a number, got '" + v.asString() + "'");
      return Double.NaN;
    }
    return v.asDouble();
  }

  int integer(JsonNode node, String field, String path, @Nullable Integer fallback) {
    double d = number(node, field, path, fallback == null ? null : fallback.doubleValue());
    if (Double.isFinite(d) && d != Math.rint(d)) {
      problems.add(path + "." + field, "정수여야 합니다", "must be a whole number");
    }
    return Double.isFinite(d) ? (int) d : 0;
  }

  boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? fallback : v.asBoolean();
  }

  @Nullable LocalDate date(JsonNode node, String field, String path) {
    String s = text(node, field, path, null);
    try {
      return s.isEmpty() ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(
          path + "." + field,
          "2026-01-15 형식의 날짜여야 합니다 (받은 값: '" + s + "')",
          "must be a date like 2026-01-15, got '" + s + "'");
      return null;
    }
  }

  /**
   * {@link #choice} for a field with a default: a bad value is a problem and the default stands.
   */
  <E extends Enum<E>> E choiceOr(
      JsonNode node, String field, String path, Class<E> type, E fallback) {
    E chosen = choice(node, field, path, type, fallback);
    return chosen == null ? fallback : chosen;
  }

  <E extends Enum<E>> @Nullable E choice(
      JsonNode node, String field, String path, Class<E> type, @Nullable E fallback) {
    String s = text(node, field, path, fallback == null ? null : fallback.name());
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      if (!s.isEmpty()) {
        problems.add(
            path + "." + field,
            "'" + s + "'은(는) 허용된 값이 아닙니다; 다음 중 하나를 쓰세요: " + names,
            "'" + s + "' is not one of " + names);
      }
      return fallback;
    }
  }

  List<String> strings(JsonNode node, String field, String path) {
    JsonNode v = node.path(field);
    List<String> out = new ArrayList<>();
    if (v.isMissingNode() || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(path + "." + field, "목록이어야 합니다", "must be a list");
      return out;
    }
    v.forEach(item -> out.add(item.asString().strip()));
    return out;
  }

  List<JsonNode> list(JsonNode node, String field, String path, boolean required) {
    JsonNode v = node.path(field);
    List<JsonNode> out = new ArrayList<>();
    if (v.isMissingNode() || v.isNull()) {
      if (required) {
        problems.add(path + "." + field, "값이 필요합니다 (목록)", "is required (a list)");
      }
      return out;
    }
    if (!v.isArray()) {
      problems.add(path + "." + field, "목록이어야 합니다", "must be a list");
      return out;
    }
    v.forEach(out::add);
    return out;
  }
}
