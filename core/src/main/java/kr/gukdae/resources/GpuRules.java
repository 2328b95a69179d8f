package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * GPU rules of a programme version: the reference type and each type's exchange rate into it
 * (reference GPU-hours per GPU-hour), the pool, per-stage quotas for continuing teams, and the
 * use-it-or-lose-it reclaim rule.
 *
 * @param reclaimBelowUtilisation a team whose reported utilisation stays below this fraction for a
 *     period loses the unused part of that period's allocation (0 = never reclaimed)
 * @param periods the pool per type and period (e.g. leased in years 1-2, bought in 3-4); a type
 *     with periods has no GPUs outside them, a type without any has its flat {@code pool} figure
 */
public record GpuRules(
    String referenceType,
    Map<String, Double> rates,
    Map<String, Integer> pool,
    List<Quota> quotas,
    double reclaimBelowUtilisation,
    String source,
    List<PoolPeriod> periods) {

  /** GPUs of one type the programme holds over [from, to), leased or bought. */
  public record PoolPeriod(String gpuType, LocalDate from, LocalDate to, int count, Mode mode) {
    public PoolPeriod {
      Objects.requireNonNull(gpuType, "periods: gpuType is required");
      Objects.requireNonNull(from, "periods: from is required");
      Objects.requireNonNull(to, "periods: to is required");
      if (!to.isAfter(from)) {
        throw UserError.of(
            "periods: to " + to + "은(는) from " + from + "보다 뒤여야 합니다",
            "periods: to " + to + " must be after from " + from);
      }
      if (count < 0) {
        throw UserError.of(
            "periods: count는 0 이상이어야 합니다 (받은 값 " + count + ")",
            "periods: count must be 0 or more, got " + count);
      }
      Objects.requireNonNull(mode, "periods: mode is required (LEASE or PURCHASE)");
    }
  }

  public GpuRules(
      String referenceType,
      Map<String, Double> rates,
      Map<String, Integer> pool,
      List<Quota> quotas,
      double reclaimBelowUtilisation,
      String source) {
    this(referenceType, rates, pool, quotas, reclaimBelowUtilisation, source, List.of());
  }

  /** GPUs each continuing team gets in a stage, leased or bought. */
  public record Quota(int stage, String gpuType, int perTeam, Mode mode) {
    public Quota {
      if (stage < 1 || perTeam < 1) {
        throw UserError.of("stage와 perTeam은 1 이상이어야 합니다", "stage and perTeam must be 1 or more");
      }
      Objects.requireNonNull(mode, "mode is required (LEASE or PURCHASE)");
    }
  }

  public enum Mode {
    LEASE,
    PURCHASE
  }

  public GpuRules {
    rates = new TreeMap<>(Objects.requireNonNull(rates, "rates is required"));
    pool = new TreeMap<>(pool == null ? Map.of() : pool);
    quotas = quotas == null ? List.of() : List.copyOf(quotas);
    if (rates.get(referenceType) == null || rates.get(referenceType) != 1.0) {
      throw UserError.of(
          "rates." + referenceType + "은(는) 기준 형식이므로 1.0이어야 합니다",
          "rates." + referenceType + " must be 1.0: the reference type is the unit");
    }
    rates.forEach((type, rate) -> {
      if (rate == null || !(rate > 0) || rate > 100) {
        throw UserError.of(
            "rates." + type + "은(는) 0보다 크고 100 이하여야 합니다",
            "rates." + type + " must be above 0 and at most 100");
      }
    });
    for (Quota q : quotas) {
      if (!rates.containsKey(q.gpuType())) {
        throw UserError.of(
            "quotas: stage " + q.stage() + " gpuType " + q.gpuType() + "의 환산율이 rates에 없습니다",
            "quotas: stage " + q.stage() + " gpuType " + q.gpuType() + " has no exchange rate");
      }
    }
    if (reclaimBelowUtilisation < 0 || reclaimBelowUtilisation > 1) {
      throw UserError.of(
          "reclaimBelowUtilisation은 0~1이어야 합니다", "reclaimBelowUtilisation must be 0-1");
    }
    Objects.requireNonNull(source, "source is required");
    periods = periods == null ? List.of() : List.copyOf(periods);
    for (int i = 0; i < periods.size(); i++) {
      PoolPeriod a = periods.get(i);
      if (!rates.containsKey(a.gpuType())) {
        throw UserError.of(
            "periods[" + i + "]: gpuType " + a.gpuType() + "의 환산율이 rates에 없습니다",
            "periods[" + i + "]: gpuType " + a.gpuType() + " has no exchange rate");
      }
      if (pool.containsKey(a.gpuType())) {
        throw UserError.of(
            "periods["
                + i
                + "]: "
                + a.gpuType()
                + "이(가) pool에도 있습니다. 한 형식의 풀은 pool이나 periods 중 한 곳에만 적으세요",
            "periods["
                + i
                + "]: "
                + a.gpuType()
                + " is also in pool; give a type's pool either flat or by period");
      }
      for (int j = 0; j < i; j++) {
        PoolPeriod b = periods.get(j);
        if (a.gpuType().equals(b.gpuType())
            && a.from().isBefore(b.to())
            && b.from().isBefore(a.to())) {
          throw UserError.of(
              "periods[" + i + "]이(가) periods[" + j + "]와 기간이 겹칩니다 (" + a.gpuType() + ")",
              "periods[" + i + "] overlaps periods[" + j + "] (" + a.gpuType() + ")");
        }
      }
    }
  }

  /** The pool of a type on a day, and where the figure comes from. */
  public record PoolOn(int count, String field) {}

  /** The GPUs of {@code gpuType} the programme holds on {@code day}; null when none is set. */
  public @Nullable PoolOn poolOn(String gpuType, LocalDate day) {
    boolean typed = false;
    for (int i = 0; i < periods.size(); i++) {
      PoolPeriod p = periods.get(i);
      if (p.gpuType().equals(gpuType)) {
        typed = true;
        if (!day.isBefore(p.from()) && day.isBefore(p.to())) {
          return new PoolOn(
              p.count(),
              "resources.gpu.periods["
                  + i
                  + "] ("
                  + p.from()
                  + " to "
                  + p.to()
                  + ", "
                  + p.mode()
                  + ")");
        }
      }
    }
    if (typed) {
      return new PoolOn(0, "resources.gpu.periods (no " + gpuType + " period covers " + day + ")");
    }
    Integer flat = pool.get(gpuType);
    return flat == null ? null : new PoolOn(flat, "resources.gpu.pool." + gpuType);
  }

  public double rate(String gpuType) {
    Double r = rates.get(gpuType);
    if (r == null) {
      throw kr.gukdae.UserError.of(
          "gpuType '" + gpuType + "': 프로그램에 환산 비율이 없습니다. 알려진 유형: " + rates.keySet(),
          "gpuType '"
              + gpuType
              + "' has no exchange rate in the programme; known: "
              + rates.keySet());
    }
    return r;
  }
}
