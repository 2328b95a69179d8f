package kr.gukdae.selection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;
import org.jspecify.annotations.Nullable;

/**
 * One round of a selection funnel: its panel (reviewer ids), how many reviewers read each
 * application and the most any one reviewer reads (0 = as balanced as the solver can make it),
 * criteria and weights, the least total (0-100) to pass, and the selection rule.
 */
public record Round(
    String id,
    Kind kind,
    List<String> panel,
    int reviewersPerApplication,
    int maxLoad,
    List<Criterion> criteria,
    double overallThreshold,
    Rule rule,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Grant grant) {

  /**
   * What each team the round selects is granted for the next round (the contest's "resources
   * between rounds"): GPUs of a type for a number of days, and a budget in KRW; figures sourced.
   */
  public record Grant(
      @Nullable String gpuType, int gpusPerTeam, int days, long budgetPerTeam, String source) {
    public Grant {
      if (gpusPerTeam < 0 || budgetPerTeam < 0) {
        throw UserError.of(
            "grant: gpusPerTeam과 budgetPerTeam은 0 이상이어야 합니다",
            "grant: gpusPerTeam and budgetPerTeam must be 0 or more");
      }
      if (gpusPerTeam > 0 && (gpuType == null || days < 1)) {
        throw UserError.of(
            "grant: GPU를 주려면 gpuType과 days(1 이상)를 적으세요",
            "grant: GPUs need a gpuType and days (1 or more)");
      }
      Objects.requireNonNull(source, "grant.source is required");
    }
  }

  public Round(
      String id,
      Kind kind,
      List<String> panel,
      int reviewersPerApplication,
      int maxLoad,
      List<Criterion> criteria,
      double overallThreshold,
      Rule rule) {
    this(id, kind, panel, reviewersPerApplication, maxLoad, criteria, overallThreshold, rule, null);
  }

  public enum Kind {
    DOCUMENT_SCREENING,
    WRITTEN_REVIEW,
    PRESENTATION,
    BUDGET_REVIEW
  }

  public Round {
    Ids.check(id, "id");
    Objects.requireNonNull(kind, "kind is required (" + List.of(Kind.values()) + ")");
    panel = List.copyOf(Objects.requireNonNull(panel, "panel is required (reviewer ids)"));
    if (panel.isEmpty() || new HashSet<>(panel).size() != panel.size()) {
      throw UserError.of(
          "panel에 서로 다른 심사위원 id를 하나 이상 적으세요",
          "panel must list distinct reviewer ids, at least one");
    }
    if (reviewersPerApplication < 1 || reviewersPerApplication > panel.size()) {
      throw UserError.of(
          "reviewersPerApplication은 1부터 패널 인원 "
              + panel.size()
              + "까지여야 합니다 (받은 값 "
              + reviewersPerApplication
              + ")",
          "reviewersPerApplication must be 1-"
              + panel.size()
              + " (the panel's size), got "
              + reviewersPerApplication);
    }
    if (maxLoad < 0) {
      throw UserError.of("maxLoad는 0(균등 배분) 이상이어야 합니다", "maxLoad must be 0 (balanced) or more");
    }
    criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria is required"));
    if (criteria.isEmpty()) {
      throw UserError.of(
          "criteria에 평가 기준을 하나 이상 적으세요", "criteria must list at least one criterion");
    }
    double sum = criteria.stream().mapToDouble(Criterion::weight).sum();
    if (Math.abs(sum - 100) > 1e-9) {
      throw UserError.of(
          "criteria 가중치의 합이 " + sum + "입니다. 합이 100이 되게 고치세요",
          "criteria weights sum to " + sum + "; they must sum to 100");
    }
    if (criteria.stream().map(Criterion::id).distinct().count() != criteria.size()) {
      throw UserError.of("criteria의 기준 id가 겹칩니다. 서로 다르게 적으세요", "criteria ids must be distinct");
    }
    if (overallThreshold < 0 || overallThreshold > 100) {
      throw UserError.of(
          "overallThreshold는 0~100이어야 합니다 (받은 값 " + overallThreshold + ")",
          "overallThreshold must be 0-100, got " + overallThreshold);
    }
    Objects.requireNonNull(rule, "rule is required ({quota: N} or {majority: true})");
  }

  /** The same round with one criterion's weight changed and the others scaled to keep 100. */
  public Round withWeight(String criterion, double weight) {
    Criterion c =
        criteria.stream()
            .filter(x -> x.id().equals(criterion))
            .findFirst()
            .orElseThrow(() ->
                kr.gukdae.UserError.of(
                    "what-if: '" + criterion + "'은(는) 라운드 " + id + "의 평가 기준이 아닙니다",
                    "what-if: '" + criterion + "' is not a criterion of round " + id));
    if (!(weight > 0) || weight >= 100) {
      throw kr.gukdae.UserError.of(
          "what-if: weight(가중치)는 0보다 크고 100보다 작아야 합니다",
          "what-if: weight must be above 0 and below 100");
    }
    double scale = (100 - weight) / (100 - c.weight());
    List<Criterion> changed =
        criteria.stream()
            .map(x ->
                x.id().equals(criterion)
                    ? new Criterion(x.id(), x.label(), weight, x.maxScore(), x.threshold())
                    : new Criterion(
                        x.id(), x.label(), x.weight() * scale, x.maxScore(), x.threshold()))
            .toList();
    return new Round(
        id, kind, panel, reviewersPerApplication, maxLoad, changed, overallThreshold, rule, grant);
  }
}
