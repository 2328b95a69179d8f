package kr.gukdae.app.stage;

import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceJson;

/** The key two records share when they are evidence for the same thing: kind and slot. */
final class StageEvidenceKeys {

  private StageEvidenceKeys() {}

  static String key(Evidence e) {
    return EvidenceJson.kind(e) + "|" + EvidenceJson.slot(e);
  }
}
