package kr.gukdae.dataset;

import dev.hardwood.InputFile;
import dev.hardwood.metadata.ColumnChunk;
import dev.hardwood.metadata.RowGroup;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowGroupPredicate;
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
import java.util.function.Consumer;
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
    List<Row> out = Datasets.rows(1024);
    forEach(name, InputFile.of(ByteBuffer.wrap(bytes)), out::add);
    return out;
  }

  /**
   * Hands the rows on one at a time; the reader decodes one row group at a time, so with a file
   * ({@code InputFile.of(Path)}, memory-mapped) the heap holds a row group, not the file. What
   * {@code each} throws passes through unchanged (a caller may stop early that way).
   */
  static void forEach(String name, InputFile input, Consumer<Row> each) {
    long index = 0;
    try (ParquetFileReader file = ParquetFileReader.open(input)) {
      // One reader per row group: a reader over the whole file decodes ahead across groups and
      // needs heap in proportion to the file (measured: a 79 MB file did not fit in 96 MB).
      for (RowGroup group : file.getFileMetaData().rowGroups()) {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (ColumnChunk chunk : group.columns()) {
          start = Math.min(start, chunk.chunkStartOffset());
          end = Math.max(end, chunk.chunkStartOffset() + chunk.metaData().totalCompressedSize());
        }
        try (RowReader rows =
            file.buildRowReader().filter(RowGroupPredicate.byteRange(start, end)).build()) {
          index = rows(name, rows, index, each);
        }
      }
    } catch (IOException e) {
      throw unreadable(name, index, e);
    } catch (RuntimeException e) {
      // The reader signals corrupt input (also on open) with assorted runtime exceptions.
      if (e instanceof UserError || index > 0) {
        throw e; // ours, or the consumer's: passed through as it came
      }
      throw unreadable(name, 0, e);
    }
  }

  /** Hands on one reader's rows, numbered on from {@code index}; returns the last number. */
  private static long rows(String name, RowReader rows, long index, Consumer<Row> each) {
    while (true) {
      Row row;
      try {
        if (!rows.hasNext()) {
          return index;
        }
        rows.next();
        int fields = rows.getFieldCount();
        Map<String, Object> values = LinkedHashMap.newLinkedHashMap(fields);
        for (int i = 0; i < fields; i++) {
          values.put(rows.getFieldName(i), rows.isNull(i) ? null : plain(rows.getValue(i)));
        }
        row = new Row(name, index + 1, values);
      } catch (RuntimeException e) {
        throw unreadable(name, index + 1, e);
      }
      index++;
      each.accept(row);
    }
  }

  private static UserError unreadable(String name, long row, Exception e) {
    String where = row > 0 ? name + ": row " + row : name;
    String whereKo = row > 0 ? name + ": " + row + "번째 행" : name;
    return UserError.of(
        whereKo
            + ": 읽을 수 있는 Parquet 파일이 아닙니다 ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "). 다시 내려받거나 CSV/JSONL로 변환하세요",
        where
            + ": not a readable Parquet file ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); download it again or convert it to CSV/JSONL",
        e);
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
