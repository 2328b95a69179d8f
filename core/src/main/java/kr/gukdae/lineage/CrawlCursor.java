package kr.gukdae.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a Hub crawl stands, saved after every page: per listing query, the newest lastModified
 * already seen (so the next crawl stops there: incremental) and, for a query cut off mid-way, the
 * next page's URL (so the next crawl resumes there).
 */
final class CrawlCursor {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The file's shape. */
  record State(Map<String, Long> highWater, Map<String, Pending> pending) {}

  record Pending(String next, long newest) {}

  final Map<String, Long> highWater;
  final Map<String, Pending> pending;
  private final Path file;

  private CrawlCursor(Path file, Map<String, Long> highWater, Map<String, Pending> pending) {
    this.file = file;
    this.highWater = highWater;
    this.pending = pending;
  }

  static CrawlCursor load(Path file) {
    if (!Files.exists(file)) {
      return new CrawlCursor(file, new HashMap<>(), new HashMap<>());
    }
    try {
      State state = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), State.class);
      return new CrawlCursor(
          file,
          new HashMap<>(state.highWater() == null ? Map.of() : state.highWater()),
          new HashMap<>(state.pending() == null ? Map.of() : state.pending()));
    } catch (IOException | JacksonException e) {
      throw UserError.of(
          file + ": 크롤 커서 파일이 아닙니다 (" + e.getMessage() + "). 처음부터 크롤하려면 이 파일을 지우세요",
          file
              + ": not a crawl cursor file ("
              + e.getMessage()
              + "); delete it to crawl from scratch",
          e);
    }
  }

  /** Writes to a temporary file and moves it over, so a crash never leaves half a cursor. */
  void save() {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".cursor", ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(new State(highWater, pending)));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw UserError.of(
          file + ": 크롤 커서를 저장할 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot save the crawl cursor (" + e.getMessage() + ")",
          e);
    }
  }
}
