package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;

/**
 * What the operator measured for a team's GPUs over a period: the fraction of nominal throughput
 * delivered (below 1 when GPUs ran slow) and the fraction the team actually used.
 */
public record UsageReport(
    String team,
    String gpuType,
    LocalDate from,
    LocalDate to,
    double delivered,
    double utilisation) {

  public UsageReport {
    Ids.check(team, "team");
    Objects.requireNonNull(gpuType, "gpuType is required");
    Objects.requireNonNull(from, "from is required");
    Objects.requireNonNull(to, "to is required");
    if (!to.isAfter(from)) {
      throw UserError.of("to는 from보다 뒤여야 합니다", "to must be after from");
    }
    if (delivered < 0 || delivered > 1) {
      throw UserError.of(
          "delivered는 0~1 사이의 비율이어야 합니다 (받은 값 " + delivered + ")",
          "delivered must be a fraction 0-1, got " + delivered);
    }
    if (utilisation < 0 || utilisation > 1) {
      throw UserError.of(
          "utilisation은 0~1 사이의 비율이어야 합니다 (받은 값 " + utilisation + ")",
          "utilisation must be a fraction 0-1, got " + utilisation);
    }
  }
}
