package kr.gukdae.data.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the metadata of a Hugging Face dataset card (the YAML block at the top of its README.md):
 * {@code pretty_name}, {@code license}, {@code task_categories}. Like Croissant, a card has no
 * legal title or term, so those come from {@code overrides}.
 */
public final class DatasetCard {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private DatasetCard() {}

  public static DatasetEntry importFrom(
      String source, String readme, String id, String supplier, Map<String, String> overrides) {
    String text = readme.replace("\r\n", "\n");
    if (!text.startsWith("---\n")) {
      throw UserError.of(
          source + ": YAML 메타데이터 블록이 없습니다 (카드는 '---' 줄로 시작합니다)",
          source + ": no YAML metadata block (a card starts with a line '---')");
    }
    int end = text.indexOf("\n---", 4);
    if (end < 0) {
      throw UserError.of(
          source + ": YAML 메타데이터 블록이 '---'로 닫히지 않았습니다",
          source + ": the YAML metadata block is not closed with '---'");
    }
    JsonNode meta;
    try {
      meta = YAML.readTree(text.substring(4, end));
    } catch (JacksonException e) {
      throw UserError.of(
          source + ": 메타데이터가 올바른 YAML이 아닙니다 (" + e.getOriginalMessage() + ")",
          source + ": metadata is not valid YAML (" + e.getOriginalMessage() + ")",
          e);
    }
    if (meta == null || !meta.isObject()) {
      throw UserError.of(
          source + ": 메타데이터 블록은 YAML 매핑이어야 합니다",
          source + ": the metadata block must be a YAML mapping");
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("title", meta.path("pretty_name").asString(id));
    JsonNode license = meta.get("license");
    f.put(
        "licence",
        license == null
            ? null
            : license.isArray() ? license.path(0).asString() : license.asString());
    f.put(
        "usagePurpose",
        meta.has("task_categories") ? "training; tasks " + meta.get("task_categories") : null);
    String body = text.substring(Math.min(text.length(), end + 4)).strip();
    f.put("description", body.length() > 4000 ? body.substring(0, 4000) : body);
    f.put("provenance", "Hugging Face dataset card " + source);
    f.putAll(overrides);
    if (f.get("description").isEmpty()) {
      f.remove("description");
    }
    return Fields.entry(source, supplier, f);
  }
}
