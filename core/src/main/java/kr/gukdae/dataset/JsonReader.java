package kr.gukdae.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines (one object per line) and JSON arrays of objects. */
final class JsonReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> ARRAY = new TypeReference<>() {};

  private JsonReader() {}

  static List<Row> readLines(String name, BufferedReader reader) throws IOException {
    List<Row> rows = Datasets.rows(1024);
    readLines(name, reader, rows::add);
    return rows;
  }

  /** Hands each line's row on as it is read (nothing is kept). */
  static void readLines(String name, BufferedReader reader, Consumer<Row> each) throws IOException {
    String text;
    long line = 0;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      if (text.length() > Datasets.MAX_LINE_CHARS) {
        throw UserError.of(
            name + ":" + line + ": 줄이 16 MB보다 깁니다", name + ":" + line + ": line longer than 16 MB");
      }
      Row row;
      try {
        row = new Row(name, line, JSON.readValue(text, OBJECT));
      } catch (JacksonException e) {
        throw UserError.of(
            name + ":" + line + ": JSON 객체가 아닙니다 (" + e.getOriginalMessage() + ")",
            name + ":" + line + ": not a JSON object (" + e.getOriginalMessage() + ")",
            e);
      }
      each.accept(row);
    }
  }

  static List<Row> readArray(String name, BufferedReader reader) {
    try {
      List<Map<String, Object>> objects = JSON.readValue(reader, ARRAY);
      List<Row> rows = Datasets.rows(objects.size());
      for (int i = 0; i < objects.size(); i++) {
        rows.add(new Row(name, i + 1, objects.get(i)));
      }
      return rows;
    } catch (JacksonException e) {
      throw UserError.of(
          name + ": 객체로 이루어진 JSON 배열이어야 합니다 (" + e.getOriginalMessage() + ")",
          name + ": expected a JSON array of objects (" + e.getOriginalMessage() + ")",
          e);
    }
  }
}
