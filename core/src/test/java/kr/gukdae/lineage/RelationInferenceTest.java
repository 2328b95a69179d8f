package kr.gukdae.lineage;

import static kr.gukdae.lineage.Hub.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RelationInferenceTest {

  private static DerivativeCount.TreeNode only(Hub.Model derivative) {
    DerivativeCount count =
        Hub.load(model("r/Root"), derivative).count("r/Root", CountRules.defaults().unfiltered());
    assertThat(count.tree()).hasSize(2);
    return count.tree().get(1);
  }

  @Test
  void declaredRelationWinsOverEverythingElse() {
    var node = only(model("a/x").base("r/Root").relation("adapter").files("m.gguf", "README.md"));
    assertThat(node.relation()).isEqualTo(Relation.ADAPTER);
    assertThat(node.relationSource()).isEqualTo(RelationSource.DECLARED);
  }

  @Test
  void modelTreeTagsNameTheRelationWhenTheCardDoesNot() {
    var node = only(model("a/x").tag("base_model:quantized:r/Root").tag("base_model:r/Root"));
    assertThat(node.relation()).isEqualTo(Relation.QUANTIZED);
    assertThat(node.relationSource()).isEqualTo(RelationSource.TAG);
  }

  @Test
  void adapterFilesOrPeftMakeAnAdapter() {
    assertThat(
            only(model("a/x")
                    .base("r/Root")
                    .files("adapter_config.json", "adapter_model.safetensors"))
                .relation())
        .isEqualTo(Relation.ADAPTER);
    assertThat(only(model("a/y").base("r/Root").set("library_name", "peft")).relation())
        .isEqualTo(Relation.ADAPTER);
  }

  @Test
  void quantisedFormatsByFileTagOrNameMakeAQuantisation() {
    assertThat(only(model("a/x").base("r/Root").files("m-q8_0.gguf")).relation())
        .isEqualTo(Relation.QUANTIZED);
    assertThat(only(model("a/y").base("r/Root").tag("awq")).relation())
        .isEqualTo(Relation.QUANTIZED);
    assertThat(only(model("a/Root-GPTQ").base("r/Root")).relation()).isEqualTo(Relation.QUANTIZED);
    assertThat(
            only(model("a/z").base("r/Root").files("model.safetensors", "quantize_config.json"))
                .relation())
        .isEqualTo(Relation.QUANTIZED);
  }

  @Test
  void severalBasesMakeAMergeAndOneBaseWithWeightsAFineTune() {
    DerivativeCount count =
        Hub.load(model("r/Root"), model("o/Other"), model("a/m").base("r/Root", "o/Other"))
            .count("r/Root", CountRules.defaults());
    assertThat(count.tree().get(1).relation()).isEqualTo(Relation.MERGE);
    assertThat(count.tree().get(1).relationSource()).isEqualTo(RelationSource.SEVERAL_BASES);
    var plain = only(model("a/ft").base("r/Root"));
    assertThat(plain.relation()).isEqualTo(Relation.FINETUNE);
    assertThat(plain.relationSource()).isEqualTo(RelationSource.DEFAULT_FINETUNE);
  }

  @Test
  void trainingStateIsNotWeights() {
    var node =
        only(model("a/x").base("r/Root").files("training_args.bin", "optimizer.pt", "README.md"));
    assertThat(
            Hub.load(
                    model("r/Root"),
                    model("a/x").base("r/Root").files("training_args.bin", "README.md"))
                .count("r/Root", CountRules.defaults())
                .byVerdict())
        .containsEntry(Verdict.NO_WEIGHTS, 1);
    assertThat(node.relation()).isEqualTo(Relation.FINETUNE);
  }

  @Test
  void relationWireNamesRoundTrip() {
    for (Relation r : Relation.values()) {
      assertThat(Relation.parse(" " + r.wire().toUpperCase(Locale.ROOT) + " ")).isEqualTo(r);
    }
    assertThat(Relation.parse("distillation")).isNull();
  }
}
