package kr.gukdae.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical JSON: object keys sorted, no insignificant whitespace. Hashes are taken over this form
 * so that the same record always hashes the same, whoever serialised it.
 */
public final class CanonicalJson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private CanonicalJson() {}

  /** Any value Jackson can map (records, lists, maps) in canonical form. */
  public static String of(Object value) {
    return write(MAPPER.valueToTree(value));
  }

  /**
   * Re-writes a JSON text in canonical form; throws {@link IllegalArgumentException} if invalid.
   */
  public static String canonicalise(String json) {
    try {
      return write(MAPPER.readTree(json));
    } catch (JacksonException e) {
      // only JSON this code wrote is canonicalised (no file or request text reaches here)
      throw new IllegalArgumentException("bug: not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Maps a stored tree back to a value type (records included). */
  public static <T> T read(JsonNode node, Class<T> type) {
    return MAPPER.treeToValue(node, type);
  }

  public static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }

  private static String write(JsonNode node) {
    return MAPPER.writeValueAsString(sorted(node));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>(node.propertyNames());
      Collections.sort(names);
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      var out = MAPPER.createArrayNode();
      node.forEach(child -> out.add(sorted(child)));
      return out;
    }
    return node;
  }
}
