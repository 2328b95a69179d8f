package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.GeneratedText;
import kr.gukdae.data.ngram.ContaminationCheck.Method;
import kr.gukdae.data.ngram.ContaminationCheck.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContaminationTest {

  @TempDir Path dir;

  private static NgramFilter filter(Method m, List<String> docs) {
    NgramFilter f = new NgramFilter(NgramParams.of(m.n, Normaliser.NORI_1, 22, 7));
    docs.forEach(f::addDocument);
    return f;
  }

  @Test
  void plantedItemsAreFoundAtSeveralRatesUnderBothConventions() {
    GeneratedText gen = new GeneratedText(7);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(i % 2 == 0 ? gen.korean(18) : gen.english(30));
    }
    for (double rate : new double[] {0.0, 0.05, 0.2, 0.5}) {
      List<String> training = new ArrayList<>();
      for (int d = 0; d < 400; d++) {
        training.add(d % 2 == 0 ? gen.korean(60) : gen.english(80));
      }
      int planted = (int) Math.round(rate * items.size());
      for (int i = 0; i < planted; i++) {
        // Planted inside other text, as a web page would quote a test item.
        training.add(gen.korean(10) + " " + items.get(i) + " " + gen.english(10));
      }
      for (Method m : Method.values()) {
        var check = new ContaminationCheck(filter(m, training), m, Normaliser.NORI_1, "t");
        int found = 0;
        for (int i = 0; i < items.size(); i++) {
          var r = check.check(i, List.of(items.get(i)));
          if (r.status() == Status.CONTAMINATED) {
            found++;
            assertThat(i)
                .as("%s rate %s: only planted items are flagged", m, rate)
                .isLessThan(planted);
          }
        }
        assertThat(found).as("%s at rate %s", m, rate).isEqualTo(planted);
      }
    }
  }

  @Test
  void koreanParaphraseEdgeCases() {
    String item = "조선 왕조 의 수도 는 한양 이었으며 세종 대왕 은 집현전 학자 들 과 함께 훈민정음 을 창제 하였다";
    String question = "조선 왕조의 수도는 한양이었으며 세종대왕은 집현전 학자들과 함께 훈민정음을 창제하였다.";
    // Same content, different spacing and particles: still contaminated under the morpheme rule.
    String respaced = "조선왕조의 수도가 한양이었으며 세종대왕이 집현전 학자들과 함께 훈민정음을 창제하였다";
    var f13 = filter(Method.GPT3_13GRAM, List.of("머리말. " + respaced + " 끝."));
    var check = new ContaminationCheck(f13, Method.GPT3_13GRAM, Normaliser.NORI_1, "t");
    var r = check.check(0, List.of(question));
    assertThat(r.status()).isEqualTo(Status.CONTAMINATED);
    assertThat(r.span()).startsWith("조선").contains("훈민정음");
    assertThat(check.check(1, List.of(item)).status()).isEqualTo(Status.CONTAMINATED);

    // Sharing a topic is not contamination: a text about the same subject in other words.
    var topic =
        filter(Method.GPT3_13GRAM, List.of("세종대왕은 조선의 네 번째 왕이다. 한글은 오늘날 대한민국의 문자이며 많은 학자가 연구한다."));
    assertThat(
            new ContaminationCheck(topic, Method.GPT3_13GRAM, Normaliser.NORI_1, "t")
                .check(0, List.of(question))
                .status())
        .isEqualTo(Status.CLEAN);

    // Without morphemes the re-spaced copy is missed: the reason NORI_1 exists.
    var words = new NgramFilter(NgramParams.of(13, Normaliser.WORDS_1, 20, 7));
    words.addDocument(respaced);
    assertThat(
            new ContaminationCheck(words, Method.GPT3_13GRAM, Normaliser.WORDS_1, "t")
                .check(0, List.of(question))
                .status())
        .isNotEqualTo(Status.CONTAMINATED);

    // PaLM's 70% rule: part of an item copied is below threshold, 13-gram rule flags it.
    String rest = "새로운 문장이 여기에 이어지며 다른 내용을 길게 설명하고 있는데 이것은 원래 문항과 관련이 없다";
    var f8 = filter(Method.PALM_8GRAM_70, List.of(question));
    var r8 =
        new ContaminationCheck(f8, Method.PALM_8GRAM_70, Normaliser.NORI_1, "t")
            .check(0, List.of(question + " " + rest));
    assertThat(r8.status()).isEqualTo(Status.CLEAN);
    assertThat(r8.matched()).isPositive();
    // A short item cannot hold one 13-gram and is reported as such.
    assertThat(check.check(2, List.of("한양은 수도")).status()).isEqualTo(Status.TOO_SHORT);
  }

  @Test
  void aFileBuiltWithOtherParametersOrDamagedIsRefused() throws Exception {
    NgramFilter eight = new NgramFilter(NgramParams.of(8, Normaliser.NORI_1, 16, 5));
    eight.addDocument(new GeneratedText(3).korean(40));
    Path file = dir.resolve("team.ngrams");
    eight.write(file);
    NgramFilter back = NgramFilter.read(file);
    assertThat(back.header()).isEqualTo(eight.header());
    assertThatThrownBy(() ->
            new ContaminationCheck(back, Method.GPT3_13GRAM, Normaliser.NORI_1, file.toString()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("team.ngrams")
        .hasMessageContaining("n=8")
        .hasMessageContaining("--n 13");
    assertThatThrownBy(
            () -> new ContaminationCheck(back, Method.PALM_8GRAM_70, Normaliser.WORDS_1, "f"))
        .hasMessageContaining("words-1");

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(dir.resolve("edited.ngrams"), bytes);
    assertThatThrownBy(() -> NgramFilter.read(dir.resolve("edited.ngrams")))
        .hasMessageContaining("checksum mismatch");
    Files.write(dir.resolve("cut.ngrams"), java.util.Arrays.copyOf(bytes, 100));
    assertThatThrownBy(() -> NgramFilter.read(dir.resolve("cut.ngrams")))
        .isInstanceOf(UserError.class);
    Files.writeString(dir.resolve("junk.ngrams"), "hello");
    assertThatThrownBy(() -> NgramFilter.read(dir.resolve("junk.ngrams")))
        .hasMessageContaining("not a gukdae n-gram file");
  }

  @Test
  void runAuditAddsCleanSubsetScoresToResultsJson() throws Exception {
    GeneratedText gen = new GeneratedText(11);
    List<String> lines = new ArrayList<>();
    List<String> training = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String q = gen.korean(20);
      boolean dirty = i % 4 == 0; // 10 planted items, all answered correctly
      double acc = dirty ? 1.0 : (i % 2 == 0 ? 1.0 : 0.0);
      if (dirty) {
        training.add(q);
      }
      lines.add(
          DataJson.MAPPER.writeValueAsString(
              java.util.Map.of(
                  "doc_id",
                  i,
                  "doc",
                  java.util.Map.of("question", q, "answer", "A"),
                  "acc",
                  acc,
                  "metrics",
                  List.of("acc"))));
    }
    Files.write(dir.resolve("samples_kmmlu.jsonl"), lines);
    Files.writeString(dir.resolve("results.json"), "{\"results\":{\"kmmlu\":{\"acc,none\":0.5}}}");
    var check =
        new ContaminationCheck(
            filter(Method.GPT3_13GRAM, training), Method.GPT3_13GRAM, Normaliser.NORI_1, "f");
    var audits = RunAudit.audit(dir, check, 1e-6, List.of("question"));
    var a = audits.get(0);
    assertThat(a.task()).isEqualTo("kmmlu");
    assertThat(a.contaminated()).isEqualTo(10);
    assertThat(a.rate()).isEqualTo(0.25);
    // 20 of 40 right overall; the 10 planted were all right, so 10 of the 30 clean ones are.
    assertThat(a.full().get("acc")).isEqualTo(0.5);
    assertThat(a.clean().get("acc")).isEqualTo(1.0 / 3);
    var results = DataJson.tree("r", Files.readString(dir.resolve("results.json")));
    assertThat(results.at("/results/kmmlu/acc,none").asDouble()).isEqualTo(0.5);
    assertThat(results.at("/contamination/kmmlu/clean/acc").asDouble()).isEqualTo(1.0 / 3);
    assertThat(Files.readAllLines(dir.resolve("contamination_kmmlu.jsonl")).get(0))
        .contains("\"status\":\"contaminated\"")
        .contains("matched_span");

    assertThatThrownBy(() -> RunAudit.audit(dir, check, 0, List.of("nope")))
        .hasMessageContaining("no field 'nope'");
    // The failed audit left the earlier block as it was.
    assertThat(
            DataJson.tree("r", Files.readString(dir.resolve("results.json")))
                .at("/contamination/kmmlu/contaminated")
                .asInt())
        .isEqualTo(10);
  }

  @Test
  void lmEvalDatedSamplesAndTheDecontaminationQueryAreFollowed() throws Exception {
    GeneratedText gen = new GeneratedText(13);
    String leakedQuestion = gen.korean(20);
    String leakedPassage = gen.korean(20);
    Path model = Files.createDirectories(dir.resolve("demo__model"));
    List<String> lines =
        List.of(
            DataJson.MAPPER.writeValueAsString(
                java.util.Map.of(
                    "doc_id",
                    0,
                    "doc",
                    java.util.Map.of("question", leakedQuestion, "passage", gen.korean(20)),
                    "acc",
                    1.0,
                    "metrics",
                    List.of("acc"))),
            DataJson.MAPPER.writeValueAsString(
                java.util.Map.of(
                    "doc_id",
                    1,
                    "doc",
                    java.util.Map.of("question", gen.korean(20), "passage", leakedPassage),
                    "acc",
                    0.0,
                    "metrics",
                    List.of("acc"))));
    Files.write(model.resolve("samples_ko_read_2026-01-05T10-00-00.123456.jsonl"), lines);
    Files.writeString(
        dir.resolve("results.json"),
        "{\"results\":{},\"configs\":{\"ko_read\":{\"should_decontaminate\":true,"
            + "\"doc_to_decontamination_query\":\"{{question}}\"}}}");
    var check =
        new ContaminationCheck(
            filter(Method.GPT3_13GRAM, List.of(leakedQuestion, leakedPassage)),
            Method.GPT3_13GRAM,
            Normaliser.NORI_1,
            "f");
    var a = RunAudit.audit(dir, check, 0, null).get(0);
    assertThat(a.task()).isEqualTo("ko_read");
    // Only the question is the decontamination query: the leaked passage does not count.
    assertThat(a.contaminated()).isEqualTo(1);
    assertThat(a.clean().get("acc")).isEqualTo(0.0);
  }

  @Test
  void aSpanNeverCutsASurrogatePairWhereNfkcChangedTheLength() {
    // 𝔘𝔫 (two UTF-16 units each) become "Un" under NFKC: the normalised text's offsets end inside
    // the original's 😀, and the span cut there could not be written as UTF-8 (the audit failed).
    String item = "𝔘𝔫 이 문항은 조선 왕조의 수도와 세종대왕의 훈민정음 창제 과정을 묻는 문제 입니다 😀끝";
    var f = filter(Method.GPT3_13GRAM, List.of(item));
    var r =
        new ContaminationCheck(f, Method.GPT3_13GRAM, Normaliser.NORI_1, "t")
            .check(0, List.of(item));
    assertThat(r.status()).isEqualTo(Status.CONTAMINATED);
    String span = r.span();
    assertThat(span).isNotNull();
    for (int i = 0; i < span.length(); i++) {
      char c = span.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < span.length() && Character.isLowSurrogate(span.charAt(i + 1))).isTrue();
      }
      if (Character.isLowSurrogate(c)) {
        assertThat(i > 0 && Character.isHighSurrogate(span.charAt(i - 1))).isTrue();
      }
    }
    assertThat(java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(span)).isTrue();
  }

  @Test
  void parallelIndexingBuildsTheSameFileAsOneThread() throws Exception {
    GeneratedText gen = new GeneratedText(21);
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      docs.add(i % 2 == 0 ? gen.korean(30) : gen.english(40));
    }
    NgramParams params = NgramParams.of(13, Normaliser.NORI_1, 18, 5);
    NgramFilter one = new NgramFilter(params);
    docs.forEach(one::addDocument);
    NgramFilter many = new NgramFilter(params);
    try (var indexer = new ParallelIndexer(many, 3)) {
      docs.forEach(indexer);
    }
    one.write(dir.resolve("one.ngrams"));
    many.write(dir.resolve("many.ngrams"));
    assertThat(Files.readAllBytes(dir.resolve("many.ngrams")))
        .isEqualTo(Files.readAllBytes(dir.resolve("one.ngrams")));
  }
}
