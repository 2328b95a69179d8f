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

  /**
   * Joint-purchase budget per year and each team's own data-building budget, in KRW; {@code stages}
   * adds a later stage's budget for the teams (or institutes) a recorded decision keeps.
   */
  public record DataRules(
      long jointBudget, long perTeamBudget, String source, List<DataStage> stages) {
    public DataRules {
      if (jointBudget < 0 || perTeamBudget < 0) {
        throw UserError.of("budgets는 0 이상(원)이어야 합니다", "budgets must be 0 or more (KRW)");
      }
      Objects.requireNonNull(source, "source is required");
      stages = List.copyOf(stages == null ? List.of() : stages);
      distinct(stages.stream().map(DataStage::stage).toList(), "resources.data.stages");
    }

    /** The budget stage {@code stage} gives each team kept for it, or null when none is set. */
    public @Nullable DataStage stage(int stage) {
      return stages().stream().filter(s -> s.stage() == stage).findFirst().orElse(null);
    }
  }

  /** A later stage's data budget per continuing team (KRW), with its source. */
  public record DataStage(int stage, long perTeamBudget, String source) {
    public DataStage {
      if (stage < 2 || perTeamBudget < 0) {
        throw UserError.of(
            "resources.data.stages: stage는 2 이상, perTeamBudget은 0 이상(원)이어야 합니다",
            "resources.data.stages: stage must be 2 or more and perTeamBudget 0 or more (KRW)");
      }
      Objects.requireNonNull(source, "resources.data.stages[" + stage + "]: source is required");
    }
  }

  /**
   * Matching cap per team and year (KRW) and the date support runs to after elimination; {@code
   * stages} sets a later stage's cap for the teams (or institutes) a recorded decision keeps.
   */
  public record TalentRules(
      long capPerTeamYear, LocalDate continueUntil, String source, List<TalentStage> stages) {
    public TalentRules {
      if (capPerTeamYear < 0) {
        throw UserError.of(
            "capPerTeamYear는 0 이상(원)이어야 합니다", "capPerTeamYear must be 0 or more (KRW)");
      }
      Objects.requireNonNull(continueUntil, "continueUntil is required");
      Objects.requireNonNull(source, "source is required");
      stages = List.copyOf(stages == null ? List.of() : stages);
      distinct(stages.stream().map(TalentStage::stage).toList(), "resources.talent.stages");
    }

    /** The cap stage {@code stage} gives each team kept for it, or null when none is set. */
    public @Nullable TalentStage stage(int stage) {
      return stages().stream().filter(s -> s.stage() == stage).findFirst().orElse(null);
    }
  }

  /** A later stage's talent matching cap per team and year (KRW), with its source. */
  public record TalentStage(int stage, long capPerTeamYear, String source) {
    public TalentStage {
      if (stage < 2 || capPerTeamYear < 0) {
        throw UserError.of(
            "resources.talent.stages: stage는 2 이상, capPerTeamYear는 0 이상(원)이어야 합니다",
            "resources.talent.stages: stage must be 2 or more and capPerTeamYear 0 or more (KRW)");
      }
      Objects.requireNonNull(source, "resources.talent.stages[" + stage + "]: source is required");
    }
  }

  private static void distinct(List<Integer> stages, String where) {
    if (stages.stream().distinct().count() != stages.size()) {
      throw UserError.of(
          where + ": 같은 단계가 두 번 나옵니다 " + stages + ". 단계마다 한 번만 적으세요",
          where + ": a stage appears twice " + stages + "; give each stage once");
    }
  }

  public ResourceRules {
    Objects.requireNonNull(gpu, "gpu is required");
  }

  /**
   * The data budget each team kept for {@code stage} gets on top of the call's own, or null where
   * the programme file sets none for that stage.
   */
  public @Nullable DataStage dataStage(int stage) {
    return data == null ? null : data.stage(stage);
  }

  /**
   * The talent cap per year of each team kept for {@code stage}: the stage's own figure, else the
   * programme's cap per team and year; null without talent rules.
   */
  public @Nullable TalentStage talentStage(int stage) {
    if (talent == null) {
      return null;
    }
    TalentStage own = talent.stage(stage);
    return own != null ? own : new TalentStage(stage, talent.capPerTeamYear(), talent.source());
  }

  /** Every source id the figures cite (checked against the programme's sources). */
  public List<String> sourceIds() {
    List<String> out = new ArrayList<>(List.of(gpu.source()));
    if (selfPayment != null) {
      out.add(selfPayment.source());
    }
    if (data != null) {
      out.add(data.source());
      data.stages().forEach(s -> out.add(s.source()));
    }
    if (talent != null) {
      out.add(talent.source());
      talent.stages().forEach(s -> out.add(s.source()));
    }
    if (continuation != null) {
      out.add(continuation.source());
    }
    return out;
  }
}
