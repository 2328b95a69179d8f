package kr.gukdae.app.originality;

import kr.gukdae.originality.TensorInfo;
import kr.gukdae.originality.WeightModel;

/** The vocabulary size a model implies: rows of its token embedding, or 0 if it has none. */
public final class Vocab {
  private Vocab() {}

  public static long guess(WeightModel model) {
    return model.tensors().stream()
        .filter(t ->
            t.rank() == 2
                && t.name()
                    .matches(
                        ".*(embed_tokens|wte|word_embeddings|tok_embeddings|embed_in)\\.weight$"))
        .mapToLong(TensorInfo::rows)
        .findFirst()
        .orElse(0);
  }
}
