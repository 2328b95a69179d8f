package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.GeneratedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the bytes teams hand over and the verdicts gukdae writes, for a fixed input, so a faster
 * tokeniser, hash or indexer cannot change them unnoticed: a team's file built by an older gukdae
 * must keep matching. The digests were taken before the throughput work (December 2026); if one
 * changes, the n-gram file format changed and {@link NgramParams} needs a new normaliser or hash
 * id.
 */
class NgramGoldenTest {

  @TempDir Path dir;

  /** Generated text plus the cases a fast path could get wrong. */
  static List<String> corpus() {
    GeneratedText gen = new GeneratedText(2026);
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      docs.add(i % 2 == 0 ? gen.korean(40) : gen.english(60));
    }
    docs.addAll(edgeCases());
    docs.add("외톨이 대리 문자 \uD800 뒤 \uDC00 앞 문장이 이어진다"); // not valid UTF-16: text from a lax reader
    return docs;
  }

  static List<String> edgeCases() {
    return List.of(
        "",
        "   ",
        "한 단어",
        "ＧＰＴ－４ 모델은 Ｋｏｒｅａｎ 문장을 읽었다. ﾊﾝｶｸ ｶﾀｶﾅ ㈜ ㎏ ① ﬁ",
        "大韓民國의 首都는 서울이다. 漢字語 학습은 어렵다 世宗大王 訓民正音",
        "이모지 😀 뒤에 문장 🇰🇷 국기와 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 글자 글자",
        "ㄱㄴㄷ ㅏㅑ 자모만 있는 줄과 ᄀᆞᆼ 옛 한글, 가\u0301 결합 문자",
        "Hello, World!  It's 2025. e-mail: a.b@c.kr  URL https://x.y/z?q=1 — dash… \"quotes\"",
        "tab\tseparated\u00A0nbsp\u2003emspace\u200Bzero-width 줄\r끝",
        "숫자 123,456.78원과 3.14 그리고 ２０２６년 １２월 ３일 ⅻ Ⅻ",
        "MiXeD CaSe İstanbul ǅ straße ΣΊΣΥΦΟΣ 대문자 ÉCOLE",
        "반복 반복 반복 반복 반복 반복 반복 반복 반복 반복 반복 반복 반복 반복 반복 반복",
        "조선 왕조의 수도는 한양이었으며 세종대왕은 집현전 학자들과 함께 훈민정음을 창제하였다.",
        "조선왕조의 수도가 한양이었으며 세종대왕이 집현전 학자들과 함께 훈민정음을 창제하였다",
        "아버지가방에들어가신다 띄어쓰기없는긴문장도형태소로나뉘어야한다고생각합니다",
        "a".repeat(300) + " " + "가".repeat(300),
        "!!! ... ??? ;;; --- (((  ))) [[[ ]]] ~~~ @@@ ### $$$ %%% ^^^ &&& ***");
  }

  static String tokenDigest(Normaliser n, List<String> texts) {
    StringBuilder s = new StringBuilder();
    for (String t : texts) {
      for (Normaliser.Token k : n.tokens(t)) {
        s.append(k.term())
            .append('\u0001')
            .append(k.start())
            .append(',')
            .append(k.end())
            .append('\n');
      }
      s.append("\u0002\n");
    }
    return Sha256.hex(s.toString());
  }

  private String fileDigest(Normaliser n, int gram, List<String> docs) throws Exception {
    NgramFilter f = new NgramFilter(NgramParams.of(gram, n, 16, 7));
    docs.forEach(f::addDocument);
    Path file = dir.resolve(n.id() + "-" + gram + ".ngrams");
    f.write(file);
    return Sha256.hex(Files.readAllBytes(file));
  }

  @Test
  void tokensOfEveryEdgeCaseArePinned() {
    List<String> all = corpus();
    assertThat(List.of(tokenDigest(Normaliser.NORI_1, all), tokenDigest(Normaliser.WORDS_1, all)))
        .containsExactly(
            "9e02bb5130cf0f6738d2b55729345cd74d77a1f897f8cb76d9f96112c9510191",
            "ffd45b1e85b42c5e34dc7e461486737d1be14009e9442a88b30af17cd2179ccf");
  }

  @Test
  void hashedNgramFilesArePinned() throws Exception {
    List<String> docs = corpus();
    assertThat(
            List.of(
                fileDigest(Normaliser.NORI_1, 13, docs),
                fileDigest(Normaliser.NORI_1, 8, docs),
                fileDigest(Normaliser.WORDS_1, 13, docs)))
        .containsExactly(
            "72a61d761296d297243e85d608537885430d7871baebf1f79f17d48a89ef932a",
            "0f305b7887f3ea2a9e40d2d3d33ac7cedcbdf4e6f85b261c19803f1a74e111f3",
            "944259308a2e6569ffc758a0727fd59d1eaac0e7c1daa9b9d21d8bd0d1e64bdc");
    // Several threads write the same bytes.
    NgramFilter many = new NgramFilter(NgramParams.of(13, Normaliser.NORI_1, 16, 7));
    try (var indexer = new ParallelIndexer(many, 3)) {
      docs.forEach(indexer);
    }
    many.write(dir.resolve("many.ngrams"));
    assertThat(Sha256.hex(Files.readAllBytes(dir.resolve("many.ngrams"))))
        .isEqualTo("72a61d761296d297243e85d608537885430d7871baebf1f79f17d48a89ef932a");
  }

  @Test
  void auditVerdictsWithMatchedSpansArePinned() throws Exception {
    List<String> docs = corpus();
    GeneratedText gen = new GeneratedText(77);
    List<String> lines = new ArrayList<>();
    List<String> training = new ArrayList<>(docs);
    List<String> items = new ArrayList<>(edgeCases());
    items.removeIf(t -> t.chars().anyMatch(c -> Character.isSurrogate((char) c)));
    for (int i = 0; i < 60; i++) {
      items.add(i % 2 == 0 ? gen.korean(20) : gen.english(30));
    }
    for (int i = 0; i < items.size(); i++) {
      if (i % 5 == 0) { // planted inside other text
        training.add(gen.korean(8) + " " + items.get(i) + " " + gen.english(8));
      } else if (i % 7 == 0) { // only the first half leaks
        String item = items.get(i);
        training.add(item.substring(0, item.length() / 2));
      }
      lines.add(
          DataJson.MAPPER.writeValueAsString(
              Map.of(
                  "doc_id",
                  i,
                  "doc",
                  Map.of("question", items.get(i), "choices", List.of("가", "나", "다")),
                  "acc",
                  i % 3 == 0 ? 1.0 : 0.0,
                  "metrics",
                  List.of("acc"))));
    }
    Files.write(dir.resolve("samples_golden.jsonl"), lines);
    StringBuilder out = new StringBuilder();
    for (var m : ContaminationCheck.Method.values()) {
      // The normalisers of December 2026 only, so a later one does not move this digest.
      for (Normaliser n : List.of(Normaliser.NORI_1, Normaliser.WORDS_1)) {
        NgramFilter f = new NgramFilter(NgramParams.of(m.n, n, 20, 7));
        training.forEach(f::addDocument);
        Files.writeString(dir.resolve("results.json"), "{\"results\":{\"golden\":{}}}");
        RunAudit.audit(dir, new ContaminationCheck(f, m, n, "f"), 0, null);
        out.append(Files.readString(dir.resolve("contamination_golden.jsonl")));
        out.append(Files.readString(dir.resolve("results.json")));
      }
    }
    assertThat(out.toString()).contains("matched_span\":\"");
    assertThat(Sha256.hex(out.toString().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("25ba711dac4a5727fdfe1681bb565a41f78c7e44c944cc881aa6d6c80d08d872");
  }

  /** nori-2 (word-wise Nori, remembered per word), pinned when it was added. */
  @Test
  void noriTwoIsPinned() throws Exception {
    List<String> docs = corpus();
    NgramFilter many = new NgramFilter(NgramParams.of(13, Normaliser.NORI_2, 16, 7));
    try (var indexer = new ParallelIndexer(many, 3)) {
      docs.forEach(indexer);
    }
    many.write(dir.resolve("many2.ngrams"));
    assertThat(
            List.of(
                tokenDigest(Normaliser.NORI_2, docs),
                fileDigest(Normaliser.NORI_2, 13, docs),
                fileDigest(Normaliser.NORI_2, 8, docs),
                Sha256.hex(Files.readAllBytes(dir.resolve("many2.ngrams")))))
        .containsExactly(
            "d23e381131c13f31a7659e35ab0552be4c7889909a45ed0ccd69444a79bed77d",
            "ec5da8c27ff91b799cfa86999331b6328a3c1934a3edfcb8e24c3e74bc6468f0",
            "97828c28614fba7dbc41f3edcb2b489fa5c7cf0343837e008fe1d4c76e3d54dc",
            "ec5da8c27ff91b799cfa86999331b6328a3c1934a3edfcb8e24c3e74bc6468f0");
  }
}
