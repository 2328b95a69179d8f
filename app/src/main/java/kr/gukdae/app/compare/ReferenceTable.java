package kr.gukdae.app.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.eval.reference.ReferenceScores;

/** The table named by {@code --references}, with a label that says what it is. */
record ReferenceTable(String label, String labelKo, boolean demo, ReferenceScores scores) {

  ReferenceTable {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(labelKo, "labelKo");
    Objects.requireNonNull(scores, "scores");
  }

  static ReferenceTable load(String name) {
    return switch (name.strip()) {
      case "published" ->
          new ReferenceTable(
              "published (numbers copied from model cards; the makers' own settings)",
              "published (모델 카드에서 옮긴 수치; 제작사 자체 설정)",
              false,
              ReferenceScores.published());
      case "demo" ->
          new ReferenceTable(
              "demo (DEMO: invented numbers, not published results)",
              "demo (데모: 지어낸 수치이며 공개된 결과가 아닙니다)",
              true,
              ReferenceScores.demo());
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
        yield new ReferenceTable(
            file.toString(), file.toString(), false, ReferenceScores.read(file));
      }
    };
  }
}
