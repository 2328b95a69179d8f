package kr.gukdae.eval.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.Task;
import kr.gukdae.model.ModelApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a task file and its data files into a {@link Task}. */
public final class TaskLoader {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private TaskLoader() {}

  /**
   * Options chosen at run time rather than in the task file.
   *
   * @param dataDir where the real data sets lie, laid out as on Hugging Face: a split file {@code
   *     F} of a task whose {@code dataset.path} is {@code P} is read from {@code dataDir/P/F}
   *     instead of the small sample shipped beside the task file
   * @param fewshotAsMultiturn lm-eval's {@code --fewshot_as_multiturn}: few-shot examples as chat
   *     turns in every chat task (null: as each task file says)
   */
  public record Options(
      @Nullable Integer numFewshot,
      @Nullable ModelApi judge,
      @Nullable Path dataDir,
      @Nullable Boolean fewshotAsMultiturn) {
    public static final Options DEFAULTS = new Options(null, null, null);

    /** The task files decide {@code fewshot_as_multiturn}. */
    public Options(@Nullable Integer numFewshot, @Nullable ModelApi judge, @Nullable Path dataDir) {
      this(numFewshot, judge, dataDir, null);
    }

    /** The bundled sample data (no data directory). */
    public Options(@Nullable Integer numFewshot, @Nullable ModelApi judge) {
      this(numFewshot, judge, null);
    }
  }

  /** A task file on disk; data files resolve against its folder. */
  public static Task load(Path file, Options options) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      Path absolute = file.toAbsolutePath();
      return load(file.toString(), bytes, name -> readFile(absolute.resolveSibling(name)), options);
    } catch (IOException e) {
      throw UserError.of(
          file + ": 작업 파일을 읽을 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot read task file (" + e.getMessage() + ")",
          e);
    }
  }

  /** Where a task's data files come from (a folder, or the class path for built-in tasks). */
  @FunctionalInterface
  interface DataSource {
    byte[] read(String relativeName) throws IOException;
  }

  static Task load(String where, byte[] yaml, DataSource data, Options options) {
    TaskDefinition definition;
    try {
      definition = YAML.readValue(yaml, TaskDefinition.class);
    } catch (JacksonException e) {
      String at = where + ": ";
      throw UserError.of(at + describe(e, true), at + describe(e, false), e);
    }
    if (definition == null) {
      throw UserError.of(where + ": 태스크 파일이 비어 있습니다", where + ": empty task file");
    }
    Map<String, List<Row>> splits = new LinkedHashMap<>();
    var digest = Sha256.digest();
    digest.update(yaml);
    var dataset = definition.dataset();
    var files = dataset == null ? null : dataset.files();
    if (dataset == null || files == null || files.isEmpty()) {
      throw UserError.of(
          where + ": dataset.files가 없습니다. 각 split을 데이터 파일에 연결하세요",
          where + ": dataset.files is missing; map each split to a data file");
    }
    if (options.dataDir() != null) {
      data = dataDirSource(where, options.dataDir(), dataset.path());
    }
    String testSplit = definition.testSplit() == null ? "test" : definition.testSplit();
    Map<String, String> missing = new LinkedHashMap<>();
    for (var entry : files.entrySet()) {
      SplitFile split;
      try {
        split = readSplit(where, definition, options, data, entry.getKey(), entry.getValue());
      } catch (IOException e) {
        if (!entry.getKey().equals(testSplit)) {
          // A few-shot split is only needed when examples are asked for: a zero-shot run on a
          // download of the test split alone must work.
          missing.put(entry.getKey(), entry.getValue() + " not found (" + e.getMessage() + ")");
          continue;
        }
        throw UserError.of(
            where
                + ": dataset.files."
                + entry.getKey()
                + " '"
                + entry.getValue()
                + "' 파일을 찾을 수 없습니다. 실제 데이터셋은 --data-dir로 지정하세요 ("
                + e.getMessage()
                + ")",
            where
                + ": dataset.files."
                + entry.getKey()
                + " '"
                + entry.getValue()
                + "' not found ("
                + e.getMessage()
                + ")",
            e);
      }
      digest.update(split.bytes());
      try (InputStream in = new java.io.ByteArrayInputStream(split.bytes())) {
        splits.put(entry.getKey(), Datasets.read(split.name(), in));
      } catch (IOException e) {
        throw UserError.of(
            where + ": " + entry.getValue() + "을(를) 읽을 수 없습니다",
            where + ": cannot read " + entry.getValue(),
            e);
      }
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    return new TaskBuilder(where, definition, splits, missing, hash, options).build();
  }

  /** Files under {@code dataDir/<dataset.path>/}; a path escaping that folder is refused. */
  private static DataSource dataDirSource(String where, Path dataDir, @Nullable String repo) {
    if (!Files.isDirectory(dataDir)) {
      throw UserError.of(
          "--data-dir " + dataDir + "은(는) 폴더가 아닙니다", "--data-dir " + dataDir + " is not a folder");
    }
    Path root = (repo == null ? dataDir : dataDir.resolve(repo)).toAbsolutePath().normalize();
    return name -> {
      Path file = root.resolve(name).normalize();
      if (!file.startsWith(root)) {
        throw UserError.of(
            where + ": 데이터셋 파일 '" + name + "'이(가) " + root + " 밖에 있습니다",
            where + ": dataset file '" + name + "' lies outside " + root);
      }
      return readFile(file);
    };
  }

  /**
   * The named file; under a data directory, when the download lays the split out differently (the
   * Hub's Parquet export, another shard name), the one file of that config and split instead.
   */
  private record SplitFile(String name, byte[] bytes) {}

  private static SplitFile readSplit(
      String where,
      TaskDefinition definition,
      Options options,
      DataSource data,
      String split,
      String file)
      throws IOException {
    try {
      return new SplitFile(file, data.read(file));
    } catch (IOException e) {
      var spec = definition.dataset();
      if (options.dataDir() == null || spec == null || spec.path() == null) {
        throw e;
      }
      Path root = options.dataDir().resolve(spec.path()).toAbsolutePath().normalize();
      String found;
      try {
        found = HubLayout.find(where, root, spec.name(), split);
      } catch (UserError notFound) {
        throw new IOException(e.getMessage() + "; " + notFound.getMessage(), e);
      }
      return new SplitFile(found, readFile(root.resolve(found)));
    }
  }

  private static byte[] readFile(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " does not exist");
    }
    return Files.readAllBytes(path);
  }

  /** Where in the YAML and what is wrong, in Korean or English (the parser's own words kept). */
  private static String describe(JacksonException e, boolean korean) {
    var location = e.getLocation();
    String line =
        location == null
            ? ""
            : korean ? location.getLineNr() + "행: " : "line " + location.getLineNr() + ": ";
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Unrecognized property")) {
      String key =
          e instanceof UnrecognizedPropertyException u ? " '" + u.getPropertyName() + "'" : "";
      return korean
          ? line + "알 수 없는 키" + key + "입니다. 키의 철자를 확인하세요"
          : line + message.replaceAll("\\s*\\(class.*", "") + " (check the key's spelling)";
    }
    return korean ? line + "YAML을 읽을 수 없습니다: " + message : line + message;
  }

  static List<String> strings(List<?> values) {
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(String.valueOf(v)));
    return out;
  }

  static final JsonMapper JSON = JsonMapper.builder().build();
}
