package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The one rule that bounds GPUs by the programme's pool, for stage allocations and round grants
 * alike: on no day may the uses of a type together need more GPUs than the pool (or the pool period
 * covering that day) holds.
 */
public final class GpuPool {

  private GpuPool() {}

  /** GPUs of a type held by a team over [from, to). */
  public record Use(String team, String gpuType, int count, LocalDate from, LocalDate to) {
    public Use {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(gpuType, "gpuType");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    static Use of(Allocation a) {
      return new Use(a.team(), a.gpuType(), a.count(), a.from(), a.to());
    }
  }

  /** The first day a type's uses exceed its pool; {@code pool} null when the pool is not set. */
  public record Shortfall(String gpuType, LocalDate day, int need, GpuRules.@Nullable PoolOn pool) {
    public int held() {
      return pool == null ? 0 : pool.count();
    }

    public int missing() {
      return need - held();
    }

    public String field() {
      return pool == null ? "resources.gpu.pool." + gpuType : pool.field();
    }
  }

  /**
   * The first day (types in name order) on which {@code uses} need more GPUs than the pool holds,
   * or null when they fit. Usage and pool both change only where a use or a period starts or ends,
   * so those days are the only ones to check. A type without an exchange rate is a UserError.
   */
  public static @Nullable Shortfall first(GpuRules rules, List<Use> uses) {
    TreeSet<String> types = new TreeSet<>();
    uses.forEach(u -> types.add(u.gpuType()));
    for (String type : types) {
      rules.rate(type);
      TreeSet<LocalDate> days = new TreeSet<>();
      for (Use u : uses) {
        if (u.gpuType().equals(type)) {
          days.add(u.from());
          days.add(u.to());
        }
      }
      for (GpuRules.PoolPeriod p : rules.periods()) {
        if (p.gpuType().equals(type)) {
          days.add(p.from());
          days.add(p.to());
        }
      }
      for (LocalDate day : days) {
        int need =
            uses.stream()
                .filter(u -> u.gpuType().equals(type))
                .filter(u -> !day.isBefore(u.from()) && day.isBefore(u.to()))
                .mapToInt(Use::count)
                .sum();
        if (need == 0) {
          continue;
        }
        GpuRules.PoolOn pool = rules.poolOn(type, day);
        if (pool == null || need > pool.count()) {
          return new Shortfall(type, day, need, pool);
        }
      }
    }
    return null;
  }
}
