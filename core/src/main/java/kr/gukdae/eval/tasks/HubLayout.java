package kr.gukdae.eval.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Finds a split's file in a downloaded Hugging Face dataset repository, the way the repos lay them
 * out: {@code <config>/<split>-00000-of-00001.parquet} (the Hub's Parquet export), {@code
 * data/<Config>-<split>.csv} (KMMLU), {@code <split>.jsonl}. A file qualifies when the split is one
 * of its name's words and, with a config, the config is a folder on its path or starts its name.
 * Anything but exactly one candidate is an error that lists them and names the fix.
 */
final class HubLayout {

  private static final List<String> EXTENSIONS =
      List.of(".parquet", ".csv", ".tsv", ".jsonl", ".json");

  private HubLayout() {}

  static String find(String where, Path root, @Nullable String config, String split) {
    if (!Files.isDirectory(root)) {
      throw UserError.of(
          where
              + ": 데이터 폴더 "
              + root
              + "이(가) 없습니다. 데이터셋을 내려받거나 (gukdae datasets --download)"
              + " --data-dir로 그 폴더를 지정하세요",
          where
              + ": no data folder "
              + root
              + "; download the data set (gukdae datasets download, or --download) or point"
              + " --data-dir at the folder that holds it");
    }
    List<String> all;
    try (Stream<Path> files = Files.walk(root, 4)) {
      all =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(HubLayout::isData)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw UserError.of(
          where + ": " + root + "의 목록을 읽을 수 없습니다 (" + e.getMessage() + ")",
          where + ": cannot list " + root + " (" + e.getMessage() + ")",
          e);
    }
    List<String> matches =
        all.stream()
            .filter(f -> hasWord(fileName(f), split))
            .filter(f -> ofConfig(f, config))
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String what = (config == null ? "" : "config '" + config + "' ") + "split '" + split + "'";
    String listed = matches.isEmpty() ? head(all) : head(matches);
    throw UserError.of(
        where
            + ": "
            + root
            + " 아래에 "
            + what
            + " 파일이 "
            + (matches.isEmpty() ? "없습니다 (있는 파일: " : matches.size() + "개 있습니다 (")
            + listed
            + "). YAML의 dataset_kwargs: {data_files: {"
            + split
            + ": <경로>}}로 지정하세요",
        where
            + ": "
            + (matches.isEmpty() ? "no file" : matches.size() + " files")
            + " for "
            + what
            + " under "
            + root
            + (matches.isEmpty() ? " (files there: " + listed + ")" : ": " + listed)
            + "; name it with dataset_kwargs: {data_files: {"
            + split
            + ": <path>}} in the YAML");
  }

  private static boolean isData(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return !lower.startsWith(".") && EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static boolean hasWord(String name, String word) {
    for (String part : name.split("[-_.]")) {
      if (part.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ofConfig(String path, @Nullable String config) {
    if (config == null) {
      return true;
    }
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals(config)) {
        return true;
      }
    }
    String name = parts[parts.length - 1];
    return name.startsWith(config + "-") || name.startsWith(config + "_");
  }

  private static String head(List<String> files) {
    return files.isEmpty()
        ? "none"
        : String.join(", ", files.subList(0, Math.min(8, files.size())))
            + (files.size() > 8 ? ", …" : "");
  }
}
