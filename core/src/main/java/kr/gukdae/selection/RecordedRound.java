package kr.gukdae.selection;

import kr.gukdae.text.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Round decisions recorded before their texts were bilingual: the reasons and notes (until #17) and
 * the rule (until #19) were English sentences, so a decision holds English reasons and rule,
 * bilingual reasons and an English rule, or all bilingual. They read back as {@link
 * Reason#recorded(String)} and replay in their own shape (each recomputed text compared as its
 * English sentence where the record holds a sentence).
 */
final class RecordedRound {

  private RecordedRound() {}

  /** True when the recorded result holds its reasons or notes as plain sentences. */
  private static boolean englishReasons(JsonNode result) {
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
    if (result instanceof ObjectNode o) {
      o.set("rule", Reason.structured(o.path("rule")));
    }
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

  /** Rewrites a recomputed result into the shape of the recorded one: English where it has them. */
  static void inRecordedShape(JsonNode recorded, JsonNode recomputed) {
    if (Reason.english(recorded.path("rule"))) {
      Reason.toEnglish(recomputed, "rule");
    }
    if (!englishReasons(recorded)) {
      return;
    }
    recomputed.path("lines").forEach(l -> Reason.toEnglish(l, "reason"));
    if (recomputed.path("notes") instanceof ArrayNode notes) {
      for (int i = 0; i < notes.size(); i++) {
        notes.set(i, notes.get(i).path("en").asString());
      }
    }
  }
}
