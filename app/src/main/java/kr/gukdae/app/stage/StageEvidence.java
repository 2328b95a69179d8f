package kr.gukdae.app.stage;

import java.time.Instant;
import java.util.Objects;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceJson;
import org.jspecify.annotations.Nullable;

/**
 * One typed evidence record bound to (programme, stage, team, model), with the feature output it
 * came from ({@code sourceKind}/{@code sourceId}, details in {@code sourceJson}), when that was
 * measured, and whether it was imported from a file rather than produced by a feature here. A
 * non-null {@code stale} says why it must not count (measured before the stage window, another
 * window, a check that left out a declared reference).
 */
public record StageEvidence(
    long id,
    long programmeId,
    int stage,
    String team,
    String model,
    Evidence evidence,
    String sourceKind,
    String sourceId,
    String sourceJson,
    Instant measuredAt,
    String contentHash,
    boolean imported,
    @Nullable String stale,
    @Nullable Instant recordedAt,
    @Nullable Long supersededBy) {

  public StageEvidence {
    Objects.requireNonNull(evidence, "evidence");
    if (!evidence.team().equals(team) || evidence.stage() != stage) {
      throw new IllegalArgumentException("record is for another team or stage");
    }
  }

  /** This record marked as not counting, saying why (the rest as recorded). */
  public StageEvidence withStale(String why) {
    return new StageEvidence(
        id,
        programmeId,
        stage,
        team,
        model,
        evidence,
        sourceKind,
        sourceId,
        sourceJson,
        measuredAt,
        contentHash,
        imported,
        why,
        recordedAt,
        supersededBy);
  }

  public String kind() {
    return EvidenceJson.kind(evidence);
  }

  public String slot() {
    return EvidenceJson.slot(evidence);
  }

  /** Counts toward a decision: current and not stale. */
  public boolean counts() {
    return supersededBy == null && stale == null;
  }
}
