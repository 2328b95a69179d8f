package kr.gukdae.eval.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's append-only record: one JSON line per finished sample, written and flushed as each
 * sample finishes, so a process killed at any moment loses at most the line being written. A torn
 * last line is ignored on resume; the sample is simply asked again.
 */
final class Journal implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final OutputStream out;

  private Journal(OutputStream out) {
    this.out = out;
  }

  static Journal openForAppend(Path file) {
    try {
      truncateTornTail(file);
      return new Journal(
          Files.newOutputStream(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open run journal " + file, e);
    }
  }

  void append(SampleRecord record) {
    // serialised outside the lock, so samples finishing together encode in parallel
    byte[] json = JSON.writeValueAsBytes(record);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    try {
      synchronized (this) {
        // one unbuffered write hands the whole line to the OS: it survives kill -9 of this process
        out.write(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to run journal", e);
    }
  }

  /**
   * Successful samples already in a journal, keyed "task\u0000docId", the last record winning. A
   * sample that only has error records is absent, so resume asks it again.
   */
  static Map<String, SampleRecord> finished(Path file) {
    Map<String, SampleRecord> done = new LinkedHashMap<>();
    forEach(
        file,
        record -> {
          if (record.ok()) {
            done.put(key(record.task(), record.docId()), record);
          }
        });
    return done;
  }

  /** Streams every complete record in file order. */
  static void forEach(Path file, Consumer<SampleRecord> consumer) {
    if (!Files.exists(file)) {
      return;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(line -> {
        if (line.isBlank()) {
          return;
        }
        SampleRecord record;
        try {
          record = JSON.readValue(line, SampleRecord.class);
        } catch (JacksonException e) {
          return; // a line torn by a crash mid-write
        }
        consumer.accept(record);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run journal " + file, e);
    }
  }

  static String key(String task, int docId) {
    return task + '\u0000' + docId;
  }

  /** Cuts a final line without its newline (a crash mid-write), so appends start clean. */
  private static void truncateTornTail(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return;
    }
    try (var channel =
        java.nio.channels.FileChannel.open(
            file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      long size = channel.size();
      var one = java.nio.ByteBuffer.allocate(1);
      long end = size;
      while (end > 0) {
        one.clear();
        channel.read(one, end - 1);
        if (one.get(0) == '\n') {
          break;
        }
        end--;
      }
      if (end < size) {
        channel.truncate(end);
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<SampleRecord> all(Path file) {
    List<SampleRecord> records = new ArrayList<>();
    forEach(file, records::add);
    return records;
  }
}
