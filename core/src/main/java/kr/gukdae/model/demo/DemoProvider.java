package kr.gukdae.model.demo;

import kr.gukdae.UserError;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelProvider;
import kr.gukdae.model.ModelSpec;

/**
 * The built-in demo models, which need no server and no weights: {@code demo/lexical} (retrieval
 * over the whole demo corpus), {@code demo/lexical-N} (only the first N% of it, N = 10..100) and
 * {@code demo/constant} (a fixed-answer baseline). Their numbers are always labelled as demo.
 */
public final class DemoProvider implements ModelProvider {

  @Override
  public boolean local() {
    return true;
  }

  @Override
  public String id() {
    return "demo";
  }

  @Override
  public String description() {
    return "built-in demo models (no server): demo/lexical, demo/lexical-N (N% of the corpus),"
        + " demo/constant";
  }

  @Override
  public String descriptionKo() {
    return "서버 없이 도는 내장 데모 모델: demo/lexical, demo/lexical-N (말뭉치의 N%)," + " demo/constant";
  }

  @Override
  public ModelApi open(ModelSpec spec) {
    String model = spec.model();
    if (model.equals("constant")) {
      return new ConstantModel();
    }
    if (model.equals("lexical")) {
      return new LexicalModel("demo/lexical", Corpus.load(100));
    }
    if (model.matches("lexical-\\d{2,3}")) {
      int percent = Integer.parseInt(model.substring("lexical-".length()));
      if (percent >= 10 && percent <= 100) {
        return new LexicalModel("demo/" + model, Corpus.load(percent));
      }
    }
    throw UserError.of(
        "--model demo/"
            + model
            + ": 알 수 없는 데모 모델입니다. demo/lexical, demo/lexical-N (N은 10~100) 또는"
            + " demo/constant를 쓰세요",
        "--model demo/"
            + model
            + ": unknown demo model; use demo/lexical, demo/lexical-N (N from 10 to 100) or"
            + " demo/constant");
  }
}
