package kr.gukdae.app.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.eval.reference.ReferenceScores;

/** The table named by {@code --references}, with a label that says what it is. */
record ReferenceTable(String label, boolean demo, ReferenceScores scores) {

  ReferenceTable {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(scores, "scores");
  }

  static ReferenceTable load(String name) {
    return switch (name.strip()) {
      case "published" ->
          new ReferenceTable(
              "published (numbers copied from model cards; the makers' own settings)",
              false,
              ReferenceScores.published());
      case "demo" ->
          new ReferenceTable(
              "demo (DEMO: invented numbers, not published results)", true, ReferenceScores.demo());
      default -> {
        Path file = Path.of(name.strip());
        if (!Files.isRegularFile(file)) {
          throw UserError.of(
              "--references "
                  + name
                  + ": 파일이 없습니다. published, demo 또는 CSV 파일"
                  + " (model,benchmark,metric,score,release_date,source)을 지정하세요",
              "--references "
                  + name
                  + ": no such file; give published, demo, or a CSV"
                  + " model,benchmark,metric,score,release_date,source");
        }
        yield new ReferenceTable(file.toString(), false, ReferenceScores.read(file));
      }
    };
  }
}
