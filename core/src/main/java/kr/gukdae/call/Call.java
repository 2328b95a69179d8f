package kr.gukdae.call;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import kr.gukdae.UserError;

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
      throw UserError.of(
          "closes " + closes + "은(는) 접수 시작(opens " + opens + ")보다 뒤여야 합니다",
          "closes " + closes + " must be after opens " + opens);
    }
    if (supports == null || supports.isEmpty()) {
      throw UserError.of(
          "supports에 GPU, DATA, TALENT 중 하나 이상을 적으세요",
          "supports must list at least one of GPU, DATA, TALENT");
    }
    supports = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(supports));
    Objects.requireNonNull(eligibility, "eligibility is required");
    if (eligibility.minSupports() > supports.size()) {
      throw UserError.of(
          "eligibility.minSupports "
              + eligibility.minSupports()
              + "이(가) 공모가 제공하는 지원 "
              + supports.size()
              + "가지보다 많습니다",
          "eligibility.minSupports "
              + eligibility.minSupports()
              + " is more than the "
              + supports.size()
              + " supports the call offers");
    }
    title = title == null ? id : title;
    if (source == null || source.isBlank()) {
      throw UserError.of(
          "source에 규칙의 출처를 적으세요", "source is required: where do these rules come from?");
    }
  }
}
