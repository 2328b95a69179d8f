package kr.gukdae.arena;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.dataset.Row;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads battle files: FastChat {@code clean_battle} records (JSON array, JSONL or CSV with {@code
 * model_a, model_b, winner} and optional {@code tstamp, judge, language, category, weight}, style
 * columns or {@code conv_metadata}) and the llmfao CSV shape ({@code left, right, winner} ∈
 * left/right/tie). Every error names the file and line; nothing is returned from a file with any
 * bad row.
 */
public final class BattleFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BattleFiles() {}

  public static List<Battle> read(Path file) {
    return parse(file.toString(), Datasets.read(file));
  }

  /** {@code name} gives the format by its extension (.json, .jsonl, .csv) and error locations. */
  public static List<Battle> read(String name, InputStream in) {
    try {
      return parse(name, Datasets.read(name, in));
    } catch (IOException e) {
      throw UserError.unreadable(name, e);
    }
  }

  static List<Battle> parse(String name, List<Row> rows) {
    if (rows.isEmpty()) {
      throw UserError.of(
          name + ": 대결이 없습니다. model_a, model_b, winner가 있는 행이 필요합니다",
          name + ": no battles; expected rows with model_a, model_b, winner");
    }
    var shape = BattleRow.Shape.detect(name, rows.get(0));
    List<Battle> battles = new ArrayList<>(rows.size());
    for (Row row : rows) {
      battles.add(BattleRow.parse(row, shape));
    }
    return battles;
  }

  /** Writes FastChat-shaped JSON Lines (style columns included when a battle has them). */
  public static void writeJsonl(List<Battle> battles, Writer out) {
    try {
      for (Battle b : battles) {
        out.write(JSON.writeValueAsString(record(b)));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> record(Battle b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_a", b.modelA());
    m.put("model_b", b.modelB());
    m.put("winner", b.outcome().wireName());
    m.put("tstamp", b.timestamp().toEpochMilli() / 1000.0);
    m.put("judge", b.judge());
    m.put("language", b.language());
    m.put("category", b.category());
    if (b.weight() != 1.0) {
      m.put("weight", b.weight());
    }
    if (b.hasStyle()) {
      BattleRow.putStyle(m, "a", b.styleA());
      BattleRow.putStyle(m, "b", b.styleB());
    }
    return m;
  }
}
