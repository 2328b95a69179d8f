package kr.gukdae.lineage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads model metadata from files: JSON Lines or JSON arrays as the Hub API returns them, and
 * model-card READMEs with YAML front matter. A directory is walked for all three. Bad records go to
 * the report; only an unreadable path is an error.
 */
final class MetadataFiles {

  static final int MAX_RECORD_CHARS = 1 << 20;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MetadataFiles() {}

  static void read(Path path, Ingestor sink) {
    if (!Files.exists(path)) {
      throw UserError.of(
          path + ": 파일이나 폴더가 없습니다. .jsonl/.json/.md 파일이나 폴더를 주세요",
          path + ": no such file or directory; pass a .jsonl/.json/.md or a folder");
    }
    if (Files.isDirectory(path)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile).filter(MetadataFiles::known).sorted().forEach(files::add);
      } catch (IOException e) {
        throw UserError.of(
            path + ": 폴더 목록을 읽을 수 없습니다 (" + e.getMessage() + ")",
            path + ": cannot list the folder (" + e.getMessage() + ")",
            e);
      }
      for (Path file : files) {
        readFile(file, sink);
      }
    } else {
      readFile(path, sink);
    }
  }

  private static boolean known(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".md");
  }

  private static void readFile(Path file, Ingestor sink) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".md")) {
        FrontMatter.read(file, sink);
      } else if (name.endsWith(".json")) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          readJson(file.toString(), reader, sink);
        }
      } else {
        try (InputStream in = Files.newInputStream(file)) {
          JsonLines.read(file.toString(), in, sink);
        }
      }
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }

  static void readLines(String name, BufferedReader reader, Ingestor sink) throws IOException {
    RawModel m = new RawModel();
    String text;
    long line = 0;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      m.reset(name, line);
      if (text.length() > MAX_RECORD_CHARS) {
        sink.report().read++;
        sink.report().note(m.where(), "", Problem.TOO_LARGE, "line over 1 MB");
        continue;
      }
      try (JsonParser p = JSON.createParser(text)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          sink.report().read++;
          sink.report().note(m.where(), "", Problem.MALFORMED, "each line must be a JSON object");
          continue;
        }
        HubRecordReader.read(p, m);
        if (p.nextToken() != null) {
          HubRecordReader.fault(m, "text after the JSON object on this line");
        }
      } catch (JacksonException e) {
        sink.report().read++;
        sink.report().note(m.where(), "", Problem.MALFORMED, e.getOriginalMessage());
        continue;
      }
      sink.add(m);
    }
  }

  /** A JSON array of model objects (a Hub API page) or one model object. */
  static void readJson(String name, Reader reader, Ingestor sink) {
    RawModel m = new RawModel();
    long index = 0;
    try (JsonParser p = JSON.createParser(reader)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        m.reset(name, 1);
        HubRecordReader.read(p, m);
        sink.add(m);
        return;
      }
      if (t != JsonToken.START_ARRAY) {
        sink.report().read++;
        sink.report().note(name, "", Problem.MALFORMED, "expected a JSON array of model objects");
        return;
      }
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        index++;
        m.reset(name, index);
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          sink.report().read++;
          sink.report().note(m.where(), "", Problem.MALFORMED, "array element is not an object");
          continue;
        }
        HubRecordReader.read(p, m);
        sink.add(m);
      }
    } catch (JacksonException e) {
      sink.report().read++;
      sink.report()
          .note(
              name + ":record " + (index == 0 ? 1 : index),
              "",
              Problem.MALFORMED,
              e.getOriginalMessage() + "; the rest of this file was not read");
    }
  }
}
