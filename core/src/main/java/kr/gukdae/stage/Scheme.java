package kr.gukdae.stage;

import java.util.List;
import java.util.Optional;
import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * How evidence becomes points: components summing to the declared total, the points function, the
 * stated tie-break order, the originality gate, user-rating mapping and designation bars.
 */
public record Scheme(
    double total,
    List<Component> components,
    PointsFunction pointsFunction,
    List<String> tieBreak,
    boolean originalityGate,
    double ratingFloor,
    double ratingCeiling,
    MissingEvidence missingEvidence,
    @Nullable Double kAiModelThreshold,
    @Nullable Double kAiCompanyThreshold) {

  /** What to do when a team lacks evidence for a component. */
  public enum MissingEvidence {
    /** Refuse to decide (the default: nothing is decided on incomplete evidence). */
    ERROR,
    /** Score the component 0 for that team, and say so in the result. */
    ZERO
  }

  public Scheme {
    components = List.copyOf(components);
    tieBreak = List.copyOf(tieBreak);
  }

  /** The tie-break rule a decision under this scheme records, in Korean and English. */
  public Bilingual tieBreakText() {
    return StageTexts.tieBreakText(this);
  }

  public Optional<Component> component(String id) {
    return components.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The same scheme with one component's points changed: the what-if view. */
  public Scheme withPoints(String componentId, double points) {
    List<Component> changed =
        components.stream()
            .map(c ->
                c.id().equals(componentId)
                    ? new Component(c.id(), c.kind(), points, c.benchmarks(), c.fullAt())
                    : c)
            .toList();
    double newTotal = changed.stream().mapToDouble(Component::points).sum();
    return new Scheme(
        newTotal,
        changed,
        pointsFunction,
        tieBreak,
        originalityGate,
        ratingFloor,
        ratingCeiling,
        missingEvidence,
        kAiModelThreshold,
        kAiCompanyThreshold);
  }
}
