package kr.gukdae.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines from bytes, parsed in parallel: the file is cut into chunks at line ends, worker
 * threads parse chunks into records, and the caller's thread ingests them strictly in file order
 * (so duplicates and the report come out the same every run). A chunk is parsed as one stream of
 * objects; only a chunk with a broken line is re-parsed line by line to pin the error to its line.
 * At most a few chunks are in flight, which bounds memory.
 */
final class JsonLines {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CHUNK_BYTES = 4 << 20;

  private JsonLines() {}

  static void read(String name, InputStream in, Ingestor sink) throws IOException {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "lineage-parse");
              t.setDaemon(true);
              return t;
            });
    ArrayDeque<Future<Chunk>> inflight = new ArrayDeque<>();
    long base = 1;
    try {
      byte[] buf = new byte[CHUNK_BYTES * 2];
      int end = 0;
      boolean eof = false;
      while (!eof) {
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
          if (end < CHUNK_BYTES && end < buf.length) {
            continue;
          }
        }
        if (eof && end == 0) {
          break;
        }
        int cut = eof ? end : lastNewline(buf, end) + 1;
        if (cut == 0) {
          // No line end in a full buffer: one line is over the limit; drop it up to its end.
          RawModel tooLarge =
              RawModel.unreadable(name, 1, Problem.TOO_LARGE, "line over " + buf.length + " bytes");
          inflight.add(CompletableFuture.completedFuture(new Chunk(List.of(tooLarge), 1)));
          end = skipLine(in, buf);
          continue;
        }
        byte[] chunk = Arrays.copyOf(buf, cut);
        inflight.add(pool.submit(() -> new Chunk(parseChunk(name, chunk, 1), lines(chunk))));
        System.arraycopy(buf, cut, buf, 0, end - cut);
        end -= cut;
        while (inflight.size() > threads * 2) {
          base = drain(inflight.poll(), sink, base);
        }
      }
      while (!inflight.isEmpty()) {
        base = drain(inflight.poll(), sink, base);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Records of a chunk with line numbers relative to it, and how many lines it had. */
  private record Chunk(List<RawModel> models, long lines) {}

  /** Ingests a chunk's records in order, making their line numbers absolute; returns the next. */
  private static long drain(Future<Chunk> future, Ingestor sink, long base) throws IOException {
    try {
      Chunk chunk = future.get();
      for (RawModel m : chunk.models()) {
        m.line += base - 1;
        sink.add(m);
      }
      return base + chunk.lines();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Fast path: the chunk as one stream of objects, one per line; else line by line. */
  static List<RawModel> parseChunk(String name, byte[] chunk, long firstLine) {
    List<RawModel> out = new ArrayList<>(chunk.length / 300 + 1);
    try (JsonParser p = JSON.createParser(chunk)) {
      long lastLine = -1;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        long line = p.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT || line == lastLine) {
          return parseLines(name, chunk, firstLine);
        }
        RawModel m = new RawModel();
        m.reset(name, firstLine + line - 1);
        HubRecordReader.read(p, m);
        lastLine = p.currentLocation().getLineNr();
        if (lastLine != line) {
          // An object spanning lines is not JSON Lines; let the slow path say where.
          return parseLines(name, chunk, firstLine);
        }
        out.add(m);
      }
      return out;
    } catch (JacksonException e) {
      return parseLines(name, chunk, firstLine);
    }
  }

  private static List<RawModel> parseLines(String name, byte[] chunk, long firstLine) {
    List<RawModel> out = new ArrayList<>();
    long line = firstLine;
    int start = 0;
    while (start < chunk.length) {
      int newline = start;
      while (newline < chunk.length && chunk[newline] != '\n') {
        newline++;
      }
      RawModel m = parseLine(name, line, chunk, start, newline);
      if (m != null) {
        out.add(m);
      }
      line++;
      start = newline + 1;
    }
    return out;
  }

  private static @Nullable RawModel parseLine(
      String name, long line, byte[] buf, int from, int to) {
    while (from < to && isSpace(buf[from])) {
      from++;
    }
    while (to > from && isSpace(buf[to - 1])) {
      to--;
    }
    if (from == to) {
      return null;
    }
    if (to - from > MetadataFiles.MAX_RECORD_CHARS) {
      return RawModel.unreadable(name, line, Problem.TOO_LARGE, "line over 1 MB");
    }
    RawModel m = new RawModel();
    m.reset(name, line);
    try (JsonParser p = JSON.createParser(buf, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return RawModel.unreadable(
            name, line, Problem.MALFORMED, "each line must be a JSON object");
      }
      HubRecordReader.read(p, m);
      if (p.nextToken() != null) {
        HubRecordReader.fault(m, "text after the JSON object on this line");
      }
    } catch (JacksonException e) {
      return RawModel.unreadable(name, line, Problem.MALFORMED, e.getOriginalMessage());
    }
    return m;
  }

  private static int lastNewline(byte[] buf, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Lines in a chunk: its newlines, plus one for a last line without one (end of file). */
  private static long lines(byte[] chunk) {
    long lines = 0;
    for (byte b : chunk) {
      if (b == '\n') {
        lines++;
      }
    }
    return chunk.length > 0 && chunk[chunk.length - 1] != '\n' ? lines + 1 : lines;
  }

  /** Reads past the rest of an over-long line; returns how many bytes after it are in buf. */
  private static int skipLine(InputStream in, byte[] buf) throws IOException {
    while (true) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        return 0;
      }
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          System.arraycopy(buf, i + 1, buf, 0, n - i - 1);
          return n - i - 1;
        }
      }
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }
}
