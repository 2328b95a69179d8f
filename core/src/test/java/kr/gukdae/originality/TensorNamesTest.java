package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorNamesTest {

  @Test
  void commonArchitecturesShareOneVocabulary() {
    assertThat(TensorNames.normalize("transformer.h.3.attn.c_attn.weight"))
        .isEqualTo("layers.3.self_attn.c_attn.weight");
    assertThat(TensorNames.normalize("model.layers.3.self_attn.q_proj.weight"))
        .isEqualTo("layers.3.self_attn.q_proj.weight");
    assertThat(TensorNames.normalize("layers.3.attention.wq.weight"))
        .isEqualTo("layers.3.self_attn.q_proj.weight");
    assertThat(TensorNames.normalize("layers.0.feed_forward.w2.weight"))
        .isEqualTo("layers.0.mlp.down_proj.weight");
    assertThat(TensorNames.normalize("tok_embeddings.weight")).isEqualTo("embed_tokens.weight");
    assertThat(TensorNames.normalize("transformer.wte.weight")).isEqualTo("embed_tokens.weight");
    assertThat(TensorNames.normalize("output.weight")).isEqualTo("lm_head.weight");
    assertThat(TensorNames.normalize("vision_model.encoder.layers.0.mlp.fc1.weight"))
        .isEqualTo("vision.encoder.layers.0.mlp.fc1.weight");
    assertThat(
            TensorNames.normalize(
                "model.vision_tower.vision_model.encoder.layers.0.mlp.fc1.weight"))
        .isEqualTo("vision.encoder.layers.0.mlp.fc1.weight");
  }

  @Test
  void componentsAndNormDetection() {
    long[] vec = {64};
    long[] mat = {64, 64};
    assertThat(TensorNames.component("layers.2.input_layernorm.weight", vec))
        .isEqualTo("block.2.norm");
    assertThat(TensorNames.component("layers.2.self_attn.q_proj.weight", mat))
        .isEqualTo("block.2.attention");
    assertThat(TensorNames.component("layers.2.mlp.up_proj.weight", mat)).isEqualTo("block.2.mlp");
    assertThat(TensorNames.component("norm.weight", vec)).isEqualTo("final_norm");
    assertThat(TensorNames.component("vision.encoder.layers.0.mlp.fc1.weight", mat))
        .isEqualTo("vision_encoder.block.0");
    assertThat(TensorNames.group("vision_encoder.block.0")).isEqualTo("vision_encoder");
    assertThat(TensorNames.group("block.2.mlp")).isEqualTo("block.2");
    assertThat(TensorNames.isNorm("layers.2.input_layernorm.weight", vec)).isTrue();
    assertThat(TensorNames.isNorm("layers.2.input_layernorm.bias", vec)).isFalse();
    assertThat(TensorNames.isNorm("layers.2.mlp.up_proj.weight", mat)).isFalse();
  }

  private static String component(String raw, long... shape) {
    return TensorNames.component(TensorNames.normalize(raw), shape);
  }

  @Test
  void bertComponentsAreNamedAsBertHasThem() {
    // BERT: embeddings hold position/type embeddings and a LayerNorm; pooler and cls head exist
    assertThat(component("bert.embeddings.word_embeddings.weight", 30522, 768))
        .isEqualTo("embeddings");
    assertThat(component("bert.embeddings.position_embeddings.weight", 512, 768))
        .isEqualTo("embeddings");
    assertThat(component("bert.embeddings.token_type_embeddings.weight", 2, 768))
        .isEqualTo("embeddings");
    assertThat(component("bert.embeddings.LayerNorm.weight", 768)).isEqualTo("embeddings");
    assertThat(component("bert.encoder.layer.3.attention.self.query.weight", 768, 768))
        .isEqualTo("block.3.attention");
    assertThat(component("bert.encoder.layer.3.attention.output.LayerNorm.weight", 768))
        .isEqualTo("block.3.norm");
    assertThat(component("bert.encoder.layer.3.intermediate.dense.weight", 3072, 768))
        .isEqualTo("block.3.mlp");
    assertThat(component("bert.encoder.layer.3.output.dense.weight", 768, 3072))
        .isEqualTo("block.3.mlp");
    assertThat(component("bert.pooler.dense.weight", 768, 768)).isEqualTo("pooler");
    assertThat(component("cls.predictions.transform.dense.weight", 768, 768)).isEqualTo("head");
    assertThat(component("cls.predictions.transform.LayerNorm.weight", 768)).isEqualTo("head");
  }

  @Test
  void decodersVisionEncodersAndExperts() {
    assertThat(component("model.layers.5.self_attn.q_proj.bias", 896))
        .isEqualTo("block.5.attention");
    assertThat(component("model.norm.weight", 896)).isEqualTo("final_norm");
    // SigLIP / ViT
    assertThat(component("vision_model.embeddings.patch_embedding.weight", 768, 3, 16, 16))
        .isEqualTo("vision_encoder.embeddings");
    assertThat(component("vision_model.encoder.layers.11.self_attn.k_proj.weight", 768, 768))
        .isEqualTo("vision_encoder.block.11");
    assertThat(component("vision_model.post_layernorm.weight", 768))
        .isEqualTo("vision_encoder.post_norm");
    assertThat(component("vit.encoder.layer.2.intermediate.dense.weight", 3072, 768))
        .isEqualTo("vision_encoder.block.2");
    // MoE: Qwen/DeepSeek style and Mixtral style experts, router, shared expert
    assertThat(component("model.layers.7.mlp.experts.12.gate_proj.weight", 768, 2048))
        .isEqualTo("block.7.expert.12");
    assertThat(component("model.layers.7.block_sparse_moe.experts.3.w2.weight", 4096, 14336))
        .isEqualTo("block.7.expert.3");
    assertThat(TensorNames.normalize("model.layers.7.block_sparse_moe.experts.3.w1.weight"))
        .isEqualTo("layers.7.mlp.experts.3.gate_proj.weight");
    assertThat(component("model.layers.7.block_sparse_moe.gate.weight", 8, 4096))
        .isEqualTo("block.7.router");
    assertThat(component("model.layers.7.mlp.shared_expert.up_proj.weight", 5632, 2048))
        .isEqualTo("block.7.shared_expert");
  }

  @Test
  void runsOfWholeBlocksAreShortenedInVerdicts() {
    assertThat(
            TensorNames.list(
                java.util.List.of("block.0", "block.1", "block.2", "embeddings", "block.5")))
        .isEqualTo("block.0–2, embeddings, block.5");
  }
}
