package kr.gukdae.data.ngram;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.dataset.Datasets;
import tools.jackson.databind.JsonNode;

/**
 * Streams the documents of a training-text file without holding it in memory: {@code .txt} gives
 * one document per line, {@code .jsonl} one per record (its text field); CSV and Parquet go through
 * {@link Datasets} (a shard of those fits in memory).
 */
public final class TrainingText {

  private TrainingText() {}

  public static void forEachDocument(Path file, String field, Consumer<String> sink) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".txt")) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            sink.accept(line);
          }
        }
      } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          long lineNo = 0;
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
              continue;
            }
            JsonNode node = DataJson.tree(file + ":" + lineNo, line);
            JsonNode text = node.get(field);
            if (text == null || !text.isString()) {
              throw UserError.of(
                  file + ":" + lineNo + ": 텍스트 필드 '" + field + "'이(가) 없습니다. --field로 필드 이름을 지정하세요",
                  file
                      + ":"
                      + lineNo
                      + ": no text field '"
                      + field
                      + "'; name the field with --field");
            }
            sink.accept(text.asString());
          }
        }
      } else {
        for (var row : Datasets.read(file)) {
          sink.accept(row.getString(field));
        }
      }
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 파일이 없습니다", file + ": file not found");
    } catch (IOException e) {
      throw UserError.of(
          file + ": 읽을 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot read (" + e.getMessage() + ")",
          e);
    }
  }
}
