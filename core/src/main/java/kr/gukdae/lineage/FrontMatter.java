package kr.gukdae.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Model-card READMEs: YAML front matter between {@code ---} lines, then the card's prose. The repo
 * id comes from the path ({@code owner/name/README.md} under the folder given, or a file named
 * {@code owner__name.md}) because a card does not name its own repo.
 */
final class FrontMatter {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private FrontMatter() {}

  static void read(Path file, Ingestor sink) throws IOException {
    RawModel m = new RawModel();
    m.reset(file.toString(), 1);
    m.id = idFor(file);
    m.lastModified = Files.getLastModifiedTime(file).toMillis();
    if (Files.size(file) > MetadataFiles.MAX_RECORD_CHARS) {
      sink.report().read++;
      sink.report().note(m.where(), m.id, Problem.TOO_LARGE, "model card over 1 MB");
      return;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    String error = parse(text, m);
    if (error != null) {
      sink.report().read++;
      sink.report().note(m.where(), m.id, Problem.MALFORMED, error);
      return;
    }
    sink.add(m);
  }

  /** Fills {@code m} from a card's text; returns why the front matter is unusable, or null. */
  static @Nullable String parse(String text, RawModel m) {
    String body = text;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 3);
      if (end < 0) {
        return "front matter opened with --- but never closed; add a closing --- line";
      }
      String yaml = text.substring(4, end + 1);
      int after = text.indexOf('\n', end + 4);
      body = after < 0 ? "" : text.substring(after + 1);
      JsonNode node;
      try {
        node = YAML.readTree(yaml);
      } catch (JacksonException e) {
        return "front matter is not valid YAML: " + Bounded.of(e.getOriginalMessage(), 160);
      }
      if (node != null && !node.isMissingNode() && !node.isNull()) {
        if (!node.isObject()) {
          return "front matter must be a YAML mapping (key: value lines)";
        }
        fields(node, m);
      }
    }
    m.cardChars = body.strip().length();
    return null;
  }

  private static void fields(JsonNode node, RawModel m) {
    JsonNode base = node.get("base_model");
    if (base != null && base.isString()) {
      m.bases.add(base.asString());
    } else if (base != null && base.isArray()) {
      for (JsonNode b : base) {
        if (b.isString()) {
          m.bases.add(b.asString());
        } else {
          HubRecordReader.fault(m, "base_model lists something that is not a repo id");
        }
      }
    } else if (base != null && !base.isNull()) {
      HubRecordReader.fault(m, "base_model should be a repo id or a list of them");
    }
    JsonNode relation = node.get("base_model_relation");
    if (relation != null && !relation.isNull()) {
      m.relationPresent = true;
      m.relationText = relation.isString() ? relation.asString() : relation.toString();
    }
    JsonNode tags = node.get("tags");
    if (tags != null && tags.isArray()) {
      for (JsonNode tag : tags) {
        if (tag.isString()) {
          HubRecordReader.tag(tag.asString(), m);
        }
      }
    }
    JsonNode library = node.get("library_name");
    if (library != null && library.isString()) {
      HubRecordReader.library(library.asString(), m);
    }
  }

  static String idFor(Path file) {
    String name = file.getFileName().toString();
    if (!name.equalsIgnoreCase("README.md")) {
      return name.substring(0, name.length() - 3).replace("__", "/");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return name;
    }
    int count = dir.getNameCount();
    return count >= 2
        ? dir.getName(count - 2) + "/" + dir.getName(count - 1)
        : String.valueOf(dir.getFileName());
  }
}
