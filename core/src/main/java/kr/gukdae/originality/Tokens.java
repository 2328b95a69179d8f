package kr.gukdae.originality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tokenizer's vocabulary (Hugging Face {@code tokenizer.json} next to the weights), so that the
 * rows of an embedding or output head pair by token string when a vocabulary was extended or
 * renumbered (the most common way Korean models are derived from foreign ones). Reads {@code
 * model.vocab} as an object of token → id (BPE, WordPiece) or an array of [token, score] (Unigram),
 * and {@code added_tokens}.
 */
record Tokens(Map<Integer, String> byId, Map<String, Integer> byToken) {

  static final String FILE = "tokenizer.json";
  private static final long MAX_BYTES = 200L * 1024 * 1024;

  Tokens {
    byId = Map.copyOf(byId);
    byToken = Map.copyOf(byToken);
  }

  /** The tokenizer stored with a model's weights, if any. */
  static @Nullable Tokens near(WeightModel model) {
    Path dir =
        Files.isDirectory(model.location()) ? model.location() : model.location().getParent();
    Path file = dir == null ? null : dir.resolve(FILE);
    return file != null && Files.isRegularFile(file) ? read(file) : null;
  }

  static Tokens read(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw UserError.of(
            file + ": 200 MB보다 큽니다. tokenizer.json이 아닙니다",
            file + ": larger than 200 MB; not a tokenizer.json");
      }
      root = JsonMapper.shared().readTree(Files.readString(file));
    } catch (IOException | JacksonException e) {
      throw UserError.of(
          file + ": 읽을 수 있는 JSON이 아닙니다 (" + e.getMessage() + ")",
          file + ": not readable JSON (" + e.getMessage() + ")",
          e);
    }
    JsonNode vocab = root == null ? null : root.path("model").get("vocab");
    if (vocab == null || !(vocab.isObject() || vocab.isArray())) {
      throw UserError.of(
          file + ": model.vocab이 없습니다 (토큰→id 객체나 [token, score] 목록이어야 합니다)",
          file + ": lacks model.vocab (an object of token to id, or a list of [token, score])");
    }
    Map<Integer, String> byId = new HashMap<>();
    if (vocab.isObject()) {
      for (Map.Entry<String, JsonNode> e : vocab.properties()) {
        byId.put(
            id(file, e.getValue(), "model.vocab['" + Sanitize.text(e.getKey(), 40) + "']"),
            e.getKey());
      }
    } else {
      for (int i = 0; i < vocab.size(); i++) {
        JsonNode entry = vocab.get(i);
        if (!entry.isArray() || entry.isEmpty() || !entry.get(0).isString()) {
          throw UserError.of(
              file + ": model.vocab[" + i + "]은(는) [token, score]여야 합니다",
              file + ": model.vocab[" + i + "] must be [token, score]");
        }
        byId.put(i, entry.get(0).stringValue());
      }
    }
    for (JsonNode added : root.path("added_tokens")) {
      if (added.path("content").isString()) {
        byId.put(
            id(file, added.get("id"), "added_tokens[].id"), added.get("content").stringValue());
      }
    }
    Map<String, Integer> byToken = new HashMap<>();
    byId.forEach((id, token) -> byToken.putIfAbsent(token, id));
    return new Tokens(byId, byToken);
  }

  private static int id(Path file, @Nullable JsonNode n, String where) {
    if (n == null || !n.canConvertToInt() || n.asInt() < 0) {
      throw UserError.of(
          file + ": " + where + "은(는) 0 이상의 토큰 id여야 합니다",
          file + ": " + where + " must be a non-negative token id");
    }
    return n.asInt();
  }

  /**
   * For each candidate row, the reference row holding the same token string, or −1 (a new token, or
   * a row beyond the reference's). Null when fewer than 10% of the rows pair.
   */
  static int @Nullable [] rowMap(Tokens cand, Tokens ref, long candRows, long refRows) {
    int[] map = new int[(int) candRows];
    int paired = 0;
    boolean identity = true;
    for (int r = 0; r < map.length; r++) {
      String token = cand.byId().get(r);
      Integer to = token == null ? null : ref.byToken().get(token);
      map[r] = to != null && to < refRows ? to : -1;
      paired += map[r] >= 0 ? 1 : 0;
      identity &= map[r] == r;
    }
    return paired * 10L < candRows || (identity && candRows == refRows) ? null : map;
  }
}
