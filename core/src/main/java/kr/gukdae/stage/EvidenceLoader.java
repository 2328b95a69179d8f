package kr.gukdae.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads evidence from a YAML or JSON file (JSON is YAML): a list of records, or a mapping with an
 * {@code evidence:} list. Each record has {@code type, team, stage} and its own fields.
 */
public final class EvidenceLoader {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private EvidenceLoader() {}

  public static List<Evidence> load(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw UserError.of(
            file + ": 증거 파일이 64 MiB보다 큽니다. 나누세요",
            file + ": evidence file is larger than 64 MiB; split it");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw UserError.of(
          "증거 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read evidence " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** The demo evidence for the demo programme's stage 1 (invented numbers, labelled demo). */
  public static List<Evidence> demo() {
    return parse(DemoFiles.read("evidence-stage1.yaml"), "demo evidence-stage1.yaml");
  }

  public static List<Evidence> parse(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw UserError.of(
          source + ": 올바른 YAML/JSON이 아닙니다 (" + e.getOriginalMessage() + ")",
          source + ": not valid YAML/JSON (" + e.getOriginalMessage() + ")",
          e);
    }
    JsonNode list = root != null && root.isObject() ? root.path("evidence") : root;
    if (list == null || !list.isArray()) {
      throw UserError.of(
          source + ": 증거 기록의 목록(또는 evidence: [...])이어야 합니다",
          source + ": expected a list of evidence records (or evidence: [...])");
    }
    Problems problems = new Problems(source);
    Nodes n = new Nodes(problems);
    List<Evidence> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Evidence e = EvidenceCodec.fromNode(list.get(i), "evidence[" + i + "]", n, problems);
      if (e != null) {
        out.add(e);
      }
    }
    problems.throwIfAny();
    return out;
  }
}
