package kr.gukdae.data.registry;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * One registered dataset: who supplies it, under what legal title (적법한 권원), for whom and what use,
 * for how long, in what form, at what price, and where it came from. Validation lives here so the
 * CLI, REST and imports refuse the same things with the same words.
 */
public record DatasetEntry(
    String id,
    String supplier,
    String title,
    Modality modality,
    String licence,
    String rightsBasis,
    Usage usage,
    Term term,
    String delivery,
    long priceKrw,
    Provenance provenance,
    @Nullable String description) {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

  public enum Modality {
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO,
    MULTIMODAL
  }

  /** Who may use it, what for, and whether commercial use is allowed. */
  public record Usage(String who, String purpose, boolean commercial) {
    public Usage {
      require("usage.who", who);
      require("usage.purpose", purpose);
    }
  }

  /** The licence term; a grant under it ends on {@code end} (inclusive). */
  public record Term(LocalDate start, LocalDate end) {
    public Term {
      if (start == null || end == null) {
        throw UserError.of(
            "term: 시작일과 종료일이 필요합니다 (YYYY-MM-DD)",
            "term: start and end dates are required (YYYY-MM-DD)");
      }
      if (end.isBefore(start)) {
        throw UserError.of(
            "term: 종료일 " + end + "이(가) 시작일 " + start + "보다 앞섭니다",
            "term: end " + end + " is before start " + start);
      }
    }

    public boolean covers(LocalDate day) {
      return !day.isBefore(start) && !day.isAfter(end);
    }
  }

  /** Where the data came from; data built with earlier government funds is excluded. */
  public record Provenance(String source, boolean governmentFunded) {
    public Provenance {
      require("provenance.source", source);
    }
  }

  public DatasetEntry {
    if (id == null || !ID.matcher(id).matches()) {
      throw UserError.of(
          "id '" + id + "': 영문 소문자, 숫자, '.', '_', '-'로 1-80자를 쓰세요",
          "id '" + id + "': use 1-80 lower-case letters, digits, '.', '_' or '-'");
    }
    if (supplier == null || !ID.matcher(supplier).matches()) {
      throw UserError.of(
          "supplier '" + supplier + "': 등록된 공급자 id를 쓰세요",
          "supplier '" + supplier + "': give a registered supplier id");
    }
    require("title", title);
    if (modality == null) {
      throw UserError.of(
          "modality: text, image, audio, video, multimodal 중 하나를 쓰세요",
          "modality: one of text, image, audio, video, multimodal");
    }
    require("licence", licence);
    if (rightsBasis == null || rightsBasis.isBlank()) {
      throw UserError.of(
          "rightsBasis: 없습니다. 공급자가 이 데이터를 이용 허락할 수 있는 적법한 권원을 밝히세요."
              + " 예: 'own work', 'licensed from X under contract Y'",
          "rightsBasis: missing; state the legal title (적법한 권원) under which the supplier may"
              + " license this data, e.g. 'own work', 'licensed from X under contract Y'");
    }
    if (usage == null) {
      throw UserError.of(
          "usage: who, purpose, commercial이 모두 필요합니다",
          "usage: who, purpose and commercial are required");
    }
    if (term == null) {
      throw UserError.of(
          "term: 없습니다. 시작일과 종료일을 쓰세요 (YYYY-MM-DD)",
          "term: missing; give start and end dates (YYYY-MM-DD)");
    }
    require("delivery", delivery);
    if (priceKrw < 0) {
      throw UserError.of("priceKrw: 0(무료) 이상이어야 합니다", "priceKrw: must be 0 (free) or more");
    }
    if (provenance == null) {
      throw UserError.of(
          "provenance: source와 governmentFunded가 필요합니다",
          "provenance: source and governmentFunded are required");
    }
    title = bound("title", title, 300);
    licence = bound("licence", licence, 200);
    rightsBasis = bound("rightsBasis", rightsBasis, 1000);
    delivery = bound("delivery", delivery, 200);
    description = description == null ? null : bound("description", description, 5000);
  }

  public boolean free() {
    return priceKrw == 0;
  }

  /** Excluded from programme use (built with earlier government money). */
  public boolean excluded() {
    return provenance.governmentFunded();
  }

  public static Modality modality(String text) {
    try {
      return Modality.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw UserError.of(
          "modality '" + text + "': text, image, audio, video, multimodal 중 하나를 쓰세요",
          "modality '" + text + "': use text, image, audio, video or multimodal");
    }
  }

  static void require(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw UserError.of(field + ": 없습니다. 필수 항목입니다", field + ": missing; it is required");
    }
  }

  static String bound(String field, String value, int max) {
    String v = value.strip();
    if (v.length() > max) {
      throw UserError.of(
          field + ": " + max + "자보다 깁니다", field + ": longer than " + max + " characters");
    }
    return v;
  }
}
