package kr.gukdae.originality;

import java.util.List;
import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;

/** The evidence records a comparison produces; grouped here because they are plain values. */
public final class Findings {
  private Findings() {}

  /** How strongly a tensor or component resembles the reference's. */
  public enum Level {
    /** Same values up to storage rounding (frozen or copied). */
    COPIED,
    /** Clearly correlated but moved: a fine-tuned descendant. */
    DERIVED,
    /** Significant beyond the calibrated null, yet weak. */
    WEAK,
    UNRELATED
  }

  /** How the candidate tensor found its reference counterpart. */
  public enum MatchedBy {
    NAME,
    /** By content (probe agreement), whatever the names say: renumbered or renamed. */
    CONTENT,
    SHAPE
  }

  /**
   * Candidate block {@code candidateBlock} of a stack (e.g. {@code layers}) aligned with reference
   * block {@code referenceBlock} (−1: no reference block agrees beyond chance) by probe agreement
   * {@code similarity}.
   */
  public record BlockMatch(
      String stack, int candidateBlock, int referenceBlock, double similarity) {}

  /**
   * One matched tensor pair. {@code z} is the calibrated z-score of the Pearson correlation
   * (Fisher-transformed, scaled by sqrt(n-3), against the null of independent models) and {@code
   * log10p} the one-sided p-value's log10.
   */
  public record TensorEvidence(
      String candidateTensor,
      String referenceTensor,
      String component,
      boolean norm,
      MatchedBy matchedBy,
      DType candidateDtype,
      DType referenceDtype,
      TensorStats stats,
      double z,
      double log10p,
      Level level) {}

  /** Parameter-weighted summary of a component's tensors. */
  public record ComponentSummary(
      String component,
      int tensors,
      long parameters,
      double pearson,
      double cosine,
      double relL2,
      double identical,
      double minZ,
      Level level) {}

  /**
   * The verdict of the candidate against one reference, with its evidence: {@code share} of the
   * candidate's parameters copied or derived, the block {@code mapping}, and the non-finite and
   * extreme values seen ({@code tamper}).
   */
  public record ReferenceFinding(
      String reference,
      Verdict verdict,
      Bilingual explanation,
      long candidateParameters,
      long matchedParameters,
      double share,
      List<BlockMatch> mapping,
      TensorStats.Tamper tamper,
      List<ComponentSummary> components,
      List<TensorEvidence> tensors) {
    public ReferenceFinding {
      mapping = List.copyOf(mapping);
      components = List.copyOf(components);
      tensors = List.copyOf(tensors);
    }

    /** Share of the candidate's parameters that were compared at all. */
    public double coverage() {
      return (double) matchedParameters / Math.max(1, candidateParameters);
    }
  }

  /** The full originality report of one candidate. */
  public record Report(
      String candidate,
      Verdict verdict,
      Bilingual explanation,
      List<ReferenceFinding> findings,
      Calibration.Composition nullModels,
      TrainingLogCheck.@Nullable Result log) {
    public Report {
      findings = List.copyOf(findings);
    }
  }
}
