package kr.gukdae.dataset;

import dev.hardwood.InputFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
      throw UserError.unreadable(file, e);
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
   * Hands the rows of a file on one at a time with bounded memory whatever its size: one record of
   * CSV, TSV, JSON Lines or a JSON array at a time, Parquet one row group at a time off a memory
   * map. Errors as {@link #read(Path)}.
   */
  public static void forEach(Path file, Consumer<Row> each) {
    String name = file.toString();
    try {
      if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        ParquetReader.forEach(name, InputFile.of(file), each);
        return;
      }
      try (InputStream in = Files.newInputStream(file)) {
        forEach(name, in, each);
      }
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 파일이 없습니다", file + ": file not found");
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }

  /**
   * Hands the rows on one at a time as the stream is read, in memory of one record (CSV, TSV, JSON
   * Lines, JSON arrays). Parquet keeps its footer at the end, so the stream is first copied to a
   * temporary file (every byte still passes through {@code in}, e.g. a caller's digest) and read
   * from there a row group at a time. Errors as {@link #read(String, InputStream)}; what {@code
   * each} throws passes through.
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
    } else if (lower.endsWith(".json")) {
      JsonReader.readArray(name, reader, each);
    } else if (lower.endsWith(".parquet")) {
      Path spool = Files.createTempFile("gukdae-", ".parquet");
      try {
        try (OutputStream out = Files.newOutputStream(spool)) {
          in.transferTo(out);
        }
        ParquetReader.forEach(name, InputFile.of(spool), each);
      } finally {
        Files.deleteIfExists(spool);
      }
    } else {
      read(name, in).forEach(each); // the unknown-format error
    }
  }

  static List<Row> rows(int expected) {
    return new ArrayList<>(Math.max(16, expected));
  }
}
