package kr.gukdae.resources;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.call.Support;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.stage.Team;

/**
 * The self-payment (자부담) share a consortium member pays, by open-source level × company size ×
 * support type, and the least cash part of it (the rest may be paid in kind).
 */
public record SelfPaymentTable(List<Row> rows, double minCashShare, String source) {

  public record Row(OpenLevel level, Team.Size size, Support support, double rate) {
    public Row {
      Objects.requireNonNull(level, "level is required");
      Objects.requireNonNull(size, "size is required");
      Objects.requireNonNull(support, "support is required");
      if (rate < 0 || rate > 1) {
        throw UserError.of(
            "rate는 0~1 사이의 비율이어야 합니다 (받은 값 " + rate + ")",
            "rate must be a fraction 0-1, got " + rate);
      }
    }
  }

  public SelfPaymentTable {
    rows = List.copyOf(rows);
    Set<String> keys = new HashSet<>();
    for (Row r : rows) {
      if (!keys.add(r.level() + "/" + r.size() + "/" + r.support())) {
        throw UserError.of(
            "rows: " + r.level() + " × " + r.size() + " × " + r.support() + " 행이 두 번 있습니다",
            "rows: " + r.level() + " × " + r.size() + " × " + r.support() + " appears twice");
      }
    }
    if (minCashShare < 0 || minCashShare > 1) {
      throw UserError.of("minCashShare는 0~1 사이의 비율이어야 합니다", "minCashShare must be a fraction 0-1");
    }
    Objects.requireNonNull(source, "source is required");
  }

  double rate(OpenLevel level, Team.Size size, Support support) {
    return rows.stream()
        .filter(r -> r.level() == level && r.size() == size && r.support() == support)
        .findFirst()
        .orElseThrow(() ->
            kr.gukdae.UserError.of(
                "selfPayment.rows에 "
                    + level
                    + " × "
                    + size
                    + " × "
                    + support
                    + "의 비율이 없습니다. 프로그램 파일에 그 행을 (출처와 함께) 추가하세요",
                "selfPayment.rows has no rate for "
                    + level
                    + " × "
                    + size
                    + " × "
                    + support
                    + "; add the row (with its source) to the programme file"))
        .rate();
  }
}
