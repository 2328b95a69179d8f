package kr.gukdae.call;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * An open call: when it opens and closes (with the zone the office published), the supports it
 * offers and its eligibility rules. {@code source} names where these figures come from.
 */
public record Call(
    String id,
    String title,
    OffsetDateTime opens,
    OffsetDateTime closes,
    Set<Support> supports,
    Eligibility eligibility,
    String source) {

  public Call {
    Ids.check(id, "id");
    Objects.requireNonNull(opens, "opens is required");
    Objects.requireNonNull(closes, "closes is required");
    if (!closes.isAfter(opens)) {
      throw new IllegalArgumentException("closes " + closes + " must be after opens " + opens);
    }
    if (supports == null || supports.isEmpty()) {
      throw new IllegalArgumentException("supports must list at least one of GPU, DATA, TALENT");
    }
    supports = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(supports));
    Objects.requireNonNull(eligibility, "eligibility is required");
    if (eligibility.minSupports() > supports.size()) {
      throw new IllegalArgumentException(
          "eligibility.minSupports "
              + eligibility.minSupports()
              + " is more than the "
              + supports.size()
              + " supports the call offers");
    }
    title = title == null ? id : title;
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source is required: where do these rules come from?");
    }
  }
}
