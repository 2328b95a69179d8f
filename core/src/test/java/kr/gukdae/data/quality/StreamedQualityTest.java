package kr.gukdae.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import kr.gukdae.data.GeneratedText;
import kr.gukdae.data.quality.QualityCheck.RowFacts;
import kr.gukdae.dataset.Row;
import org.junit.jupiter.api.Test;

/**
 * The streamed check (external sorts and temp files) gives exactly the report the former in-memory
 * join gave ({@link InMemoryQuality}), on generated rows with planted exact copies, near copies
 * with Korean paraphrase-like edits (re-spacing, particles swapped, a word replaced, sentences
 * moved, full-width forms), copies of copies, and near misses, with the sort forced through many
 * runs and multi-pass merges.
 */
class StreamedQualityTest {

  private static Row row(int line, String text) {
    return new Row("corpus.jsonl", line, Map.of("text", text));
  }

  /** A Korean paraphrase-like edit of {@code text}, chosen by {@code kind}. */
  private static String edit(String text, int kind, Random r) {
    return switch (kind) {
      case 0 -> text.replace(" ", ""); // 띄어쓰기 removed
      case 1 -> text.replace("은 ", "는 ").replace("이 ", "가 "); // particles swapped
      case 2 -> text.replaceFirst("정부", "국가").replaceFirst("학생", "학생들"); // words replaced
      case 3 -> { // two sentences swapped
        String[] s = text.split("\\. ");
        if (s.length > 2) {
          String t = s[0];
          s[0] = s[1];
          s[1] = t;
        }
        yield String.join(". ", s);
      }
      case 4 -> // full-width digits and upper case: folded by NFKC and case folding
          text.toUpperCase(Locale.ROOT).replace("1", "１") + " 2026년 １월";
      case 5 -> text.substring(0, text.length() * 3 / 4); // cut short: a weaker copy
      case 6 -> text + " " + text.substring(0, Math.min(40, text.length())); // a tail added
      default -> { // every fifth word dropped: often below the similarity limit
        String[] w = text.split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
          if (i % 5 != r.nextInt(5)) {
            b.append(w[i]).append(' ');
          }
        }
        yield b.toString();
      }
    };
  }

  static List<Row> corpus(long seed, int size) {
    GeneratedText gen = new GeneratedText(seed);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      String text;
      int pick = r.nextInt(100);
      if (rows.size() > 10 && pick < 12) {
        String earlier = rows.get(r.nextInt(rows.size())).getString("text");
        text = edit(earlier, r.nextInt(8), r); // near copy, possibly of a copy
      } else if (rows.size() > 10 && pick < 16) {
        text = rows.get(r.nextInt(rows.size())).getString("text"); // exact copy
      } else if (pick < 17) {
        text = i % 2 == 0 ? "" : "짧다"; // broken / too short for a shingle
      } else {
        text = i % 4 == 0 ? gen.english(30 + r.nextInt(40)) : gen.korean(15 + r.nextInt(30));
      }
      rows.add(row(i, text));
    }
    return rows;
  }

  private static List<RowFacts> facts(List<Row> rows) {
    return rows.stream().map(r -> QualityCheck.facts(r, "text")).toList();
  }

  private static QualityReport streamed(
      List<RowFacts> facts, Thresholds limits, int capacity, int fanIn) {
    try (QualityScan scan = new QualityScan("d", "v1", 1, limits, capacity, fanIn)) {
      facts.forEach(scan::add);
      return scan.finish();
    }
  }

  private static long rows(QualityReport r, String criterion) {
    return r.criteria().stream()
        .filter(c -> c.name().equals(criterion))
        .findFirst()
        .orElseThrow()
        .rows();
  }

  @Test
  void signaturesAreThoseOfThePlainerVersion() {
    for (Row row : corpus(3, 400)) {
      String text = row.getString("text");
      assertThat(Signatures.of(text)).isEqualTo(InMemoryQuality.plainSignature(text));
    }
    assertThat(Signatures.of("ㄱ ㄴ ㄷ\tㄹ")).isNull(); // four characters without the spaces
    assertThat(Signatures.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .isEqualTo(InMemoryQuality.plainSignature("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  }

  @Test
  void streamedReportEqualsTheInMemoryOneThroughManyRunsAndMerges() {
    List<RowFacts> facts = facts(corpus(11, 4000));
    for (Thresholds limits :
        List.of(
            Thresholds.DEFAULT,
            new Thresholds(0.01, 0.05, 0.5, 0.0, 0.001, 0.01, 0.05),
            new Thresholds(0.01, 0.05, 0.95, 0.0, 0.001, 0.01, 0.05))) {
      QualityReport expected = InMemoryQuality.join("d", "v1", 1, facts, limits);
      // planted copies are there, beyond the cap of stored findings
      assertThat(rows(expected, "nearDuplicates")).isGreaterThan(100);
      assertThat(rows(expected, "exactDuplicates"))
          .isGreaterThan(QualityReport.MAX_FINDINGS_PER_CRITERION);
      assertThat(streamed(facts, limits, 1 << 16, 128)).isEqualTo(expected);
      assertThat(streamed(facts, limits, 97, 3)).isEqualTo(expected); // ~40 runs, 3-way merges
      assertThat(QualityCheck.join("d", "v1", 1, facts, limits)).isEqualTo(expected);
    }
  }

  @Test
  void nearCopiesNameBothRowsAndKoreanEditsAreFound() {
    GeneratedText gen = new GeneratedText(21);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      rows.add(row(i, gen.korean(40)));
    }
    String original = rows.get(4).getString("text");
    rows.add(row(51, original.replace(" ", ""))); // re-spaced
    rows.add(row(52, original.replace("은 ", "는 ").replace(" ", "  "))); // particle, spacing
    rows.add(row(53, rows.get(9).getString("text").replaceFirst("정부", "국가")));
    QualityReport r = QualityCheck.run("d", "v1", 1, rows, "text", Thresholds.DEFAULT);
    assertThat(r).isEqualTo(InMemoryQuality.join("d", "v1", 1, facts(rows), Thresholds.DEFAULT));
    List<QualityReport.Finding> near =
        r.findings().stream().filter(f -> f.criterion().equals("nearDuplicates")).toList();
    assertThat(near).extracting(QualityReport.Finding::row).contains("corpus.jsonl:51");
    assertThat(near)
        .filteredOn(f -> f.row().equals("corpus.jsonl:51"))
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).startsWith("near copy of corpus.jsonl:5 "));
  }

  @Test
  void anEmptyScanReportsNoRows() {
    QualityReport r = QualityCheck.run("d", "v1", 1, List.of(), "text", Thresholds.DEFAULT);
    assertThat(r.rows()).isZero();
    assertThat(r.findings()).isEmpty();
  }
}
