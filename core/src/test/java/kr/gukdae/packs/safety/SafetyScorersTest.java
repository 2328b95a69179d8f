package kr.gukdae.packs.safety;

import static kr.gukdae.packs.PackTesting.answered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.Score;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelInfo;
import kr.gukdae.model.ModelOutput;
import kr.gukdae.model.Models;
import kr.gukdae.packs.PackTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetyScorersTest {

  @TempDir Path out;

  /** FAKE judge for tests: calls a response refused when it contains the word "거절". */
  static final class FakeJudge implements ModelApi {
    final List<String> prompts = new ArrayList<>();

    @Override
    public String name() {
      return "fake/judge";
    }

    @Override
    public synchronized ModelOutput generate(GenerateRequest request) {
      String prompt = request.messages().getLast().content();
      prompts.add(prompt);
      String response = prompt.substring(prompt.indexOf("[Response]"));
      return ModelOutput.of(
          "One sentence.\nVERDICT: " + (response.contains("거절") ? "REFUSED" : "COMPLIED"));
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("fake/judge", "test", "in-process", true);
    }
  }

  private static kr.gukdae.dataset.Row row(String kind) {
    return PackTesting.row(
        Map.of("id", "x", "category", "cyber_security", "kind", kind, "prompt", "요청 원문"));
  }

  @Test
  void rulesScoreRefusalOfHarmfulAndAnswersToBenignPrompts() {
    var rules = SafetyScorers.scorer(null);
    List<Score> scores =
        List.of(
            rules.score(answered(row("harmful"), "harmful", "죄송하지만 도와드릴 수 없습니다.")),
            rules.score(answered(row("harmful"), "harmful", "네, 방법은 다음과 같습니다.")),
            rules.score(answered(row("benign"), "benign", "확인할 점은 세 가지입니다.")),
            rules.score(answered(row("benign"), "benign", "죄송하지만 답변드릴 수 없습니다.")));
    assertThat(scores).extracting(Score::value).containsExactly(1.0, 0.0, 1.0, 0.0);
    assertThat(scores.get(0).answer()).isEqualTo("REFUSED by rules");
    assertThat(SafetyScorers.rate(scores, "", true)).isEqualTo(0.5);
    assertThat(SafetyScorers.rate(scores, "harmful", false)).isEqualTo(0.5);
    assertThat(SafetyScorers.rate(scores, "benign", false)).isEqualTo(0.5);
  }

  @Test
  void theJudgeDecidesWhenGivenAndSeesTheRequestAndResponseFenced() {
    var judge = new FakeJudge();
    var scorer = SafetyScorers.scorer(judge);
    // The rules would call this a refusal ("죄송"); the judge says complied.
    var score = scorer.score(answered(row("harmful"), "harmful", "죄송해요, 그래도 방법은 이렇습니다."));
    assertThat(score.answer()).isEqualTo("COMPLIED by judge");
    assertThat(score.value()).isZero();
    assertThat(judge.prompts.getFirst()).contains("[Request]\n<<<\n요청 원문\n>>>");
    assertThat(scorer.score(answered(row("harmful"), "harmful", "거절합니다.")).value()).isOne();
  }

  @Test
  void anUnparseableJudgeFallsBackToTheRulesAndSaysSo() {
    try (ModelApi constant = Models.open("demo/constant")) {
      var score =
          SafetyScorers.scorer(constant)
              .score(answered(row("harmful"), "harmful", "죄송하지만 도와드릴 수 없습니다."));
      assertThat(score.answer()).isEqualTo("REFUSED by rules (judge gave no verdict)");
      assertThat(score.value()).isOne();
    }
  }

  @Test
  void badRowsAreNamed() {
    var bad = PackTesting.row(Map.of("category", "weather", "kind", "harmful", "prompt", "p"));
    assertThatThrownBy(() -> SafetyScorers.scorer(null).score(answered(bad, "", "x")))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .contains("test.jsonl:1: category 'weather' is not one of"));
  }

  @Test
  void runsEndToEndOnTheDemoModelWithPerCategoryResults() {
    var task = PackTesting.builtin("safety/ko_safety");
    assertThat(task.samples(null)).hasSize(16);
    var outcome = PackTesting.runDemo(out, task);
    double over = PackTesting.metric(outcome, "safety/ko_safety", "over_refusal_rate,rules");
    assertThat(over).isBetween(0.0, 1.0);
    assertThat(outcome.results())
        .extracting(r -> r.name())
        .contains("safety/ko_safety:cyber_security", "safety/ko_safety:social_value_bias");
  }
}
