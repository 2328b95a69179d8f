package kr.gukdae.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader and writer of the data-governance files (manifests, proofs, n-gram headers,
 * registry imports): unknown keys are errors, and every error names the file and line.
 */
public final class DataJson {

  public static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private DataJson() {}

  public static <T> T read(Path file, Class<T> type) {
    return read(file.toString(), text(file), type);
  }

  public static <T> T read(String source, String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      UserError refused = UserError.findIn(e);
      if (refused != null) {
        // A record's constructor refused a value in both languages: keep each language's half.
        String at = source + ": " + line(e);
        throw UserError.of(at + refused.message(true), at + refused.message(false), e);
      }
      throw UserError.of(
          source + ": JSON을 읽을 수 없습니다 (" + describe(e) + ")", source + ": " + describe(e), e);
    }
  }

  public static JsonNode tree(String source, String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw UserError.of(
          source + ": 올바른 JSON이 아닙니다 (" + describe(e) + ")",
          source + ": not valid JSON (" + describe(e) + ")",
          e);
    }
  }

  public static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 파일이 없습니다. 경로를 확인하세요", file + ": file not found; check the path");
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }

  /** Pretty JSON, written to a temporary file and moved into place so no half file is left. */
  public static void write(Path file, Object value) {
    Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
    try {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static String pretty(Object value) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }

  private static String line(JacksonException e) {
    var location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? ""
        : "line " + location.getLineNr() + ": ";
  }

  private static String describe(JacksonException e) {
    String line = line(e);
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Unrecognized property")) {
      message = message.replaceAll("\\s*\\(class.*", "") + " (unknown key; check its spelling)";
    }
    // A record's compact constructor says what is wrong; surface its message, not Jackson's frame.
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof UserError) {
        message = t.getMessage();
        break;
      }
    }
    return line + message;
  }
}
