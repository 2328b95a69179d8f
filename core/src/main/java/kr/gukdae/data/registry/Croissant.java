package kr.gukdae.data.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Croissant (MLCommons, 1.0) JSON-LD for registry entries, with the responsible-AI vocabulary
 * ({@code rai:}). Registry facts Croissant has no term for (rights basis, term, usage scope, price,
 * government funding) travel under the {@code gukdae:} prefix so an export re-imports whole.
 */
public final class Croissant {

  static final String CONFORMS = "http://mlcommons.org/croissant/1.0";

  private Croissant() {}

  /** A dataset version as a Croissant file object. */
  public record VersionFile(String version, long bytes, long records, @Nullable String sha256) {}

  public static Map<String, Object> export(
      DatasetEntry d, String supplierName, List<VersionFile> versions) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("@language", "en");
    context.put("@vocab", "https://schema.org/");
    context.put("sc", "https://schema.org/");
    context.put("cr", "http://mlcommons.org/croissant/");
    context.put("rai", "http://mlcommons.org/croissant/RAI/");
    context.put("dct", "http://purl.org/dc/terms/");
    context.put("gukdae", "https://gukdae.kr/ns/data#");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("@context", context);
    out.put("@type", "sc:Dataset");
    out.put("@id", d.id());
    out.put("dct:conformsTo", CONFORMS);
    out.put("name", d.title());
    out.put("description", d.description() == null ? d.title() : d.description());
    out.put("license", d.licence());
    out.put(
        "creator",
        Map.of("@type", "sc:Organization", "name", supplierName, "identifier", d.supplier()));
    out.put("version", versions.isEmpty() ? "0" : versions.get(versions.size() - 1).version());
    List<Map<String, Object>> files = new ArrayList<>();
    for (VersionFile v : versions) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("@type", "cr:FileObject");
      f.put("@id", d.id() + "@" + v.version());
      f.put("name", d.id() + "@" + v.version());
      f.put("contentSize", v.bytes() + " B");
      if (v.sha256() != null) {
        f.put("sha256", v.sha256());
      }
      f.put("encodingFormat", d.delivery());
      files.add(f);
    }
    out.put("distribution", files);
    out.put("rai:dataCollection", d.provenance().source());
    out.put("rai:dataUseCases", d.usage().purpose() + " (" + d.usage().who() + ")");
    out.put(
        "rai:dataLimitations",
        (d.usage().commercial() ? "commercial use allowed" : "non-commercial use only")
            + "; licence term "
            + d.term().start()
            + " to "
            + d.term().end());
    out.put("rai:personalSensitiveInformation", "checked by gukdae data quality (see its report)");
    out.put("gukdae:modality", d.modality().name().toLowerCase(java.util.Locale.ROOT));
    out.put("gukdae:rightsBasis", d.rightsBasis());
    out.put("gukdae:usageWho", d.usage().who());
    out.put("gukdae:usagePurpose", d.usage().purpose());
    out.put("gukdae:commercial", d.usage().commercial());
    out.put("gukdae:termStart", d.term().start().toString());
    out.put("gukdae:termEnd", d.term().end().toString());
    out.put("gukdae:delivery", d.delivery());
    out.put("gukdae:priceKrw", d.priceKrw());
    out.put("gukdae:governmentFunded", d.provenance().governmentFunded());
    return out;
  }

  /**
   * Reads a Croissant file into a registry entry for {@code supplier}. Croissant has no legal title
   * or term; a file without the {@code gukdae:} fields must get them from {@code overrides} (field
   * name to value, as on the CLI), or it is refused naming what is missing.
   */
  public static DatasetEntry importFrom(
      String source, String json, String supplier, Map<String, String> overrides) {
    JsonNode root = DataJson.tree(source, json);
    if (!root.isObject()) {
      throw UserError.of(
          source + ": Croissant 파일은 JSON-LD 객체 하나여야 합니다",
          source + ": a Croissant file is one JSON-LD object");
    }
    String type = root.path("@type").asString("");
    if (!type.equals("sc:Dataset")
        && !type.equals("Dataset")
        && !type.equals("https://schema.org/Dataset")) {
      throw UserError.of(
          source + ": @type은 sc:Dataset이어야 합니다 (Croissant 파일이 맞나요?)",
          source + ": @type must be sc:Dataset (is this a Croissant file?)");
    }
    if (!root.path("@context").isObject()) {
      throw UserError.of(
          source + ": @context가 없습니다. Croissant 파일은 JSON-LD입니다",
          source + ": @context is missing; a Croissant file is JSON-LD");
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", text(root, "@id"));
    f.put("title", text(root, "name"));
    f.put("description", text(root, "description"));
    JsonNode license = root.get("license");
    f.put(
        "licence",
        license == null
            ? null
            : license.isArray() ? license.path(0).asString(null) : license.asString(null));
    for (String k :
        List.of(
            "modality",
            "rightsBasis",
            "usageWho",
            "usagePurpose",
            "commercial",
            "termStart",
            "termEnd",
            "delivery",
            "priceKrw",
            "governmentFunded")) {
      f.put(k, text(root, "gukdae:" + k));
    }
    if (f.get("usagePurpose") == null) {
      f.put("usagePurpose", text(root, "rai:dataUseCases"));
    }
    f.put("provenance", text(root, "rai:dataCollection"));
    overrides.forEach((k, v) -> {
      if (!f.containsKey(k)) {
        throw UserError.of(
            "알 수 없는 필드 '" + k + "'입니다. 쓸 수 있는 필드: " + f.keySet(),
            "unknown field '" + k + "'; known: " + f.keySet());
      }
      f.put(k, v);
    });
    return Fields.entry(source, supplier, f);
  }

  private static @Nullable String text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asString() : v.toString();
  }
}
