package kr.gukdae.data.ngram;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.dataset.Datasets;
import tools.jackson.databind.JsonNode;

/**
 * Streams the documents of a training-text file without holding it in memory: {@code .txt} gives
 * one document per line, {@code .jsonl} one per record (its text field); CSV, JSON arrays and
 * Parquet go through {@link Datasets#forEach(Path, Consumer)}, also one record at a time.
 */
public final class TrainingText {

  private TrainingText() {}

  /** Whether {@link #forEachDocument(Path, String, long, long, Consumer)} can cut the file. */
  public static boolean splittable(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /**
   * The documents of the lines that start in bytes {@code [from, to)} of a .txt or .jsonl file, so
   * that the pieces {@code [0, a), [a, b), ..., [z, size)} together give exactly the documents of
   * {@link #forEachDocument(Path, String, Consumer)}, in order, whatever the cut points: a piece
   * starting inside a line leaves it to the piece its first byte lies in. Lines end at {@code \n},
   * {@code \r\n} or a lone {@code \r}, as {@link BufferedReader#readLine()} ends them; a cut only
   * ever falls after a {@code \n}, so a multi-byte character or a {@code \r\n} is never split.
   * Errors name the byte where the bad line starts (a piece does not know its line numbers).
   */
  public static void forEachDocument(
      Path file, String field, long from, long to, Consumer<String> sink) {
    boolean jsonl = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (FileChannel channel = FileChannel.open(file)) {
      long pos = Math.max(0, from);
      if (pos > 0) {
        channel.position(pos - 1);
      }
      Bytes in = new Bytes(channel);
      if (pos > 0 && in.read() != '\n') { // inside a line: it belongs to the previous piece
        for (int b = in.read(); ; b = in.read()) {
          if (b == -1) {
            return;
          }
          pos++;
          if (b == '\n') {
            break;
          }
        }
      }
      byte[] line = new byte[1 << 12];
      while (pos < to) {
        int length = 0;
        int b = in.read();
        if (b == -1) {
          return;
        }
        long start = pos;
        while (b != -1 && b != '\n') {
          if (length == line.length) {
            line = Arrays.copyOf(line, length * 2);
          }
          line[length++] = (byte) b;
          b = in.read();
        }
        pos += length + (b == '\n' ? 1 : 0);
        if (length > 0 && line[length - 1] == '\r') {
          length--; // "\r\n" ends one line, as readLine() ends it
        }
        String text = utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        // A lone \r also ends a line for readLine(): the .txt reader sees several documents here.
        for (String part :
            text.indexOf('\r') < 0 ? List.of(text) : Arrays.asList(text.split("\r", -1))) {
          if (!jsonl) {
            sink.accept(part);
          } else if (!part.isBlank()) {
            sink.accept(jsonText(file + " (line at byte " + start + ")", part, field));
          }
        }
      }
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 파일이 없습니다", file + ": file not found");
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }

  /** A file's bytes one at a time from a buffer of its own (no lock per byte). */
  private static final class Bytes {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).flip();

    Bytes(FileChannel channel) {
      this.channel = channel;
    }

    int read() throws IOException {
      if (!buffer.hasRemaining()) {
        buffer.clear();
        int n = channel.read(buffer);
        buffer.flip();
        if (n <= 0) {
          return -1;
        }
      }
      return buffer.get() & 0xFF;
    }
  }

  /** The text field of one JSONL record, or the error naming {@code where} and the field. */
  private static String jsonText(String where, String line, String field) {
    JsonNode node = DataJson.tree(where, line);
    JsonNode text = node.get(field);
    if (text == null || !text.isString()) {
      throw UserError.of(
          where + ": 텍스트 필드 '" + field + "'이(가) 없습니다. --field로 필드 이름을 지정하세요",
          where + ": no text field '" + field + "'; name the field with --field");
    }
    return text.asString();
  }

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
            sink.accept(jsonText(file + ":" + lineNo, line, field));
          }
        }
      } else {
        Datasets.forEach(file, row -> sink.accept(row.getString(field)));
      }
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 파일이 없습니다", file + ": file not found");
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }
}
