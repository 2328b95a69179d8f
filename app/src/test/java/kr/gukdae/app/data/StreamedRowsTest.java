package kr.gukdae.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON arrays and Parquet files larger than the heap are read one record (one row group) at a time:
 * quality checks, the contamination index and training-data readers all go through {@link
 * Datasets#forEach(Path, java.util.function.Consumer)}. A child JVM with a 40 MB heap reads an ~80
 * MB file of each kind, and reading the same JSON file whole in the same heap fails, so the file
 * really is larger than the heap.
 */
class StreamedRowsTest {

  private static final int ROWS = 300_000;

  @TempDir Path dir;

  /** The child: counts rows and characters, or reads whole with {@code whole}. */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    if (args.length > 1 && args[1].equals("whole")) {
      System.out.println("whole " + Datasets.read(file).size());
      return;
    }
    long[] seen = new long[2];
    Datasets.forEach(
        file,
        row -> {
          seen[0]++;
          seen[1] += row.getString("text").length();
        });
    System.out.println("rows " + seen[0] + " chars " + seen[1]);
  }

  /** The first line the child prints that starts with {@code prefix}. */
  private static String run(String heap, String prefix, String... args) {
    try (ChildJvm child = ChildJvm.main(StreamedRowsTest.class).heap(heap).args(args).start()) {
      return child.awaitLine(prefix, Duration.ofMinutes(5));
    }
  }

  @Test
  void aJsonArrayLargerThanTheHeapStreams() throws Exception {
    Path file = dir.resolve("big.json");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("[\n");
      String body = "한국어 문장과 English words ".repeat(10);
      for (int i = 0; i < ROWS; i++) {
        w.write(
            (i == 0 ? "" : ",\n") + "{\"id\": " + i + ", \"text\": \"" + i + " " + body + "\"}");
      }
      w.write("\n]\n");
    }
    assertThat(Files.size(file)).isGreaterThan(80L << 20);
    long chars = 0;
    for (int i = 0; i < ROWS; i++) {
      chars += String.valueOf(i).length() + 1 + "한국어 문장과 English words ".length() * 10L;
    }
    assertThat(run("40m", "rows ", file.toString())).isEqualTo("rows " + ROWS + " chars " + chars);
    assertThat(run("40m", "Exception in thread", file.toString(), "whole"))
        .contains("OutOfMemoryError");
  }

  @Test
  void aParquetFileLargerThanTheHeapStreamsRowGroupByRowGroup() throws Exception {
    Path file = dir.resolve("big.parquet");
    try (var db = DriverManager.getConnection("jdbc:duckdb:");
        var statement = db.createStatement()) {
      // Eight hashes per row that no other row repeats: text Snappy cannot shrink, so the file is
      // as large as its rows.
      statement.execute(
          "COPY (SELECT i AS id, md5(i::VARCHAR || 'a') || md5(i::VARCHAR || 'b') || md5(i::VARCHAR || 'c') || md5(i::VARCHAR || 'd')"
              + " || md5(i::VARCHAR || 'e') || md5(i::VARCHAR || 'f') || md5(i::VARCHAR || 'g') || md5(i::VARCHAR || 'h') AS text"
              + " FROM range("
              + ROWS
              + ") t(i)) TO '"
              + file
              + "' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 10000)");
    }
    assertThat(Files.size(file)).isGreaterThan(60L << 20);
    // 64 MB: the reader's batch buffers need more than 40; one reader over the whole file (the
    // former way) ran out of memory even at 96 MB on this file.
    assertThat(run("64m", "rows ", file.toString()))
        .isEqualTo("rows " + ROWS + " chars " + ROWS * 256L);
  }

  @Test
  void aBadElementOfAJsonArrayIsNamedByFileAndRow() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "[{\"text\": \"a\"},\n {\"text\": \"b\"},\n 7,\n {\"text\": \"d\"}]");
    int[] seen = {0};
    assertThatThrownBy(() -> Datasets.forEach(file, row -> seen[0]++))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains(file + ": row 3 (line 3) is not a JSON object"));
    assertThat(seen[0]).isEqualTo(2);

    Files.writeString(file, "[{\"text\": \"a\"},\n {\"text\": \"b\"");
    assertThatThrownBy(() -> Datasets.forEach(file, row -> {}))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains(file + ": cannot read JSON at row 2"));

    Files.writeString(file, "{\"text\": \"a\"}");
    assertThatThrownBy(() -> Datasets.forEach(file, row -> {}))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("expected a JSON array of objects"));

    Path parquet = dir.resolve("cut.parquet");
    Files.write(parquet, new byte[] {'P', 'A', 'R', '1', 0, 0, 0});
    assertThatThrownBy(() -> Datasets.forEach(parquet, row -> {}))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains(parquet + ": not a readable Parquet file"));
  }
}
