package kr.gukdae.data.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Builds an entry from named text fields (the shape imports, the CLI and forms share), so a missing
 * or malformed field gets one message naming the source and the field.
 */
public final class Fields {

  public static final Set<String> NAMES =
      Set.of(
          "id",
          "title",
          "description",
          "licence",
          "modality",
          "rightsBasis",
          "usageWho",
          "usagePurpose",
          "commercial",
          "termStart",
          "termEnd",
          "delivery",
          "priceKrw",
          "governmentFunded",
          "provenance");

  /** Fields without a default; an import that lacks them names them all at once. */
  static final List<String> REQUIRED =
      List.of(
          "id",
          "title",
          "licence",
          "rightsBasis",
          "usageWho",
          "usagePurpose",
          "commercial",
          "termStart",
          "termEnd",
          "provenance",
          "governmentFunded");

  private Fields() {}

  public static DatasetEntry entry(String source, String supplier, Map<String, String> f) {
    for (String k : f.keySet()) {
      if (!NAMES.contains(k)) {
        throw UserError.of(
            source + ": 알 수 없는 필드 '" + k + "'입니다. 쓸 수 있는 필드: " + NAMES,
            source + ": unknown field '" + k + "'; known: " + NAMES);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String k : REQUIRED) {
      if (f.get(k) == null || f.get(k).isBlank()) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw UserError.of(
          source
              + ": 다음 필드가 없습니다: "
              + String.join(", ", missing)
              + (missing.contains("rightsBasis") ? " (rightsBasis는 적법한 권원입니다)" : "")
              + ". 각 필드를 채우세요 (CLI: --set field=value)",
          source
              + ": missing "
              + String.join(", ", missing)
              + (missing.contains("rightsBasis") ? " (rightsBasis is the legal title, 적법한 권원)" : "")
              + "; give each field (CLI: --set field=value)");
    }
    try {
      return new DatasetEntry(
          required(f, "id"),
          supplier,
          required(f, "title"),
          DatasetEntry.modality(or(f.get("modality"), "text")),
          required(f, "licence"),
          required(f, "rightsBasis"),
          new DatasetEntry.Usage(
              required(f, "usageWho"),
              required(f, "usagePurpose"),
              bool(source, "commercial", f.get("commercial"))),
          new DatasetEntry.Term(
              date(source, "termStart", f.get("termStart")),
              date(source, "termEnd", f.get("termEnd"))),
          or(f.get("delivery"), "file transfer"),
          number(source, "priceKrw", or(f.get("priceKrw"), "0")),
          new DatasetEntry.Provenance(
              required(f, "provenance"),
              bool(source, "governmentFunded", f.get("governmentFunded"))),
          f.get("description"));
    } catch (UserError e) {
      if (e.getMessage().startsWith(source + ":")) {
        throw e;
      }
      String at = source + ": ";
      throw UserError.of(at + e.message(true), at + e.message(false), e);
    }
  }

  /** A field the REQUIRED check above has seen present and not blank. */
  private static String required(Map<String, String> f, String field) {
    String value = f.get(field);
    if (value == null) {
      throw new IllegalStateException(
          "bug: " + field + " passed the required-field check but is absent");
    }
    return value;
  }

  private static String or(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static boolean bool(String source, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw UserError.of(
          source + ": " + field + "이(가) 없습니다. true 또는 false를 쓰세요",
          source + ": " + field + " is missing; give true or false");
    }
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw UserError.of(
              source + ": " + field + " '" + value + "'은(는) true 또는 false여야 합니다",
              source + ": " + field + " '" + value + "' must be true or false");
    };
  }

  private static long number(String source, String field, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw UserError.of(
          source + ": " + field + " '" + value + "'은(는) 정수여야 합니다",
          source + ": " + field + " '" + value + "' must be a whole number");
    }
  }

  /** A YYYY-MM-DD date field, or an error naming the source and field. */
  public static LocalDate date(String source, String field, @Nullable String value) {
    if (value == null) {
      throw UserError.of(
          source + ": " + field + "이(가) 없습니다. YYYY-MM-DD 형식으로 쓰세요",
          source + ": " + field + " is missing; give it as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw UserError.of(
          source + ": " + field + " '" + value + "'은(는) 날짜(YYYY-MM-DD)가 아닙니다",
          source + ": " + field + " '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }
}
