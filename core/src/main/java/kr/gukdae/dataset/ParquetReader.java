package kr.gukdae.dataset;

import dev.hardwood.InputFile;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import dev.hardwood.row.PqList;
import dev.hardwood.row.PqMap;
import dev.hardwood.row.PqStruct;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Parquet files as Hugging Face publishes them (one file per split, Snappy-compressed), read with
 * the pure-Java hardwood reader. Values become the JSON kinds {@link Row} promises: lists stay
 * lists (MMLU-Pro's {@code options}), structs become maps (ARC's {@code choices}). A row's "line"
 * is its 1-based position in the file.
 */
final class ParquetReader {

  /**
   * hardwood logs at INFO whether SIMD is on; that line would land in every CLI run's output. Held
   * in a field because java.util.logging keeps loggers only weakly.
   */
  private static final java.util.logging.Logger QUIET = quiet();

  private ParquetReader() {}

  private static java.util.logging.Logger quiet() {
    var logger = java.util.logging.Logger.getLogger("dev.hardwood");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  static List<Row> read(String name, byte[] bytes) {
    try (ParquetFileReader file = ParquetFileReader.open(InputFile.of(ByteBuffer.wrap(bytes)));
        RowReader rows = file.rowReader()) {
      List<Row> out = Datasets.rows(1024);
      long index = 0;
      while (rows.hasNext()) {
        rows.next();
        index++;
        int fields = rows.getFieldCount();
        Map<String, Object> values = LinkedHashMap.newLinkedHashMap(fields);
        for (int i = 0; i < fields; i++) {
          values.put(rows.getFieldName(i), rows.isNull(i) ? null : plain(rows.getValue(i)));
        }
        out.add(new Row(name, index, values));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      // The reader signals corrupt input with assorted runtime exceptions; all mean the same here.
      if (e instanceof UserError userError) {
        throw userError;
      }
      throw UserError.of(
          name
              + ": 읽을 수 있는 Parquet 파일이 아닙니다 ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). 다시 내려받거나 CSV/JSONL로 변환하세요",
          name
              + ": not a readable Parquet file ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); download it again or convert it to CSV/JSONL",
          e);
    }
  }

  private static @Nullable Object plain(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case PqList list -> {
        List<Object> items = new ArrayList<>(list.size());
        for (Object item : list.values()) {
          items.add(plain(item));
        }
        yield items;
      }
      case PqStruct struct -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < struct.getFieldCount(); i++) {
          map.put(struct.getFieldName(i), struct.isNull(i) ? null : plain(struct.getValue(i)));
        }
        yield map;
      }
      case PqMap pqMap -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (PqMap.Entry entry : pqMap.getEntries()) {
          map.put(String.valueOf(plain(entry.getKey())), plain(entry.getValue()));
        }
        yield map;
      }
      case byte[] binary -> new String(binary, StandardCharsets.UTF_8);
      case String s -> s;
      case Number n -> n;
      case Boolean b -> b;
      default -> value.toString();
    };
  }
}
