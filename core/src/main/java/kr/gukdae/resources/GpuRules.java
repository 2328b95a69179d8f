package kr.gukdae.resources;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * GPU rules of a programme version: the reference type and each type's exchange rate into it
 * (reference GPU-hours per GPU-hour), the pool, per-stage quotas for continuing teams, and the
 * use-it-or-lose-it reclaim rule.
 *
 * @param reclaimBelowUtilisation a team whose reported utilisation stays below this fraction for a
 *     period loses the unused part of that period's allocation (0 = never reclaimed)
 */
public record GpuRules(
    String referenceType,
    Map<String, Double> rates,
    Map<String, Integer> pool,
    List<Quota> quotas,
    double reclaimBelowUtilisation,
    String source) {

  /** GPUs each continuing team gets in a stage, leased or bought. */
  public record Quota(int stage, String gpuType, int perTeam, Mode mode) {
    public Quota {
      if (stage < 1 || perTeam < 1) {
        throw new IllegalArgumentException("stage and perTeam must be 1 or more");
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
      throw new IllegalArgumentException(
          "rates." + referenceType + " must be 1.0: the reference type is the unit");
    }
    rates.forEach((type, rate) -> {
      if (rate == null || !(rate > 0) || rate > 100) {
        throw new IllegalArgumentException("rates." + type + " must be above 0 and at most 100");
      }
    });
    for (Quota q : quotas) {
      if (!rates.containsKey(q.gpuType())) {
        throw new IllegalArgumentException(
            "quotas: stage " + q.stage() + " gpuType " + q.gpuType() + " has no exchange rate");
      }
    }
    if (reclaimBelowUtilisation < 0 || reclaimBelowUtilisation > 1) {
      throw new IllegalArgumentException("reclaimBelowUtilisation must be 0-1");
    }
    Objects.requireNonNull(source, "source is required");
  }

  public double rate(String gpuType) {
    Double r = rates.get(gpuType);
    if (r == null) {
      throw new kr.gukdae.UserError(
          "gpuType '"
              + gpuType
              + "' has no exchange rate in the programme; known: "
              + rates.keySet());
    }
    return r;
  }
}
