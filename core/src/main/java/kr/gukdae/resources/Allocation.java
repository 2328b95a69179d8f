package kr.gukdae.resources;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;

/** GPUs promised to a team for a period [from, to), leased or bought. */
public record Allocation(
    String team, String gpuType, int count, LocalDate from, LocalDate to, GpuRules.Mode mode) {

  public Allocation {
    Ids.check(team, "team");
    Objects.requireNonNull(gpuType, "gpuType is required");
    if (count < 1) {
      throw UserError.of(
          "count는 1 이상이어야 합니다 (받은 값 " + count + ")", "count must be 1 or more, got " + count);
    }
    Objects.requireNonNull(from, "from is required");
    Objects.requireNonNull(to, "to is required");
    if (!to.isAfter(from)) {
      throw UserError.of(
          "to " + to + "은(는) from " + from + "보다 뒤여야 합니다",
          "to " + to + " must be after from " + from);
    }
    Objects.requireNonNull(mode, "mode is required (LEASE or PURCHASE)");
  }

  public long hours() {
    return ChronoUnit.DAYS.between(from, to) * 24L;
  }
}
