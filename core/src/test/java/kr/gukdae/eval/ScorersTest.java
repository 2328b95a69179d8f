package kr.gukdae.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import kr.gukdae.dataset.Row;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelOutput;
import org.junit.jupiter.api.Test;

class ScorersTest {

  private static Sample sample(List<String> choices, String target) {
    return new Sample(0, "prompt", choices, target, null, new Row("test.csv", 2, Map.of()));
  }

  private static TaskState withLogprobs(Sample sample, double... logprobs) {
    List<LoglikelihoodResult> results =
        java.util.Arrays.stream(logprobs).mapToObj(l -> new LoglikelihoodResult(l, false)).toList();
    return TaskState.initial(sample)
        .withChoiceLogprobs(results, new ModelCall("loglikelihood", List.of(), List.of()));
  }

  private static TaskState answered(Sample sample, String text) {
    return TaskState.initial(sample)
        .withOutput(ModelOutput.of(text), new ModelCall("generate_until", List.of(), List.of()));
  }

  @Test
  void accPicksTheHighestLogLikelihoodAndAccNormDividesByCharacterLength() {
    // Summed log-probs favour the short choice; per character, the long one is more likely.
    Sample sample = sample(List.of("no", "a much longer answer"), "1");
    TaskState state = withLogprobs(sample, -4.0, -10.0);
    assertThat(Scorers.choiceAccuracy().score(state).value()).isZero();
    assertThat(Scorers.choiceAccuracy().score(state).answer()).isEqualTo("0");
    // -4/2 = -2.0 versus -10/20 = -0.5
    assertThat(Scorers.choiceAccuracyNormalised().score(state).value()).isEqualTo(1.0);
  }

  @Test
  void accNormCountsCodePointsAsPythonsLen() {
    // "👍👍" is 2 code points (4 UTF-16 units), "abc" 3: -3/2 = -1.5 beats -4/3 only per code
    // point; counted in UTF-16 units, -3/4 = -0.75 would beat -1.33 the other way round.
    Sample sample = sample(List.of("👍👍", "abc"), "1");
    TaskState state = withLogprobs(sample, -3.0, -4.0);
    assertThat(Scorers.choiceAccuracyNormalised().score(state).value()).isEqualTo(1.0);
  }

  @Test
  void equalLogLikelihoodsPickTheFirstChoiceLikeNumpyArgmax() {
    TaskState state = withLogprobs(sample(List.of("A", "B"), "1"), -1.0, -1.0);
    assertThat(Scorers.choiceAccuracy().score(state).answer()).isEqualTo("0");
  }

  @Test
  void choiceLetterComparesTheExtractedLetterWithTheGoldIndex() {
    Sample sample = sample(List.of("A", "B", "C", "D"), "2");
    Scorer scorer = Scorers.choiceLetter(AnswerExtractor.choiceLetter(4));
    assertThat(scorer.score(answered(sample, "정답: C")).value()).isEqualTo(1.0);
    assertThat(scorer.score(answered(sample, "정답은 (C)입니다.")).value()).isEqualTo(1.0);
    assertThat(scorer.score(answered(sample, "정답: B")).value()).isZero();
    assertThat(scorer.score(answered(sample, "모르겠습니다")).answer())
        .isEqualTo(AnswerExtractor.INVALID);
  }

  @Test
  void exactMatchHonoursCaseAndPunctuationOptions() {
    Sample sample = sample(List.of(), "Seoul");
    assertThat(
            Scorers.exactMatch(AnswerExtractor.identity(), false, false)
                .score(answered(sample, " Seoul "))
                .value())
        .isEqualTo(1.0);
    assertThat(
            Scorers.exactMatch(AnswerExtractor.identity(), false, false)
                .score(answered(sample, "seoul."))
                .value())
        .isZero();
    assertThat(
            Scorers.exactMatch(AnswerExtractor.identity(), true, true)
                .score(answered(sample, "seoul."))
                .value())
        .isEqualTo(1.0);
  }

  @Test
  void boxedMathComparesNumbersNumericallyAndTakesTheLastBox() {
    Sample sample = sample(List.of(), "1024");
    Scorer scorer = Scorers.boxedMath();
    assertThat(scorer.score(answered(sample, "first \\boxed{2} then \\boxed{1,024}")).value())
        .isEqualTo(1.0);
    assertThat(scorer.score(answered(sample, "\\boxed{1024.0}")).value()).isEqualTo(1.0);
    assertThat(scorer.score(answered(sample, "\\boxed{\\frac{1}{2}}")).value()).isZero();
    assertThat(scorer.score(answered(sample, "no box: 1024")).answer())
        .isEqualTo(AnswerExtractor.INVALID);
    assertThat(Scorers.sameMathAnswer("\\frac{1}{2}", "\\dfrac{1}{2}")).isTrue();
  }

  @Test
  void tokenF1CountsSharedWords() {
    assertThat(Scorers.tokenF1("the capital is Seoul", "Seoul")).isCloseTo(0.4, within(1e-12));
    assertThat(Scorers.tokenF1("Seoul", "Seoul")).isEqualTo(1.0);
    assertThat(Scorers.tokenF1("Busan", "Seoul")).isZero();
  }

  @Test
  void regexExtractorReturnsInvalidWhenNothingMatches() {
    AnswerExtractor gsm8k = AnswerExtractor.regex("#### (\\-?[0-9\\.\\,]+)", 1);
    assertThat(gsm8k.extract("so the answer is\n#### 42")).isEqualTo("42");
    assertThat(gsm8k.extract("42")).isEqualTo(AnswerExtractor.INVALID);
  }

  @Test
  void choiceLetterExtractorPrefersExplicitMarkersAndTheLastOne() {
    AnswerExtractor letter = AnswerExtractor.choiceLetter(5);
    assertThat(letter.extract("(A)는 틀렸고 정답: D")).isEqualTo("D");
    assertThat(letter.extract("Answer: B")).isEqualTo("B");
    assertThat(letter.extract("정답은 E")).isEqualTo("E");
    assertThat(letter.extract("(B) 서울")).isEqualTo("B");
    assertThat(letter.extract("C. 목성")).isEqualTo("C");
    assertThat(letter.extract("정답: F")).isEqualTo(AnswerExtractor.INVALID);
  }

  @Test
  void extractorsBoundTheTextTheyScan() {
    String huge = "x".repeat(AnswerExtractor.MAX_SCAN) + "정답: A";
    assertThat(AnswerExtractor.choiceLetter(4).extract(huge)).isEqualTo(AnswerExtractor.INVALID);
  }
}
