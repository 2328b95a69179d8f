package kr.gukdae.eval.tasks;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An lm-eval {@code !function module.name} value: the YAML file that wrote it (lm-eval resolves the
 * module next to that file, which may be an included one) and the dotted name.
 *
 * @param yaml the task file holding the tag
 * @param dotted {@code utils.doc_to_text}: module path, then the function
 */
record HelperRef(Path yaml, String dotted) {

  HelperRef {
    Objects.requireNonNull(yaml, "yaml");
    if (!dotted.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
      throw kr.gukdae.UserError.of(
          yaml
              + ": '!function "
              + dotted
              + "'은(는) module.function 형식으로 써야 합니다 (예: utils.process_docs)",
          yaml
              + ": '!function "
              + dotted
              + "' must name module.function (e.g. utils.process_docs)");
    }
  }

  String module() {
    return dotted.substring(0, dotted.lastIndexOf('.'));
  }

  String function() {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  Path folder() {
    // an absolute, normalised file path always has a parent folder
    return java.util.Objects.requireNonNull(yaml.toAbsolutePath().normalize().getParent());
  }

  /** The helper's source file, e.g. {@code <folder>/utils.py}. */
  Path file() {
    return folder().resolve(module().replace('.', '/') + ".py");
  }

  @Override
  public String toString() {
    return dotted;
  }
}
