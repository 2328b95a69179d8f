package kr.gukdae.lineage;

import static kr.gukdae.lineage.Hub.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

class HandMadeTreesTest {

  private static final String ROOT = "team/Base-7B";

  @Test
  void countsEachKindOnceThroughMergesAndQuantisedFineTunes() {
    Lineage lineage =
        Hub.load(
            model(ROOT),
            model("alice/Base-ft").base(ROOT),
            model("bob/Base-ft-GGUF")
                .base("alice/Base-ft")
                .files("base-ft.Q4_K_M.gguf", "README.md"),
            model("carol/Base-lora")
                .base(ROOT)
                .files("adapter_config.json", "adapter_model.safetensors", "README.md"),
            model("dave/Base-merge").base("alice/Base-ft", "carol/Base-lora"),
            model("team/Base-7B-reupload").base(ROOT),
            model("farm/Base-mirror").base(ROOT).files(".gitattributes"),
            model("erin/unrelated").base("other/Model"));

    DerivativeCount count = lineage.count(ROOT, CountRules.defaults());

    assertThat(count.reached()).isEqualTo(6);
    assertThat(count.counted()).isEqualTo(4);
    assertThat(count.direct()).isEqualTo(2);
    assertThat(count.distinctOwners()).isEqualTo(4);
    assertThat(count.maxDepth()).isEqualTo(2);
    assertThat(count.byRelation())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Relation.FINETUNE,
                1,
                Relation.QUANTIZED,
                1,
                Relation.ADAPTER,
                1,
                Relation.MERGE,
                1));
    assertThat(count.byVerdict())
        .containsEntry(Verdict.SAME_OWNER, 1)
        .containsEntry(Verdict.NO_WEIGHTS, 1);
    assertThat(count.examples().get(Verdict.SAME_OWNER)).containsExactly("team/Base-7B-reupload");
    assertThat(count.tree()).hasSize(7);
    assertThat(count.tree().getFirst().verdict()).isEqualTo(Verdict.ROOT);
    assertThat(count.explanationEn()).anyMatch(l -> l.contains("leave out team re-uploads: 1"));

    DerivativeCount everything = lineage.count(ROOT, CountRules.defaults().unfiltered());
    assertThat(everything.counted()).isEqualTo(6);
  }

  @Test
  void cyclesAndSelfReferencesNeverLoopOrDoubleCount() {
    Lineage lineage =
        Hub.load(
            model(ROOT).base("x/loop-b"),
            model("x/loop-a").base(ROOT, "x/loop-b").relation("finetune"),
            model("x/loop-b").base("x/loop-a"),
            model("y/self").base("y/self", ROOT));

    DerivativeCount count = lineage.count(ROOT, CountRules.defaults().thresholds(0, 0, 0, 0));

    assertThat(count.counted()).isEqualTo(3);
    assertThat(count.cycles()).containsExactly("x/loop-b");
    assertThat(lineage.report().byProblem()).containsEntry(Problem.SELF_REFERENCE, 1L);
    assertThat(count.explanationEn()).anyMatch(l -> l.startsWith("Cycles:"));
  }

  @Test
  void windowCountsByCreationButStillWalksOlderRepos() {
    Lineage lineage =
        Hub.load(
            model(ROOT).created("2025-01-01T00:00:00Z"),
            model("a/old-ft").base(ROOT).created("2025-03-01T00:00:00Z"),
            model("b/new-quant-of-old-GGUF").base("a/old-ft").created("2025-10-01T00:00:00Z"),
            model("c/late").base(ROOT).created("2026-02-01T00:00:00Z"));
    CountRules stage1 =
        CountRules.defaults()
            .window(Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2026-01-15T00:00:00Z"));

    DerivativeCount count = lineage.count(ROOT, stage1);

    assertThat(count.counted()).isEqualTo(1);
    assertThat(count.direct()).isZero();
    assertThat(count.byRelation()).containsExactly(Map.entry(Relation.QUANTIZED, 1));
    assertThat(count.byVerdict()).containsEntry(Verdict.OUTSIDE_WINDOW, 2);
    assertThat(count.months()).extracting(DerivativeCount.Month::month).containsExactly("2025-10");
  }

  @Test
  void perOwnerCapKeepsTheEarliestAndThresholdsApplyWhenKnown() {
    Hub.Model[] models = new Hub.Model[14];
    models[0] = model(ROOT);
    for (int i = 1; i <= 12; i++) {
      models[i] =
          model("bulk/variant-" + i)
              .base(ROOT)
              .created(String.format(Locale.ROOT, "2025-09-%02dT00:00:00Z", i));
    }
    models[13] = model("quiet/ft").base(ROOT).set("downloads", 3).set("likes", 0);
    Lineage lineage = Hub.load(models);

    DerivativeCount capped = lineage.count(ROOT, CountRules.defaults().thresholds(0, 0, 0, 10));
    assertThat(capped.counted()).isEqualTo(11);
    assertThat(capped.examples().get(Verdict.OWNER_CAP))
        .containsExactly("bulk/variant-11", "bulk/variant-12");

    DerivativeCount strict = lineage.count(ROOT, CountRules.defaults().thresholds(0, 10, 1, 0));
    assertThat(strict.byVerdict()).containsEntry(Verdict.FEW_DOWNLOADS, 1);
    assertThat(strict.counted()).isEqualTo(12);
    assertThat(lineage.count(ROOT, CountRules.defaults().thresholds(0, 0, 1, 0)).byVerdict())
        .containsEntry(Verdict.FEW_LIKES, 1);
  }

  @Test
  void teamOwnersBeyondTheRootsAccountAreExcludedToo() {
    Lineage lineage =
        Hub.load(model(ROOT), model("team-lab/Base-chat").base(ROOT), model("x/ft").base(ROOT));
    CountRules rules = CountRules.defaults().owners(true, Set.of("team-lab"));
    assertThat(lineage.count(ROOT, rules).counted()).isEqualTo(1);
    assertThat(lineage.count(ROOT, CountRules.defaults()).counted()).isEqualTo(2);
  }

  @Test
  void renamedAndDeletedReposAndIdCaseAreResolved() {
    Lineage lineage =
        Hub.load(
            Lineage.loader().rename("team/Base-7B-preview", ROOT),
            model(ROOT),
            model("a/ft-of-old-name").base("team/Base-7B-preview"),
            model("b/ft-of-lower-case").base("TEAM/base-7b"),
            model("c/ft-of-deleted").base("gone/Deleted-1B"),
            model("d/quant-of-deleted-GGUF").base("c/ft-of-deleted"));

    assertThat(lineage.count(ROOT, CountRules.defaults()).counted()).isEqualTo(2);
    DerivativeCount deleted = lineage.count("gone/Deleted-1B", CountRules.defaults());
    assertThat(deleted.rootRecorded()).isFalse();
    assertThat(deleted.counted()).isEqualTo(2);
    assertThat(deleted.explanationEn().getFirst()).contains("no record of its own");
    assertThatThrownBy(() -> lineage.count("nobody/none", CountRules.defaults()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("nobody/none");
  }

  @Test
  void aNewerRecordForTheSameIdReplacesTheOlderLinks() {
    Lineage lineage =
        Hub.load(
            model(ROOT),
            model("other/Root"),
            model("a/ft").base("other/Root").modified("2025-09-02T00:00:00Z"),
            model("a/ft").base(ROOT).modified("2025-10-02T00:00:00Z"));

    assertThat(lineage.count(ROOT, CountRules.defaults()).counted()).isEqualTo(1);
    assertThat(lineage.count("other/Root", CountRules.defaults()).counted()).isZero();
    assertThat(lineage.report().byProblem()).containsEntry(Problem.DUPLICATE_ID, 1L);
    assertThat(lineage.report().kept()).isEqualTo(3);
  }
}
