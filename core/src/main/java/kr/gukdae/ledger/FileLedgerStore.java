package kr.gukdae.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One JSON object per line: {@code seq, timestamp, kind, payload, prev_hash, hash} and, on signed
 * entries, {@code key, signature}. The payload is kept as a JSON string so its canonical bytes
 * survive the round trip exactly. This is also the export format (docs/ledger.md).
 */
final class FileLedgerStore implements LedgerStore {

  private final Path file;

  FileLedgerStore(Path file) {
    this.file = file;
  }

  @Override
  public synchronized @Nullable LedgerEntry last() {
    List<LedgerEntry> all = all();
    return all.isEmpty() ? null : all.getLast();
  }

  /**
   * Holds an OS lock on {@code FILE.lock} (other processes wait), then writes the whole batch with
   * one write and forces it to disk. A process killed mid-write leaves a torn last line, which
   * reading reports with its line number.
   */
  @Override
  public synchronized List<LedgerEntry> appendAtomically(Function<Head, List<LedgerEntry>> build) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir == null) {
        throw UserError.of(
            "원장 파일 " + file + "은(는) 루트 디렉터리가 아니라 파일이어야 합니다",
            "ledger file " + file + " must be a file, not the root directory");
      }
      Files.createDirectories(dir);
      Path lock = dir.resolve(file.getFileName() + ".lock");
      try (FileChannel lockChannel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = lockChannel.lock()) {
        List<LedgerEntry> batch = build.apply(Head.of(all()));
        StringBuilder out = new StringBuilder();
        batch.forEach(e -> out.append(line(e)).append('\n'));
        try (FileChannel ch =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
          ch.position(completeLength(ch)); // over a torn line a killed writer left
          ch.truncate(ch.position());
          ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
          while (bytes.hasRemaining()) {
            ch.write(bytes);
          }
          ch.force(false);
        }
        return batch;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to ledger " + file, e);
    }
  }

  @Override
  public synchronized List<LedgerEntry> all() {
    return Files.exists(file) ? read(file) : List.of();
  }

  static void write(Path file, List<LedgerEntry> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(line(e)).append('\n'));
    try {
      Files.writeString(file, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw UserError.unwritable(file, e); // an export to a path the user gave
    }
  }

  /** The length up to the last newline: a last line without one was never acknowledged. */
  private static long completeLength(FileChannel ch) throws IOException {
    long size = ch.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    for (long p = size - 1; p >= 0; p--) {
      one.clear();
      ch.read(one, p);
      if (one.get(0) == '\n') {
        return p + 1;
      }
    }
    return 0;
  }

  static List<LedgerEntry> read(Path file) {
    List<String> lines;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n", -1));
    } catch (IOException e) {
      throw UserError.of(
          "원장 파일 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read ledger file " + file + ": " + e.getMessage(),
          e);
    }
    List<LedgerEntry> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = CanonicalJson.parse(lines.get(i));
        out.add(
            new LedgerEntry(
                n.required("seq").asLong(),
                Instant.parse(n.required("timestamp").asString()),
                n.required("kind").asString(),
                n.required("payload").asString(),
                n.required("prev_hash").asString(),
                n.required("hash").asString(),
                optional(n, "key"),
                optional(n, "signature")));
      } catch (UserError e) {
        String at = file + " line " + (i + 1) + ": ";
        throw UserError.of(at + e.message(true), at + e.message(false), e);
      } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
        throw UserError.of(
            file + " line " + (i + 1) + ": 원장 항목이 아닙니다 (" + e.getMessage() + ")",
            file + " line " + (i + 1) + ": not a ledger entry (" + e.getMessage() + ")",
            e);
      }
    }
    return out;
  }

  private static @Nullable String optional(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static String line(LedgerEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("timestamp", e.timestamp().toString());
    m.put("kind", e.kind());
    m.put("payload", e.payload());
    m.put("prev_hash", e.prevHash());
    m.put("hash", e.hash());
    if (e.signed()) {
      m.put("key", e.keyId());
      m.put("signature", e.signature());
    }
    return CanonicalJson.of(m);
  }
}
