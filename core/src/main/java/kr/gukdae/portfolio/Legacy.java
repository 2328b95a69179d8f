package kr.gukdae.portfolio;

import kr.gukdae.text.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Portfolio decisions recorded before their reasons were bilingual: each {@code reason} was an
 * English sentence. The ledger is append-only and hash-chained, so those records are not migrated;
 * they are read with the sentence as a {@link Reason} (code {@code RECORDED}, the same text in both
 * fields) and replayed in their own shape (the recomputed reasons compared as their English
 * sentence).
 */
final class Legacy {

  private Legacy() {}

  /** True when the recorded decision holds its reasons as plain sentences. */
  static boolean englishReasons(JsonNode decision) {
    return decision.path("reason").isString();
  }

  /** A copy of the recorded decision with every plain reason as a structured one. */
  static JsonNode toReasons(JsonNode recorded) {
    JsonNode decision = recorded.deepCopy();
    if (englishReasons(decision)) {
      each(
          decision,
          (o, text) -> {
            ObjectNode r = o.putObject("reason");
            r.put("code", Reason.RECORDED);
            r.put("ko", text);
            r.put("en", text);
          });
    }
    return decision;
  }

  /** Rewrites a recomputed decision's reasons into the old shape: the English sentence only. */
  static void toEnglish(JsonNode decision) {
    each(decision, (o, text) -> o.put("reason", text));
  }

  private interface Rewrite {
    void apply(ObjectNode holder, String reasonText);
  }

  private static void each(JsonNode decision, Rewrite rewrite) {
    one(decision, rewrite);
    decision.path("domains").forEach(d -> one(d, rewrite));
    decision.path("models").forEach(m -> one(m, rewrite));
  }

  private static void one(JsonNode holder, Rewrite rewrite) {
    JsonNode r = holder.path("reason");
    if (holder instanceof ObjectNode o && !r.isMissingNode() && !r.isNull()) {
      rewrite.apply(o, r.isString() ? r.asString() : r.path("en").asString());
    }
  }
}
