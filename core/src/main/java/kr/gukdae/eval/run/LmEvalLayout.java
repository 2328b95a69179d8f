package kr.gukdae.eval.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.gukdae.eval.Task;
import org.jspecify.annotations.Nullable;

/**
 * lm-evaluation-harness's output layout inside a run folder: {@code <model>/results_<date>.json}
 * and {@code <model>/samples_<task>_<date>.jsonl}, the model name sanitized and the date written as
 * lm-eval writes them ({@code re.sub(r'["<>:/|\\?*\[\]]+', '__', name)}, {@code
 * datetime.now().isoformat()} with ':' as '-'), so its readers find a gukdae run. Each samples file
 * is also linked into the run folder as {@code samples_<task>.jsonl}, gukdae's own name for it.
 */
final class LmEvalLayout {

  private LmEvalLayout() {}

  static String dateId() {
    LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    String iso = now.withNano(0).toString();
    if (now.getSecond() == 0 && iso.length() == 16) {
      iso += ":00"; // Java drops zero seconds; Python's isoformat keeps them
    }
    int micros = now.getNano() / 1000;
    return (iso + (micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros)))
        .replace(':', '-');
  }

  /** {@code runDir/<sanitized model>}, where lm-eval's --output_path puts a model's files. */
  static Path folder(Path runDir, String model) {
    // gukdae's model is adapter/name; lm-eval names the folder after the served model's name
    String served = model.contains("/") ? model.substring(model.indexOf('/') + 1) : model;
    String name = served.replaceAll("[\"<>:/|\\\\?*\\[\\]]+", "__");
    // A model named "." or ".." (or nothing) must not lead out of the run folder
    Path folder = runDir.resolve(name.matches("\\.*") ? "_" + name : name);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
    return folder;
  }

  /** lm-eval's {@code sanitize_task_name}: every non-word character becomes '_'. */
  static String taskFileName(String task) {
    return task.replaceAll("\\W", "_");
  }

  static void writeSamples(
      List<Task> tasks, Path folder, String date, Path runDir, Path journal, Set<String> ok) {
    Map<String, Task> byName = new HashMap<>();
    tasks.forEach(t -> byName.put(t.name(), t));
    Map<String, BufferedWriter> writers = new HashMap<>();
    Map<String, Path> files = new HashMap<>();
    Set<String> written = new HashSet<>();
    try {
      Journal.forEach(
          journal,
          record -> {
            String key = Journal.key(record.task(), record.docId());
            Task task = byName.get(record.task());
            if (!record.ok() || task == null || !ok.contains(key) || !written.add(key)) {
              return;
            }
            try {
              BufferedWriter out =
                  writers.computeIfAbsent(
                      record.task(),
                      name -> {
                        Path file =
                            folder.resolve("samples_" + taskFileName(name) + "_" + date + ".jsonl");
                        files.put(name, file);
                        return open(file);
                      });
              for (var line : LmEvalSamples.lines(task, record)) {
                out.write(Journal.JSON.writeValueAsString(line));
                out.write('\n');
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (RuntimeException | Error e) {
      // The first failure is the one to report; a close failure after it rides along.
      IOException closing = closeAll(writers.values());
      if (closing != null) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    IOException closing = closeAll(writers.values());
    if (closing != null) {
      throw new UncheckedIOException(closing);
    }
    files.forEach(
        (task, file) -> link(runDir.resolve("samples_" + task.replace('/', '_') + ".jsonl"), file));
  }

  /** Closes every writer; the first failure, with later ones suppressed in it, or null. */
  private static @Nullable IOException closeAll(Iterable<BufferedWriter> writers) {
    IOException first = null;
    for (BufferedWriter w : writers) {
      try {
        w.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    return first;
  }

  /** A hard link where the file system allows one (no second copy of a large file), else a copy. */
  private static void link(Path name, Path target) {
    try {
      Files.deleteIfExists(name);
      try {
        Files.createLink(name, target);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(target, name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }

  private static BufferedWriter open(Path file) {
    try {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
