package kr.gukdae.data.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.data.GeneratedText;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.dataset.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCheckTest {

  @TempDir Path dir;

  private static Row row(int line, String text) {
    return new Row("data.jsonl", line, Map.of("text", text));
  }

  private static QualityReport.Criterion criterion(QualityReport r, String name) {
    return r.criteria().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void plantedProblemsAreFoundAndTracedToRows() {
    GeneratedText gen = new GeneratedText(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      rows.add(row(i, i % 3 == 0 ? gen.english(40) : gen.korean(25)));
    }
    String original = rows.get(10).getString("text");
    rows.add(row(201, original)); // exact copy
    rows.add(row(202, "  " + original.toUpperCase(Locale.ROOT) + " ")); // same after folding
    // Near copy: re-spaced and two words changed.
    String near = rows.get(20).getString("text").replace(" ", "").replaceFirst("정부", "국가");
    rows.add(row(203, near));
    rows.add(row(204, "문의: 홍길동 800101-1234560, 010-1234-5678, gil@example.kr"));
    rows.add(row(205, "서울특별시 종로구 세종대로 209 에 산다"));
    rows.add(row(206, "주민번호처럼 보이는 800101-1234567 은 검증 숫자가 틀리다"));
    rows.add(row(207, "그런 말 하는 건 틀 딱 들 뿐이다"));
    rows.add(row(208, ""));
    rows.add(row(209, "깨진 \uFFFD\uFFFD 인코딩"));
    rows.add(row(210, "ㅎㅏㄴㄱㅜㄱ ㅇㅓ 문 서 ~~ ▒▒▒ ### @@@ ※※※ ▒▒▒ ### @@@"));

    QualityReport r = QualityCheck.run("ko-web", "v1", 1, rows, "text", Thresholds.DEFAULT);
    assertThat(criterion(r, "exactDuplicates").rows()).isEqualTo(2);
    assertThat(criterion(r, "nearDuplicates").rows()).isEqualTo(1);
    assertThat(criterion(r, "personalData").rows()).isEqualTo(2);
    assertThat(criterion(r, "hate").rows()).isEqualTo(1);
    assertThat(criterion(r, "emptyOrBroken").rows()).isEqualTo(2);
    assertThat(criterion(r, "ocrNoise").rows()).isEqualTo(1);
    assertThat(r.passed()).isFalse();
    assertThat(r.findings())
        .anySatisfy(f ->
            assertThat(f.row() + f.detail()).isEqualTo("data.jsonl:201same text as data.jsonl:11"))
        .anySatisfy(f ->
            assertThat(f.row() + " " + f.detail())
                .startsWith("data.jsonl:203 near copy of data.jsonl:21"))
        .anySatisfy(f ->
            assertThat(f.detail())
                .contains("resident-registration-number 8001011******")
                .contains("phone 010-****")
                .contains("email g***@example.kr"))
        .anySatisfy(f ->
            assertThat(f.row() + f.detail())
                .startsWith("data.jsonl:205address 서울특별시 종로구 세종대로 ***"));
    // The report never repeats personal data in full.
    assertThat(r.findings().toString())
        .doesNotContain("1234560")
        .doesNotContain("5678")
        .doesNotContain("gil@");
    assertThat(r.languageMix()).containsKeys("KOREAN", "ENGLISH");
    // 66 generated English rows plus short mixed rows whose Latin letters outnumber Hangul
    // (e-mail).
    assertThat(r.languageMix().get("ENGLISH")).isBetween(66L, 68L);
    assertThat(r.languageMix().get("NONE")).isEqualTo(2); // the empty and the broken row
  }

  @Test
  void distinctGeneratedTextIsNotCalledNearDuplicate() {
    GeneratedText gen = new GeneratedText(9);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      rows.add(row(i, gen.korean(30)));
    }
    QualityReport r = QualityCheck.run("d", "v", 1, rows, "text", Thresholds.DEFAULT);
    assertThat(criterion(r, "nearDuplicates").rows()).isZero();
    assertThat(criterion(r, "exactDuplicates").rows()).isZero();
    assertThat(r.passed()).isTrue();
  }

  @Test
  void aCorrectionRoundShowsWhatWasFixedWhatRemainsAndWhatIsNew() throws Exception {
    Path v1 = dir.resolve("v1.csv");
    Files.writeString(
        v1,
        "id,text\n1,정상적인 문장입니다 하나\n2,연락처 010-2222-3333 입니다\n"
            + "3,정상적인 문장입니다 하나\n4,메일 kim@corp.co.kr 로 주세요\n");
    Path v2 = dir.resolve("v2.csv");
    Files.writeString(
        v2, "id,text\n1,정상적인 문장입니다 하나\n4,메일 kim@corp.co.kr 로 주세요\n" + "5,새로 넣은 틀딱 표현\n");
    QualityReport first =
        QualityCheck.run("d", "v1", 1, Datasets.read(v1), "text", Thresholds.DEFAULT);
    QualityReport second =
        QualityCheck.run("d", "v1", 2, Datasets.read(v2), "text", Thresholds.DEFAULT);
    var diff = first.diff(second);
    assertThat(diff.resolved())
        .extracting(QualityReport.Finding::criterion)
        .containsExactlyInAnyOrder("exactDuplicates", "personalData");
    assertThat(diff.remaining())
        .extracting(QualityReport.Finding::detail)
        .containsExactly("email k***@corp.co.kr");
    assertThat(diff.introduced())
        .extracting(QualityReport.Finding::criterion)
        .containsExactly("hate");
    assertThat(diff.rates()).anyMatch(s -> s.startsWith("exactDuplicates: 0.2500 -> 0.0000"));
    assertThat(diff.passedAfter()).isFalse();
  }

  @Test
  void residentNumberChecksumAndThresholdFile() throws Exception {
    assertThat(PersonalData.rrnChecksumOk("8001011234560")).isTrue();
    assertThat(PersonalData.rrnChecksumOk("8001011234567")).isFalse();
    Path t = dir.resolve("t.json");
    Files.writeString(
        t,
        "{\"exactDuplicates\":0.01,\"nearDuplicates\":0.05,\"nearDuplicateJaccard\":0.8,"
            + "\"personalData\":0,\"hate\":0.001,\"emptyOrBroken\":0.01,\"ocrNoise\":0.05,\"typo\":1}");
    assertThatThrownBy(() -> Thresholds.read(t))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("t.json")
        .hasMessageContaining("typo");
  }

  @Test
  void rowsCheckedInPiecesAndJoinedGiveTheWholeReportNearCopiesAcrossPiecesIncluded() {
    GeneratedText gen = new GeneratedText(9);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      rows.add(row(i, gen.korean(30)));
    }
    // copies whose originals lie in an earlier piece of 50 rows
    rows.add(row(121, rows.get(3).getString("text")));
    rows.add(row(122, rows.get(7).getString("text").replace(" ", "").replaceFirst("정부", "국가")));
    rows.add(row(123, "연락처 010-1234-5678"));
    QualityReport whole = QualityCheck.run("d", "v", 1, rows, "text", Thresholds.DEFAULT);
    List<QualityCheck.RowFacts> facts = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += 50) {
      for (Row r : rows.subList(from, Math.min(rows.size(), from + 50))) {
        facts.add(QualityCheck.facts(r, "text"));
      }
    }
    QualityReport joined = QualityCheck.join("d", "v", 1, facts, Thresholds.DEFAULT);
    assertThat(joined).isEqualTo(whole);
    assertThat(criterion(joined, "nearDuplicates").rows()).isEqualTo(1);
    assertThat(criterion(joined, "exactDuplicates").rows()).isEqualTo(1);
    assertThat(joined.findings())
        .anySatisfy(f -> assertThat(f.detail()).startsWith("near copy of data.jsonl:8"));
  }
}
