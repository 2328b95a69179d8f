package kr.gukdae.eval.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads lm-evaluation-harness task YAML as written: {@code include} files merged under the
 * including one (its keys win, as in lm-eval), and {@code !function module.name} tags kept as
 * markers so that using one fails with a message naming the Python function, rather than being
 * silently read as text.
 */
final class LmEvalYaml {

  static final String FUNCTION_MARK = "\u0000function:";
  // Quoted or not: "!function 'utils.x'" is the same tag, and must not pass as the text 'utils.x'
  private static final Pattern FUNCTION_TAG =
      Pattern.compile("!function\\s+(['\"]?)([A-Za-z0-9_.]+)\\1");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final int MAX_INCLUDE_DEPTH = 8;

  private LmEvalYaml() {}

  /** lm-eval's own keys, and none of gukdae's {@code dataset:} block. */
  static boolean isLmEval(JsonNode node) {
    return node.isObject()
        && !node.has("dataset")
        && (node.has("dataset_path") || node.has("include") || isGroup(node));
  }

  /** A group file: {@code group: name} with a {@code task:} list. */
  static boolean isGroup(JsonNode node) {
    return node.isObject() && node.has("group") && node.path("task").isArray();
  }

  /** The file with its includes merged, includes first. */
  static ObjectNode read(Path file) {
    return read(file.toAbsolutePath().normalize(), new HashSet<>(), 0);
  }

  private static ObjectNode read(Path file, Set<Path> seen, int depth) {
    if (depth > MAX_INCLUDE_DEPTH || !seen.add(file)) {
      throw UserError.of(
          file + ": include 사슬이 순환하거나 " + MAX_INCLUDE_DEPTH + "단계보다 깊습니다",
          file + ": include chain loops or is deeper than " + MAX_INCLUDE_DEPTH);
    }
    ObjectNode own = parse(file);
    JsonNode include = own.remove("include");
    ObjectNode merged = YAML.createObjectNode();
    if (include != null) {
      List<String> names = new ArrayList<>();
      if (include.isArray()) {
        include.forEach(n -> names.add(n.asString()));
      } else {
        names.add(include.asString());
      }
      for (String name : names) {
        Path base = file.resolveSibling(name).normalize();
        if (!Files.isRegularFile(base)) {
          throw UserError.of(
              file + ": include '" + name + "'을(를) 같은 폴더에서 찾을 수 없습니다 (" + base + ")",
              file + ": include '" + name + "' not found next to it (" + base + ")");
        }
        merged.setAll(read(base, seen, depth + 1));
      }
    }
    merged.setAll(own);
    seen.remove(file);
    return merged;
  }

  private static ObjectNode parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
    // Keep "!function utils.x" as a marked string; YAML parsers drop unknown tags otherwise.
    // The mark carries this file's path: lm-eval looks for the module next to the file that
    // wrote the tag, which may be an included one.
    Matcher m = FUNCTION_TAG.matcher(text);
    String source = file.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    String marked =
        m.replaceAll(
            r -> Matcher.quoteReplacement("\"\\0function:" + r.group(2) + "@" + source + "\""));
    JsonNode node;
    try {
      node = YAML.readTree(marked);
    } catch (RuntimeException e) {
      throw UserError.of(
          file + ": 올바른 YAML이 아닙니다 (" + e.getMessage() + ")",
          file + ": not valid YAML (" + e.getMessage() + ")",
          e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw UserError.of(
          file + ": lm-eval 태스크 키로 이루어진 YAML 매핑이어야 합니다",
          file + ": expected a YAML mapping of lm-eval task keys");
    }
    return object;
  }

  /** The Python function a value stands for, or null when it is plain data. */
  static @Nullable HelperRef function(@Nullable JsonNode value) {
    return value != null && value.isString() ? helperOf(value.asString()) : null;
  }

  /** The same for a value already read into a task definition. */
  static @Nullable HelperRef helperOf(@Nullable Object value) {
    if (value instanceof String text && text.startsWith(FUNCTION_MARK)) {
      String rest = text.substring(FUNCTION_MARK.length());
      int at = rest.indexOf('@');
      return new HelperRef(Path.of(rest.substring(at + 1)), rest.substring(0, at));
    }
    return null;
  }
}
