package kr.gukdae.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import kr.gukdae.UserError;

/**
 * Reads published benchmark files (CSV, JSONL, JSON arrays, Parquet) into {@link Row}s. Which
 * reader applies is decided by the file extension; every error names the file and line.
 */
public final class Datasets {

  /** Refuses absurd lines early: a benchmark record is never this large. */
  static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

  private Datasets() {}

  public static List<Row> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw UserError.of(
          file + ": 파일이 없습니다. 데이터 경로를 확인하거나 먼저 데이터셋을 내려받으세요",
          file + ": file not found; check the dataset path (or download the data set first)");
    } catch (IOException e) {
      throw UserError.of(
          file + ": 읽을 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot read (" + e.getMessage() + ")",
          e);
    }
  }

  /** Reads from a stream; {@code name} supplies the format (by extension) and error locations. */
  public static List<Row> read(String name, InputStream in) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      // Parquet's footer sits at the end of the file, so the reader needs all of it at once.
      return ParquetReader.read(name, in.readAllBytes());
    }
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    if (lower.endsWith(".csv")) {
      return CsvReader.read(name, reader, ',');
    }
    if (lower.endsWith(".tsv")) {
      return CsvReader.read(name, reader, '\t');
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JsonReader.readLines(name, reader);
    }
    if (lower.endsWith(".json")) {
      return JsonReader.readArray(name, reader);
    }
    throw UserError.of(
        name + ": 알 수 없는 데이터 파일 형식입니다. .csv, .tsv, .jsonl, .json 또는 .parquet을 쓰세요",
        name + ": unknown data file format; use .csv, .tsv, .jsonl, .json or .parquet");
  }

  /**
   * Hands the rows on one at a time as the stream is read: CSV, TSV and JSON Lines in memory of one
   * record; JSON arrays and Parquet (whose footer comes last) are read whole first. Errors as
   * {@link #read(String, InputStream)}.
   */
  public static void forEach(String name, InputStream in, Consumer<Row> each) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    if (lower.endsWith(".csv")) {
      CsvReader.read(name, reader, ',', each);
    } else if (lower.endsWith(".tsv")) {
      CsvReader.read(name, reader, '\t', each);
    } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      JsonReader.readLines(name, reader, each);
    } else {
      read(name, in).forEach(each);
    }
  }

  static List<Row> rows(int expected) {
    return new ArrayList<>(Math.max(16, expected));
  }
}
