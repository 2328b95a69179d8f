package kr.gukdae.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks. */
final class CsvReader {

  private CsvReader() {}

  static List<Row> read(String name, Reader reader, char separator) throws IOException {
    List<Row> rows = Datasets.rows(1024);
    read(name, reader, separator, rows::add);
    return rows;
  }

  /** Hands each record's row on as it is read (nothing is kept). */
  static void read(String name, Reader reader, char separator, Consumer<Row> each)
      throws IOException {
    var parser = new Parser(reader, separator, name);
    List<String> header = parser.nextRecord();
    if (header == null) {
      throw UserError.of(
          name + ": 빈 파일입니다. 첫 줄에 열 이름을 적은 머리글 줄이 있어야 합니다",
          name + ": empty file; expected a header line with column names");
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1)); // byte-order mark from spreadsheet exports
    }
    List<String> record;
    while (true) {
      long line = parser.line;
      record = parser.nextRecord();
      if (record == null) {
        break;
      }
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue; // blank line
      }
      if (record.size() != header.size()) {
        throw UserError.of(
            name
                + ":"
                + line
                + ": 필드가 "
                + record.size()
                + "개인데 머리글은 "
                + header.size()
                + "개입니다 ("
                + header
                + "). 따옴표 처리를 확인하세요",
            name
                + ":"
                + line
                + ": "
                + record.size()
                + " fields but the header has "
                + header.size()
                + " ("
                + header
                + "); check quoting");
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        fields.put(header.get(i), record.get(i));
      }
      each.accept(new Row(name, line, fields));
    }
  }

  private static final class Parser {
    private final Reader in;
    private final char separator;
    private final String name;
    private long line = 1;
    private int peeked = -2;

    Parser(Reader in, char separator, String name) {
      this.in = in;
      this.separator = separator;
      this.name = name;
    }

    private int read() throws IOException {
      if (peeked != -2) {
        int c = peeked;
        peeked = -2;
        return c;
      }
      return in.read();
    }

    @Nullable List<String> nextRecord() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      var field = new StringBuilder();
      boolean quoted = false;
      long startLine = line;
      while (true) {
        if (c == -1) {
          if (quoted) {
            throw UserError.of(
                name + ":" + startLine + ": 따옴표로 시작한 필드가 닫히지 않았습니다",
                name + ":" + startLine + ": unterminated quoted field");
          }
          fields.add(field.toString());
          return fields;
        }
        if (field.length() > Datasets.MAX_LINE_CHARS) {
          throw UserError.of(
              name + ":" + startLine + ": 필드가 16 MB보다 깁니다",
              name + ":" + startLine + ": field longer than 16 MB");
        }
        char ch = (char) c;
        if (quoted) {
          if (ch == '"') {
            int next = read();
            if (next == '"') {
              field.append('"');
            } else {
              quoted = false;
              c = next;
              continue;
            }
          } else {
            if (ch == '\n') {
              line++;
            }
            field.append(ch);
          }
        } else if (ch == '"' && field.isEmpty()) {
          quoted = true;
        } else if (ch == separator) {
          fields.add(field.toString());
          field.setLength(0);
        } else if (ch == '\n' || ch == '\r') {
          if (ch == '\r') {
            int next = read();
            if (next != '\n') {
              peeked = next;
            }
          }
          line++;
          fields.add(field.toString());
          return fields;
        } else {
          field.append(ch);
        }
        c = read();
      }
    }
  }
}
