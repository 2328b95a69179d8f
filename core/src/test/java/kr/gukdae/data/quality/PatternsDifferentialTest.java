package kr.gukdae.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import kr.gukdae.data.GeneratedText;
import kr.gukdae.data.quality.QualityCheck.RowFacts;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The fast pattern checks give exactly the facts (and so the reports) of the former
 * regex-per-criterion code ({@link ReferenceFacts}), on Korean and English rows with planted
 * findings of every criterion and their near misses: resident registration numbers with good and
 * bad check digits, phone numbers with every separator, e-mails, 도로명 addresses, spaced and
 * width-folded lexicon terms, OCR noise of each kind, every script, broken rows; placed at the
 * start, middle and end of a row, glued to digits, letters and Hangul, with full-width digits and
 * hyphen variants (‐ – − －) that the patterns must not take for ASCII ones.
 */
class PatternsDifferentialTest {

  /** Pieces planted into rows; each is a finding, a near miss, or an edge of one. */
  private static final List<String> PIECES =
      List.of(
          // resident registration numbers (valid ones are generated too, see rrn())
          "800101-1234560",
          "8001011234560",
          "800101 1234560",
          "800101-1234567",
          "800101-9234560",
          "801301-1234560",
          "800132-1234560",
          "800101-12345601",
          "800101‐1234560",
          "800101–1234560",
          "800101−1234560",
          "８００１０１-１２３４５６０",
          "주민번호:800101-1234560",
          // phones
          "010-1234-5678",
          "01012345678",
          "010 1234 5678",
          "010.1234.5678",
          "011-123-4567",
          "019-9876-5432",
          "010-1234-56789",
          "010–1234–5678",
          "010－1234－5678",
          "０１０-１２３４-５６７８",
          "+82-10-1234-5678",
          "02-123-4567",
          "02)123-4567",
          "(02) 123 4567",
          "031-1234-5678",
          "064 123 4567",
          "070-1234-5678",
          "tel.02.1234.5678",
          "전화 010-1234-5678",
          "2026",
          "123456",
          "1234567890123",
          "0101",
          // e-mails
          "gil@example.kr",
          "a.b+c_d%e@sub.example.co.kr",
          "@example.com",
          "user@localhost",
          "x@y.zz",
          "me@ex-ample.org.",
          "a@b@c.com",
          "USER@EXAMPLE.COM",
          "홍길동@example.com",
          "ｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ",
          "x".repeat(70) + "@long.example",
          "mail:me@x.io",
          // 도로명 addresses
          "서울특별시 종로구 세종대로 209",
          "부산광역시 해운대구 우동 해운대로 570",
          "경기도 성남시 분당구 판교로 235-1",
          "제주특별자치도 제주시 첨단로 242",
          "서울시 강남구 테헤란로152",
          "서울특별시종로구 세종대로 209",
          "세종대로 209",
          "서울특별시 종로구 세종대로",
          "대전광역시  유성구\t대학로 99",
          "으로 2026년",
          "길 3",
          // lexicon terms and near misses
          "김치녀",
          "김 치 녀",
          "한남충",
          "틀 딱",
          "틀딱충",
          "병신",
          "병원신문",
          "조선족은 꺼져",
          "조선족은\n꺼져",
          "SUBHUMAN",
          "ｓｕｂｈｕｍａｎ",
          "sub human",
          "go back to your country",
          "go back\tto your\ncountry",
          "go\u00A0back to your country",
          "go\u3000back to your country",
          "go back to your countr",
          // OCR noise
          "ㅎㅏㄴㄱㅜㄱ",
          "ㅋㅋ",
          "▒▒▒ ### @@@ ※※※ ▒▒▒ ### @@@",
          "aaaaaaaaaa",
          "aaaaaaaaa",
          "----------",
          "!!!!!!!!!!!",
          "\n\n\n\n\n\n\n\n\n\n\n\n",
          "\u2028".repeat(11),
          "\u0085".repeat(11),
          "ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ",
          "😀".repeat(10),
          "😀".repeat(9),
          "\uDE00".repeat(10),
          "\uD83D".repeat(10),
          "😀" + "\uDE00".repeat(10),
          "He11O w0rld l1I1 O0O0",
          "abc123 Il1|",
          "A1B2C3 OOOO",
          "l0O1Il",
          "x1y2z3w4 0000",
          "가가가가가가가가가가",
          // scripts
          "漢字文化圈",
          "ひらがなカタカナ",
          "Русский текст",
          "Ελληνικά",
          "عربي",
          "١٢٣٤٥٦",
          // broken
          "\uFFFD",
          "\u0001",
          "\u0000",
          "\u007F");

  private static final List<String> GLUE =
      List.of(" ", "", "\n", "\t", "  ", ", ", "\u3000", "\u00A0", "-", "1", "a", "가", ".", "0");

  /** A pre-2020 resident registration number whose check digit is right. */
  private static String rrn(Random r) {
    String d =
        String.format(
            Locale.ROOT,
            "%02d%02d%02d%d%05d",
            r.nextInt(100),
            1 + r.nextInt(12),
            1 + r.nextInt(28),
            1 + r.nextInt(8),
            r.nextInt(100000));
    int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (d.charAt(i) - '0') * w[i];
    }
    String full = d + (11 - sum % 11) % 10;
    String sep = List.of("-", " ", "", "‐").get(r.nextInt(4));
    return full.substring(0, 6) + sep + full.substring(6);
  }

  private static String piece(Random r) {
    return r.nextInt(6) == 0 ? rrn(r) : PIECES.get(r.nextInt(PIECES.size()));
  }

  static List<Row> corpus(long seed, int size) {
    GeneratedText gen = new GeneratedText(seed);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < PIECES.size(); i++) {
      rows.add(row(rows.size() + 1, PIECES.get(i))); // every piece alone once
    }
    while (rows.size() < size) {
      int kind = r.nextInt(10);
      StringBuilder text = new StringBuilder();
      if (kind == 0) { // pieces only, glued in every way
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
          text.append(piece(r)).append(GLUE.get(r.nextInt(GLUE.size())));
        }
      } else {
        String base =
            r.nextBoolean() ? gen.korean(5 + r.nextInt(40)) : gen.english(5 + r.nextInt(60));
        text.append(base);
        for (int k = r.nextInt(4); k > 0; k--) { // at the start, the end or inside a word
          int at =
              switch (r.nextInt(3)) {
                case 0 -> 0;
                case 1 -> text.length();
                default -> r.nextInt(text.length() + 1);
              };
          String glue = GLUE.get(r.nextInt(GLUE.size()));
          text.insert(at, at == 0 ? piece(r) + glue : glue + piece(r));
        }
      }
      rows.add(row(rows.size() + 1, text.toString()));
    }
    rows.add(new Row("corpus.jsonl", rows.size() + 1, Map.of("other", "no text field")));
    return rows;
  }

  private static Row row(int line, String text) {
    return new Row("corpus.jsonl", line, Map.of("text", text));
  }

  private static final List<String> FIELDS =
      List.of("where", "key", "broken", "script", "normal", "signature", "personal", "hate", "ocr");

  /** Every field of the facts, the signature by value (a record compares arrays by identity). */
  private static List<String> shown(RowFacts f) {
    return List.of(
        f.where(),
        f.key(),
        String.valueOf(f.broken()),
        f.script(),
        String.valueOf(f.normal()),
        Arrays.toString(f.signature()),
        String.valueOf(f.personal()),
        String.valueOf(f.hate()),
        String.valueOf(f.ocr()));
  }

  /** Per row that differs: its text and each field that differs, expected then actual. */
  private static List<String> differences(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      List<String> expected = shown(ReferenceFacts.facts(row, "text"));
      List<String> actual = shown(QualityCheck.facts(row, "text"));
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < FIELDS.size(); i++) {
        if (!expected.get(i).equals(actual.get(i))) {
          d.append("\n  ").append(FIELDS.get(i)).append(": expected ").append(expected.get(i));
          d.append("\n  ").append(" ".repeat(FIELDS.get(i).length())).append("  actual   ");
          d.append(actual.get(i));
        }
      }
      if (!d.isEmpty()) {
        out.add(row.where() + " " + row.fields() + d);
      }
    }
    return out;
  }

  @Test
  void fastFactsAreTheReferenceFactsOnEveryRow() {
    List<Row> rows = corpus(16, 12_000);
    assertThat(differences(rows)).isEmpty();
  }

  @Test
  void theCorpusPlantsEveryCriterionAndEveryKindOfFinding() {
    Map<String, Integer> seen = new HashMap<>();
    Set<String> hate = new TreeSet<>();
    for (Row row : corpus(16, 12_000)) {
      RowFacts f = ReferenceFacts.facts(row, "text");
      count(seen, "broken " + reason(f.broken()));
      count(seen, "script " + f.script());
      count(seen, "ocr " + reason(f.ocr()));
      String p = f.personal();
      if (p != null) {
        for (String kind : List.of("resident-registration-number", "phone", "email", "address")) {
          if (p.contains(kind)) {
            count(seen, "personal " + kind);
          }
        }
      }
      if (f.hate() != null) {
        hate.add(f.hate());
      }
    }
    for (String kind :
        List.of(
            "broken no",
            "broken empty",
            "broken U+FFFD",
            "broken control",
            "script KOREAN",
            "script ENGLISH",
            "script CHINESE_JAPANESE",
            "script OTHER",
            "script NONE",
            "ocr symbols",
            "ocr isolated",
            "ocr a",
            "ocr letters",
            "personal resident-registration-number",
            "personal phone",
            "personal email",
            "personal address")) {
      assertThat(seen.getOrDefault(kind, 0)).as(kind).isPositive();
    }
    assertThat(hate).hasSizeGreaterThanOrEqualTo(7);
  }

  private static void count(Map<String, Integer> seen, String key) {
    seen.merge(key, 1, Integer::sum);
  }

  /** The first word of a reason ("symbols make up 40% …" → "symbols"), or null. */
  private static String reason(@Nullable String why) {
    if (why == null) {
      return "null";
    }
    String w = why.replaceAll("^\\d+ ", "");
    return w.substring(0, w.indexOf(' ') < 0 ? w.length() : w.indexOf(' '));
  }

  @Test
  void reportsAreThoseOfTheReferenceFacts() {
    List<Row> rows = corpus(7, 4_000);
    QualityReport expected;
    try (QualityScan scan = new QualityScan("d", "v1", 1, Thresholds.DEFAULT)) {
      rows.forEach(r -> scan.add(ReferenceFacts.facts(r, "text")));
      expected = scan.finish();
    }
    QualityReport actual = QualityCheck.run("d", "v1", 1, rows, "text", Thresholds.DEFAULT);
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.findings()).hasSizeGreaterThan(100);
  }

  @Test
  void everyPieceAloneAndGluedGivesTheReferenceFacts() {
    // each piece in short rows of its own too, so a failure names the piece
    List<String> bad = new ArrayList<>();
    for (String p : PIECES) {
      for (String glue : GLUE) {
        for (String text : List.of(p, glue + p, p + glue, glue + p + glue, p + glue + p)) {
          if (!differences(List.of(row(1, text))).isEmpty()) {
            bad.add(text);
          }
        }
      }
    }
    assertThat(bad).isEmpty();
  }
}
