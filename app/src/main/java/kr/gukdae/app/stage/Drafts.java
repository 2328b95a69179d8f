package kr.gukdae.app.stage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceJson;
import org.jspecify.annotations.Nullable;

/** Builds unsaved {@link StageEvidence}: the content hash covers the record and its source. */
final class Drafts {

  private Drafts() {}

  /** The hash a stored row should carry, recomputed from its fields. */
  static String hashOf(StageEvidence row) {
    return hash(
        row.evidence(),
        row.sourceKind(),
        row.sourceId(),
        row.sourceJson(),
        row.model(),
        row.imported());
  }

  private static String hash(
      Evidence e,
      String sourceKind,
      String sourceId,
      String sourceJson,
      String model,
      boolean imported) {
    return Sha256.hex(
        String.join(
            "\n", EvidenceJson.write(e), sourceKind, sourceId, sourceJson, model, "" + imported));
  }

  static StageEvidence draft(
      long programmeId,
      String model,
      Evidence e,
      String sourceKind,
      String sourceId,
      Map<String, Object> source,
      Instant measuredAt,
      boolean imported,
      @Nullable String stale) {
    Map<String, Object> src = new LinkedHashMap<>(source);
    if (stale != null) {
      src.put("stale", stale);
    }
    String sourceJson = CanonicalJson.of(src);
    String hash = hash(e, sourceKind, sourceId, sourceJson, model, imported);
    return new StageEvidence(
        0,
        programmeId,
        e.stage(),
        e.team(),
        model,
        e,
        sourceKind,
        sourceId,
        sourceJson,
        measuredAt,
        hash,
        imported,
        stale,
        null,
        null);
  }
}
