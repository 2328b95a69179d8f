package kr.gukdae.text;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;
import kr.gukdae.Bilingual;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reason a core record keeps in the ledger (a round line's reason, a round note, a designation's
 * lapse, an open-source finding): a stable code and the sentence in Korean and English ({@link
 * Bilingual}), so the record reads in either language and still replays.
 *
 * <p>The sentence is unwrapped in JSON: a reason is written and read as {@code {"code", "ko",
 * "en"}}, the flat shape recorded since portfolio reasons had codes, so ledger hashes and REST
 * clients see the same fields as before the sentence became a {@link Bilingual}.
 *
 * <p>Records written before reasons were bilingual hold the English sentence only. The ledger is
 * append-only and hash-chained, so they are not migrated: {@link #recorded(String)} reads such a
 * sentence back with code {@link #RECORDED} and the sentence in both fields, and a replay compares
 * its recomputation in the old shape ({@link #toEnglish(JsonNode, String)}).
 */
public record Reason(String code, @JsonUnwrapped Bilingual text) {

  /** The code of a reason recorded as an English sentence, before reasons had codes. */
  public static final String RECORDED = "RECORDED";

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }

  public Reason(String code, String ko, String en) {
    this(code, new Bilingual(ko, en));
  }

  /** A sentence recorded in English only, read back in its own words in both languages. */
  public static Reason recorded(String english) {
    return new Reason(RECORDED, english, english);
  }

  /** The sentence in one language. */
  public String in(boolean korean) {
    return text.in(korean);
  }

  /** This reason followed by "; " and another, under this reason's code. */
  public Reason then(Reason more) {
    return new Reason(code, text.joined("; ", more.text));
  }

  /** True when a recorded reason is the old shape: a plain sentence. */
  public static boolean english(JsonNode recorded) {
    return recorded.isString();
  }

  /** Reads a recorded reason in either shape; the JSON of {@code Reason} or a plain sentence. */
  public static JsonNode structured(JsonNode recorded) {
    if (!recorded.isString()) {
      return recorded;
    }
    ObjectNode r = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    r.put("code", RECORDED);
    r.put("ko", recorded.asString());
    r.put("en", recorded.asString());
    return r;
  }

  /** Rewrites {@code holder.field} (a reason's JSON) into the old shape: its English sentence. */
  public static void toEnglish(JsonNode holder, String field) {
    JsonNode r = holder.path(field);
    if (holder instanceof ObjectNode o && r.isObject()) {
      o.put(field, r.path("en").asString());
    }
  }
}
