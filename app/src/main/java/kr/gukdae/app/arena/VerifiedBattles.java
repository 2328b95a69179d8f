package kr.gukdae.app.arena;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.BattleFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gukdae ratings --voters VERIFIED}: the battles of an arena export ({@code GET
 * /api/arena/export}) whose {@code verified} field is true, i.e. votes from verified public
 * accounts. Only the arena's JSON and JSON Lines exports carry that field, so other files are
 * refused with the fix rather than silently read as "no verified votes".
 */
final class VerifiedBattles {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private VerifiedBattles() {}

  static List<Battle> read(Path file) {
    String name = file.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean lines = lower.endsWith(".jsonl");
    if (!lines && !lower.endsWith(".json")) {
      throw UserError.of(
          name
              + ": --voters VERIFIED에는 대결마다 'verified' 필드가 있는 아레나 JSON 내보내기"
              + " (GET /api/arena/export)가 필요합니다",
          name
              + ": --voters VERIFIED needs the arena's JSON export (GET /api/arena/export),"
              + " which has a 'verified' field per battle");
    }
    List<JsonNode> rows = new ArrayList<>();
    try {
      if (lines) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      } else {
        JSON.readTree(file.toFile()).forEach(rows::add);
      }
    } catch (IOException | JacksonException e) {
      throw UserError.of(
          name + ": JSON으로 읽을 수 없습니다 (" + e.getMessage() + ")",
          name + ": cannot read as JSON (" + e.getMessage() + ")",
          e);
    }
    List<JsonNode> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode verified = rows.get(i).get("verified");
      if (verified == null || !verified.isBoolean()) {
        throw UserError.of(
            name
                + ": 대결 "
                + (i + 1)
                + "에 불리언 'verified' 필드가 없습니다. GET /api/arena/export에서 다시 내보내거나"
                + " --voters VERIFIED를 빼세요",
            name
                + ": battle "
                + (i + 1)
                + " has no boolean 'verified' field; export the"
                + " battles again from GET /api/arena/export, or leave out --voters VERIFIED");
      }
      if (verified.asBoolean()) {
        kept.add(rows.get(i));
      }
    }
    if (kept.isEmpty()) {
      throw UserError.of(
          name + ": 이 파일에는 인증된 계정의 대결이 없습니다",
          name + ": no battles from verified accounts in this file");
    }
    byte[] bytes = JSON.writeValueAsBytes(kept);
    return BattleFiles.read(
        name.substring(0, name.length() - (lines ? 6 : 5)) + ".json",
        new ByteArrayInputStream(bytes));
  }
}
