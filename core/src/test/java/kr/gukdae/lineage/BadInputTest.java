package kr.gukdae.lineage;

import static kr.gukdae.lineage.Hub.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

  @TempDir Path dir;

  @Test
  void everyBadJsonLineIsCountedWithItsReasonAndTheRestStillLoads() throws IOException {
    Path file = dir.resolve("models.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            model("team/Root").json(),
            "{\"id\": \"broken/half\", \"createdAt\": ",
            "[1, 2]",
            "{\"author\": \"x\", \"createdAt\": \"2025-09-01T00:00:00Z\"}",
            "{\"id\": \"not a repo id!\", \"createdAt\": \"2025-09-01T00:00:00Z\"}",
            "{\"id\": \"a/b\", \"downloads\": \"many\", \"createdAt\": \"2025-09-01T00:00:00Z\"}",
            "{\"id\": \"a/c\", \"createdAt\": \"yesterday\"}",
            "{\"id\": \"a/d\"}",
            "{\"id\": \"a/e\", \"lastModified\": \"2025-09-03T00:00:00Z\","
                + " \"cardData\": {\"base_model\": \"team/Root\"}}",
            model("u/distilled").base("team/Root").relation("distillation").json(),
            model("u/weird-base").base("team/Root", "::bad::").json(),
            model("team/Root").json(),
            "{\"id\": \"a/f\", \"createdAt\": \"2025-09-01T00:00:00Z\", \"cardData\":"
                + " {\"base_model\": [\"team/Root\", 7]}}",
            "",
            "{\"id\": \"a/g\", \"createdAt\": \"2025-09-01T00:00:00Z\"} trailing"));

    Lineage lineage = Lineage.load(file);
    IngestReport report = lineage.report();

    assertThat(report.read()).isEqualTo(14);
    assertThat(report.kept()).isEqualTo(4);
    assertThat(report.byProblem())
        .containsEntry(Problem.MALFORMED, 3L)
        .containsEntry(Problem.MISSING_ID, 1L)
        .containsEntry(Problem.BAD_ID, 1L)
        .containsEntry(Problem.BAD_FIELD, 3L)
        .containsEntry(Problem.MISSING_TIME, 1L)
        .containsEntry(Problem.DUPLICATE_ID, 1L)
        .containsEntry(Problem.UNKNOWN_RELATION, 1L)
        .containsEntry(Problem.BAD_BASE, 1L)
        .containsEntry(Problem.CREATED_FROM_MODIFIED, 1L);
    assertThat(report.skipped()).isEqualTo(report.read() - report.kept());
    assertThat(report.examples())
        .anyMatch(i -> i.where().endsWith("models.jsonl:2") && i.problem() == Problem.MALFORMED)
        .anyMatch(i -> i.id().equals("a/b") && i.detail().contains("downloads"));
    // The unknown relation was repaired by inference, and the record counts.
    DerivativeCount count = lineage.count("team/Root", CountRules.defaults());
    assertThat(count.counted()).isEqualTo(3);
    assertThat(count.tree())
        .filteredOn(n -> n.id().equals("u/distilled"))
        .singleElement()
        .satisfies(n -> assertThat(n.relationSource()).isEqualTo(RelationSource.DEFAULT_FINETUNE));
  }

  @Test
  void aTruncatedJsonArrayKeepsTheRecordsBeforeTheBreak() throws IOException {
    Path file = dir.resolve("page.json");
    Files.writeString(
        file, "[" + model("a/one").json() + "," + model("a/two").json() + ", {\"id\"");
    IngestReport report = Lineage.load(file).report();
    assertThat(report.kept()).isEqualTo(2);
    assertThat(report.byProblem()).containsEntry(Problem.MALFORMED, 1L);
    assertThat(report.examples().getFirst().detail()).contains("rest of this file was not read");
  }

  @Test
  void modelCardsGiveBasesRelationAndCardLengthAndBadFrontMatterIsReported() throws IOException {
    write("team/Root/README.md", "---\nlicense: mit\n---\n" + "A real model card. ".repeat(20));
    write(
        "alice/Merged/README.md",
        "---\nbase_model:\n  - team/Root\n  - bob/Other\ntags: [merge]\n---\n" + "x".repeat(300));
    write("carol/Thin/README.md", "---\nbase_model: team/Root\n---\nTODO\n");
    write("dave/Broken/README.md", "---\nbase_model: [unclosed\n---\ntext");
    write("erin/Open/README.md", "---\nbase_model: team/Root\n");
    write("frank/List/README.md", "---\n- a\n- b\n---\n");
    write(
        "gina__Quant-GGUF.md",
        "---\nbase_model: team/Root\nbase_model_relation: quantized\n---\n" + "q".repeat(200));

    Lineage lineage = Lineage.load(dir);

    assertThat(lineage.report().byProblem()).containsEntry(Problem.MALFORMED, 3L);
    assertThat(lineage.report().examples())
        .anyMatch(i -> i.id().equals("dave/Broken") && i.detail().contains("not valid YAML"))
        .anyMatch(i -> i.id().equals("erin/Open") && i.detail().contains("never closed"))
        .anyMatch(i -> i.id().equals("frank/List") && i.detail().contains("mapping"));
    DerivativeCount count = lineage.count("team/Root", CountRules.defaults());
    assertThat(count.byVerdict()).containsEntry(Verdict.EMPTY_CARD, 1);
    assertThat(count.counted()).isEqualTo(2);
    assertThat(count.byRelation())
        .containsEntry(Relation.MERGE, 1)
        .containsEntry(Relation.QUANTIZED, 1);
  }

  @Test
  void aMissingPathIsOneClearError() {
    assertThatThrownBy(() -> Lineage.load(dir.resolve("nope.jsonl")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("nope.jsonl")
        .hasMessageContaining("no such file");
  }

  @Test
  void aBadRenamesLineNamesTheLine() throws IOException {
    Path renames = dir.resolve("renames.txt");
    Files.writeString(renames, "# old new\na/old a/new\nonly-one-field\n");
    assertThatThrownBy(() -> Lineage.loader().renames(renames))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("renames.txt:3");
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void countRulesAsTypedInTheQueryAreRefusedNamingTheFields() {
    assertThatThrownBy(() -> CountRules.defaults().thresholds(0, -1, 0, 0))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true)).contains("minDownloads").contains("0 이상");
              assertThat(e.message(false)).contains("minDownloads").contains("must be 0 or more");
            });
    java.time.Instant later = java.time.Instant.parse("2026-02-01T00:00:00Z");
    java.time.Instant earlier = java.time.Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> CountRules.defaults().window(later, earlier))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true)).contains("since 2026-02-01").contains("바꾸어");
              assertThat(e.message(false)).contains("is not before until").contains("swap");
            });
  }
}
