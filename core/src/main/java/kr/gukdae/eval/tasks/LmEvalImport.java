package kr.gukdae.eval.tasks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.dataset.HubDownload;
import kr.gukdae.eval.Task;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs lm-evaluation-harness task YAML files as they are: merged ({@link LmEvalYaml}), converted
 * ({@link LmEvalTask}) and loaded like any gukdae task. The data comes from {@code
 * --data-dir/<dataset_path>}, by default the download cache {@code ~/.gukdae/datasets}.
 */
final class LmEvalImport {

  private LmEvalImport() {}

  /** Registry facts of one lm-eval task file: its key and tags (for group membership). */
  record Header(String name, String description, List<String> tags) {}

  static Header header(Path file) {
    ObjectNode yaml = LmEvalYaml.read(file);
    var task = new LmEvalTask(file.toString(), yaml);
    String name = LmEvalTask.registryName(task.taskName());
    return new Header(
        name,
        "lm-eval " + task.taskName() + " (" + file.getFileName() + ")",
        LmEvalTask.strings(yaml.path("tag")));
  }

  static Task load(Path file, TaskLoader.Options options) {
    String where = file.toString();
    ObjectNode yaml = LmEvalYaml.read(file);
    String repo = yaml.path("dataset_path").asString("");
    Path dataDir = options.dataDir() != null ? options.dataDir() : HubDownload.defaultCache();
    Path root = dataDir.resolve(repo).normalize();
    ObjectNode definition =
        new LmEvalTask(where, yaml)
            .convert(root, options.numFewshot() == null ? 0 : options.numFewshot());
    byte[] bytes = definition.toString().getBytes(StandardCharsets.UTF_8);
    var local =
        new TaskLoader.Options(
            options.numFewshot(), options.judge(), null, options.fewshotAsMultiturn());
    return TaskLoader.load(where, bytes, name -> readUnder(root, name), local);
  }

  private static byte[] readUnder(Path root, String name) throws java.io.IOException {
    Path file = root.resolve(name).normalize();
    if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file)) {
      throw new java.io.IOException(file + " does not exist");
    }
    return java.nio.file.Files.readAllBytes(file);
  }
}
