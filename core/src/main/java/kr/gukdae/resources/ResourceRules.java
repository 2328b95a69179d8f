package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** Resource figures of one programme version (GPUs, self-payment, data, talent), each sourced. */
public record ResourceRules(
    GpuRules gpu,
    @Nullable SelfPaymentTable selfPayment,
    @Nullable DataRules data,
    @Nullable TalentRules talent,
    Continuation.@Nullable Rules continuation) {

  /** Joint-purchase budget per year and each team's own data-building budget, in KRW. */
  public record DataRules(long jointBudget, long perTeamBudget, String source) {
    public DataRules {
      if (jointBudget < 0 || perTeamBudget < 0) {
        throw UserError.of("budgets는 0 이상(원)이어야 합니다", "budgets must be 0 or more (KRW)");
      }
      Objects.requireNonNull(source, "source is required");
    }
  }

  /** Matching cap per team and year (KRW) and the date support runs to after elimination. */
  public record TalentRules(long capPerTeamYear, LocalDate continueUntil, String source) {
    public TalentRules {
      if (capPerTeamYear < 0) {
        throw UserError.of(
            "capPerTeamYear는 0 이상(원)이어야 합니다", "capPerTeamYear must be 0 or more (KRW)");
      }
      Objects.requireNonNull(continueUntil, "continueUntil is required");
      Objects.requireNonNull(source, "source is required");
    }
  }

  public ResourceRules {
    Objects.requireNonNull(gpu, "gpu is required");
  }

  /** Every source id the figures cite (checked against the programme's sources). */
  public List<String> sourceIds() {
    List<String> out = new ArrayList<>(List.of(gpu.source()));
    if (selfPayment != null) {
      out.add(selfPayment.source());
    }
    if (data != null) {
      out.add(data.source());
    }
    if (talent != null) {
      out.add(talent.source());
    }
    if (continuation != null) {
      out.add(continuation.source());
    }
    return out;
  }
}
