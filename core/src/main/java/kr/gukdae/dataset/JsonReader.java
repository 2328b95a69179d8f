package kr.gukdae.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines (one object per line) and JSON arrays of objects. */
final class JsonReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  // Reads one element of an array and leaves the parser on it (the next element is no "trailing
  // token" here, unlike after a JSON Lines record).
  private static final ObjectReader ELEMENT =
      JSON.readerFor(OBJECT).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

  static List<Row> readArray(String name, Reader reader) {
    List<Row> rows = Datasets.rows(1024);
    readArray(name, reader, rows::add);
    return rows;
  }

  /**
   * Hands each element of a top-level JSON array on as the parser reaches it, so memory holds one
   * element whatever the file's size; errors name the file, the element ("row", 1-based) and the
   * line.
   */
  static void readArray(String name, Reader reader, Consumer<Row> each) {
    long row = 0;
    long at = 1; // the element being read, for errors
    JsonParser parser = null;
    try (JsonParser p = JSON.createParser(reader)) {
      parser = p;
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw notArray(name, "the file does not start with '['", "파일이 '['로 시작하지 않습니다");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        row++;
        if (t != JsonToken.START_OBJECT) {
          long line = p.currentLocation().getLineNr();
          throw UserError.of(
              name + ": " + row + "번째 행(" + line + "번째 줄)이 JSON 객체가 아닙니다",
              name + ": row " + row + " (line " + line + ") is not a JSON object");
        }
        Map<String, Object> fields = ELEMENT.readValue(p);
        each.accept(new Row(name, row, fields));
        at = row + 1;
      }
      if (p.nextToken() != null) {
        throw notArray(name, "text after the closing ']'", "닫는 ']' 뒤에 내용이 있습니다");
      }
    } catch (JacksonException e) {
      long line = parser == null ? 0 : parser.currentLocation().getLineNr();
      throw UserError.of(
          name
              + ": "
              + at
              + "번째 행 근처("
              + line
              + "번째 줄)에서 JSON을 읽을 수 없습니다 ("
              + e.getOriginalMessage()
              + ")",
          name
              + ": cannot read JSON at row "
              + at
              + " (line "
              + line
              + "): "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static UserError notArray(String name, String why, String whyKo) {
    return UserError.of(
        name + ": 객체로 이루어진 JSON 배열이어야 합니다 (" + whyKo + ")",
        name + ": expected a JSON array of objects (" + why + ")");
  }
}
