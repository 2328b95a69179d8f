package kr.gukdae.selection;

import kr.gukdae.text.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Round decisions recorded before their reasons and notes were bilingual: each was an English
 * sentence. They read back as {@link Reason#recorded(String)} and replay in their own shape (the
 * recomputed reasons and notes compared as their English sentences).
 */
final class RecordedRound {

  private RecordedRound() {}

  /** True when the recorded result holds its reasons or notes as plain sentences. */
  static boolean english(JsonNode result) {
    for (JsonNode l : result.path("lines")) {
      if (Reason.english(l.path("reason"))) {
        return true;
      }
    }
    for (JsonNode n : result.path("notes")) {
      if (Reason.english(n)) {
        return true;
      }
    }
    return false;
  }

  /** The recorded result with every plain sentence as a structured reason. */
  static RoundResult read(JsonNode recorded) {
    JsonNode result = recorded.deepCopy();
    result
        .path("lines")
        .forEach(l -> {
          if (l instanceof ObjectNode o) {
            o.set("reason", Reason.structured(o.path("reason")));
          }
        });
    if (result.path("notes") instanceof ArrayNode notes) {
      for (int i = 0; i < notes.size(); i++) {
        notes.set(i, Reason.structured(notes.get(i)));
      }
    }
    return kr.gukdae.ledger.CanonicalJson.read(result, RoundResult.class);
  }

  /** Rewrites a recomputed result's reasons and notes into the old shape, English sentences. */
  static void toEnglish(JsonNode result) {
    result.path("lines").forEach(l -> Reason.toEnglish(l, "reason"));
    if (result.path("notes") instanceof ArrayNode notes) {
      for (int i = 0; i < notes.size(); i++) {
        notes.set(i, notes.get(i).path("en").asString());
      }
    }
  }
}
