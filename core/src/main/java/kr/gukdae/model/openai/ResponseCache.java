package kr.gukdae.model.openai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import kr.gukdae.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * Successful response bodies on disk, keyed by SHA-256 of (endpoint URL, model, request body).
 *
 * <p>Each cache instance appends to a pack file of its own, one record per answer, and keeps an
 * index in memory built by scanning the packs already there when it opens. A file per answer cost
 * five file-system calls per request, as much CPU as the request itself; an append costs one.
 * Concurrent runs sharing the folder never write the same file, and a record is checked by length
 * and CRC-32C when read, so a torn tail (a run killed mid-write) reads as a miss and the scan stops
 * there. A later record for the same key wins, which is how a bad entry is replaced.
 */
final class ResponseCache implements AutoCloseable {

  private static final int MAGIC = 0x676b6331; // "gkc1"
  private static final int KEY_BYTES = 32;
  private static final int HEADER = 4 + KEY_BYTES + 4 + 4;
  private static final String SUFFIX = ".pack";

  /** Every run adds a pack; past this many, opening merges them so open files stay few. */
  static final int MAX_PACKS = 16;

  /** Where one answer lies. */
  private record Location(FileChannel pack, long offset, int length, int crc) {}

  private final Path dir;
  private final List<FileChannel> open = new ArrayList<>();
  private final Map<String, Location> index = new ConcurrentHashMap<>();
  private @Nullable FileChannel mine;
  private long end; // of this instance's own pack, which no one else writes

  ResponseCache(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      List<Path> packs;
      try (Stream<Path> files = Files.list(dir)) {
        packs = files.filter(p -> p.toString().endsWith(SUFFIX)).sorted().toList();
      }
      for (Path pack : packs) {
        scan(pack);
      }
      if (packs.size() > MAX_PACKS) {
        compact(packs);
      }
    } catch (IOException e) {
      close();
      throw kr.gukdae.UserError.of(
          "응답 캐시 폴더 " + dir + "을(를) 열 수 없습니다 (" + e.getMessage() + ")",
          "cannot open the response cache folder " + dir + " (" + e.getMessage() + ")",
          e);
    }
  }

  /** Looking a digest up by name costs more than hashing a request; a clone costs little. */
  private static final MessageDigest SHA_256 = Sha256.digest();

  static String key(String url, String model, byte[] body) {
    try {
      MessageDigest sha = (MessageDigest) SHA_256.clone();
      sha.update(url.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body);
      return Sha256.hex(sha);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("bug: the JDK's SHA-256 can be cloned", e);
    }
  }

  /** Indexes a pack's whole records, stopping at the first one that is torn or foreign. */
  private void scan(Path file) throws IOException {
    FileChannel pack = FileChannel.open(file, StandardOpenOption.READ);
    open.add(pack);
    long size = pack.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    long at = 0;
    while (at + HEADER <= size) {
      header.clear();
      readFully(pack, header, at);
      header.flip();
      if (header.getInt() != MAGIC) {
        return;
      }
      byte[] key = new byte[KEY_BYTES];
      header.get(key);
      int length = header.getInt();
      int crc = header.getInt();
      if (length < 0 || at + HEADER + length > size) {
        return;
      }
      index.put(HexFormat.of().formatHex(key), new Location(pack, at + HEADER, length, crc));
      at += HEADER + length;
    }
  }

  byte @Nullable [] get(String key) {
    Location where = index.get(key);
    if (where == null) {
      return null;
    }
    ByteBuffer body = ByteBuffer.allocate(where.length());
    try {
      readFully(where.pack(), body, where.offset());
    } catch (IOException e) {
      return null; // an unreadable entry is a miss; the fresh answer will replace it
    }
    CRC32C crc = new CRC32C();
    crc.update(body.array());
    return (int) crc.getValue() == where.crc() ? body.array() : null;
  }

  void put(String key, byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    ByteBuffer record = ByteBuffer.allocate(HEADER + body.length);
    record.putInt(MAGIC).put(HexFormat.of().parseHex(key)).putInt(body.length);
    record.putInt((int) crc.getValue()).put(body).flip();
    try {
      synchronized (this) {
        FileChannel pack = mine();
        long offset = end;
        while (record.hasRemaining()) {
          pack.write(record, offset + record.position());
        }
        end = offset + record.limit();
        index.put(key, new Location(pack, offset + HEADER, body.length, (int) crc.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the response cache " + dir, e);
    }
  }

  /**
   * Copies every indexed answer into this instance's pack and deletes the packs read. A run still
   * appending to one of them at that moment loses those answers from the cache, never from its
   * results.
   */
  private void compact(List<Path> packs) throws IOException {
    for (Map.Entry<String, Location> entry : List.copyOf(index.entrySet())) {
      byte[] body = get(entry.getKey());
      if (body != null) {
        put(entry.getKey(), body);
      }
    }
    for (FileChannel pack : List.copyOf(open)) {
      if (pack != mine) {
        pack.close();
        open.remove(pack);
      }
    }
    for (Path pack : packs) {
      Files.deleteIfExists(pack);
    }
  }

  /** Forgets an entry that turned out bad; the fresh answer is appended after it and wins. */
  void remove(String key) {
    index.remove(key);
  }

  private FileChannel mine() throws IOException {
    if (mine == null) {
      // sorted by name = by creation time, so a newer pack's records win on the next scan
      String name = System.currentTimeMillis() + "-" + UUID.randomUUID() + SUFFIX;
      mine =
          FileChannel.open(
              dir.resolve(name),
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      open.add(mine);
    }
    return mine;
  }

  private static void readFully(FileChannel pack, ByteBuffer into, long at) throws IOException {
    while (into.hasRemaining()) {
      if (pack.read(into, at + into.position()) < 0) {
        throw new IOException("pack ends early");
      }
    }
  }

  @Override
  public synchronized void close() {
    for (FileChannel pack : open) {
      try {
        pack.close();
      } catch (IOException e) {
        // read-only or already flushed by the OS: nothing is lost by ignoring it
      }
    }
    open.clear();
    index.clear();
  }
}
