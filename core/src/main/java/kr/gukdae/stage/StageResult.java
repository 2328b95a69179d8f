package kr.gukdae.stage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * A stage decision: every team's breakdown, rank and outcome, the survivors, teams added by an
 * extra call, and the rules applied. Deterministic for the same programme and evidence, so it can
 * be recomputed from the ledger and compared byte for byte.
 */
public record StageResult(
    String programme,
    String version,
    String programmeSha256,
    boolean demo,
    int stage,
    String evaluationDate,
    List<String> referenceSet,
    String pointsFunction,
    String tieBreakRule,
    int plannedSurvivors,
    List<TeamResult> ranking,
    List<String> survivors,
    List<String> addedByExtraCall,
    List<String> notes) {

  public enum Outcome {
    CONTINUES,
    ELIMINATED_POINTS,
    ELIMINATED_GATE
  }

  /**
   * One benchmark's achievement ratio and the fraction of its points earned, with the clean-subset
   * audit of its result when there is one (left out of the JSON when absent, so decisions recorded
   * before audits existed replay byte for byte).
   */
  public record Ratio(
      String benchmark,
      double score,
      String referenceModel,
      double reference,
      double ratio,
      double fraction,
      @JsonInclude(JsonInclude.Include.NON_NULL) Evidence.@Nullable CleanSubset clean) {

    public Ratio(
        String benchmark,
        double score,
        String referenceModel,
        double reference,
        double ratio,
        double fraction) {
      this(benchmark, score, referenceModel, reference, ratio, fraction, null);
    }
  }

  public record ComponentScore(
      String id,
      ComponentKind kind,
      double points,
      double max,
      List<Ratio> ratios,
      boolean missing) {}

  public record Rating(double rating, double low, double high, int votes) {}

  public record TeamResult(
      String team,
      String name,
      double total,
      int rank,
      Outcome outcome,
      boolean gatePassed,
      String gateReason,
      List<ComponentScore> components,
      @Nullable Rating userRating,
      List<String> designations,
      List<String> reviewComments) {

    public Optional<ComponentScore> component(String id) {
      return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public double points(String id) {
      return component(id).map(ComponentScore::points).orElse(0.0);
    }

    /**
     * The gate reason as recorded, in Korean and English for display; a verdict's own reason from
     * the evidence is quoted after a label.
     */
    public Bilingual gateReasonText() {
      return StageTexts.readGateReason(gateReason);
    }
  }

  public StageResult {
    referenceSet = List.copyOf(referenceSet);
    ranking = List.copyOf(ranking);
    survivors = List.copyOf(survivors);
    addedByExtraCall = List.copyOf(addedByExtraCall);
    notes = List.copyOf(notes);
  }

  /** The tie-break rule as recorded (English), in Korean and English for display. */
  public Bilingual tieBreakText() {
    return StageTexts.readTieBreak(tieBreakRule);
  }

  /** The points function as recorded (English), in Korean and English for display. */
  public Bilingual pointsFunctionText() {
    return StageTexts.read(pointsFunction);
  }

  /** The notes as recorded (English), in Korean and English for display. */
  public List<Bilingual> notesText() {
    return notes.stream().map(StageResult::noteText).toList();
  }

  /** One recorded note (English) in Korean and English for display. */
  public static Bilingual noteText(String recorded) {
    return StageTexts.read(recorded);
  }

  public Optional<TeamResult> team(String id) {
    return ranking.stream().filter(t -> t.team().equals(id)).findFirst();
  }

  /** Mean of a component over all teams (what stage 1 published), or of totals when id is null. */
  public double average(@Nullable String componentId) {
    return ranking.stream()
        .mapToDouble(t -> componentId == null ? t.total() : t.points(componentId))
        .average()
        .orElse(0);
  }
}
